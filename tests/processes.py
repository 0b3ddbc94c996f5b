"""Real Krąg processes for tests: `krag` commands, `krag run` on a free port, and its log."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
KRAG = str(Path(sys.executable).with_name("krag"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def krag_env(**settings: str) -> dict[str, str]:
    """This process's environment without any KRAG_* of its own, plus ``settings`` (``DATABASE_URL=…``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KRAG_")}
    return env | {f"KRAG_{name}": value for name, value in settings.items()}


def krag(env: dict[str, str], *args: str, timeout: float = 120) -> str:
    """Run a `krag` command; return what it printed, or raise with its output."""
    done = subprocess.run([KRAG, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        raise RuntimeError(f"krag {' '.join(args)} exited with {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


class ServerProcess:
    """One `krag run --port P`, its output kept in a log file."""

    def __init__(self, name: str, env: dict[str, str], log_dir: Path):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env | {"KRAG_BASE_URL": self.url}
        self.log_path = log_dir / f"server-{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [KRAG, "run", "--port", str(self.port)],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            )

    def wait_healthy(self, timeout: float = 60) -> None:
        """Poll /healthz until it answers 200; fail at once if the process exits."""
        assert self.proc is not None, "start() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            try:  # the pause between polls doubles as a watch on the process
                code = self.proc.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"server {self.name} exited with {code}:\n{self.log()}")
        raise RuntimeError(f"server {self.name} did not answer /healthz within {timeout:.0f} s:\n{self.log()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"


@contextmanager
def logs_on_failure(*servers: ServerProcess) -> Iterator[None]:
    """Print the servers' logs when the block fails: pytest shows them with the failure."""
    try:
        yield
    except BaseException:
        for server in servers:
            print(f"----- server {server.name} ({server.url}), {server.log_path} -----\n{server.log()}")
        raise
