"""Dramatiq wiring: the broker, its middleware, and the one thin actor.

``bridge.process_task(practice, task_id)`` carries two ids and nothing else: brokers keep
dead messages for days, so chart text never goes onto the queue. The actor opens nothing
itself; it delegates to :func:`bridge.worker.run_task`. Retries back off exponentially;
on the last one the worker records the failure in ``aib_failures`` instead of raising.
"""
from __future__ import annotations

import logging
from typing import Any

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import CurrentMessage

from bridge.runtime import Runtime
from bridge.settings import Settings

log = logging.getLogger(__name__)

ACTOR_NAME = "bridge.process_task"
QUEUE_NAME = "openemr_bridge"
_runtime: Runtime | None = None


def make_broker(settings: Settings) -> dramatiq.Broker:
    broker = RedisBroker(url=settings.redis_url, heartbeat_timeout=settings.heartbeat_timeout_ms, dead_message_ttl=86_400_000)
    broker.add_middleware(CurrentMessage())
    dramatiq.set_broker(broker)
    return broker


def declare(broker: dramatiq.Broker, settings: Settings) -> dramatiq.Actor:
    """Declare (or return) the process_task actor on ``broker``."""
    if ACTOR_NAME in broker.actors:
        return broker.get_actor(ACTOR_NAME)

    def process_task(practice: str, task_id: int) -> None:
        from bridge.worker import run_task, safe_reason

        message = CurrentMessage.get_current_message()
        retries = int(message.options.get("retries", 0)) if message else 0
        final = retries >= settings.max_retries
        try:
            run_task(runtime(settings), practice, int(task_id), final_attempt=final)
        except Exception as exc:
            # re-raised without its chain: driver errors can quote SQL values, and Dramatiq
            # logs the traceback of what it retries
            raise RetryableTaskError(f"task {task_id}: {safe_reason(exc)}") from None

    return dramatiq.Actor(
        process_task, broker=broker, actor_name=ACTOR_NAME, queue_name=QUEUE_NAME, priority=0,
        options={"max_retries": settings.max_retries, "min_backoff": settings.min_backoff_ms,
                 "max_backoff": settings.max_backoff_ms, "time_limit": 300_000},
    )


class RetryableTaskError(Exception):
    """A task failed transiently; Dramatiq retries it with backoff."""


def runtime(settings: Settings) -> Runtime:
    """This process's runtime, made on first use (one per worker process)."""
    global _runtime
    if _runtime is None:
        _runtime = Runtime.create(settings)
    return _runtime


def sender(actor: Any) -> Any:
    def send(practice: str, task_id: int) -> None:
        actor.send(practice, task_id)
    return send
