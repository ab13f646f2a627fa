"""Module the ``dramatiq`` worker imports: loads settings ($AIB_CONFIG), sets up the broker
and declares the actor. Started by ``openemr-bridge worker``."""
from __future__ import annotations

import logging
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bridge import logs, queue, settings  # noqa: E402

logs.configure()
SETTINGS = settings.load()
broker = queue.make_broker(SETTINGS)
process_task = queue.declare(broker, SETTINGS)
logging.getLogger(__name__).info("worker ready for %d practice(s)", len(SETTINGS.practices))
