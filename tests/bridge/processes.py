"""Real bridge processes for delivery tests: detector and Dramatiq workers, and a private Redis."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _env(config: Path) -> dict[str, str]:
    return dict(os.environ, AIB_CONFIG=str(config), OMP_NUM_THREADS="1", PYTHONPATH=str(REPO),
                dramatiq_worker_timeout="100",
                HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", AIB_LOG_LEVEL="INFO")


def start_worker(config: Path, log: Path, threads: int = 2) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "dramatiq", "bridge.worker_entry", "--processes", "1", "--threads", str(threads)]
    return subprocess.Popen(cmd, env=_env(config), cwd=REPO, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def start_detector(config: Path, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "bridge.cli", "--config", str(config), "detect"]
    return subprocess.Popen(cmd, env=_env(config), cwd=REPO, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)


def wait_until(check: Callable[[], object], timeout: float = 60, every: float = 0.2, what: str = "condition") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivateRedis:
    """A real redis-server on its own port, so a test can stop and restart it."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        exe = shutil.which("redis-server") or "redis-server"
        subprocess.run([exe, "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(self.port),
                        "--save", "", "--appendonly", "no"], check=True, capture_output=True)
        wait_until(self.ping, 10, what=f"redis on port {self.port}")

    def ping(self) -> bool:
        return subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout.strip() == b"PONG"

    def stop(self) -> None:
        subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True)
        wait_until(lambda: not self.ping(), 10, what="redis to stop")
