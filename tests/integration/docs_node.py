"""Node.js Yjs editors (pwa/test/docs/editor.mjs) driven from pytest, one JSON line each way."""
from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ROOT / "pwa" / "test" / "docs" / "editor.mjs"


class NodeEditors:
    def __init__(self):
        self.proc = subprocess.Popen(["node", str(EDITOR)], cwd=ROOT / "pwa", stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.answers: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.answers.put(json.loads(line))
        self.answers.put({"failed": f"node exited: {self.proc.stderr.read() if self.proc.stderr else ''}"})

    def __call__(self, op: str, timeout: float = 60, **args) -> dict:
        self.proc.stdin.write(json.dumps({"op": op, **args}) + "\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]
        answer = self.answers.get(timeout=timeout)
        assert "failed" not in answer, f"{op} {args}: {answer['failed']}"
        return answer

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self("quit", timeout=10)
            except (AssertionError, queue.Empty, OSError):
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
