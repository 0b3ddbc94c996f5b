"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""
from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from email import policy
from email.parser import BytesParser
from typing import Iterator

from aiosmtpd.controller import Controller


class Inbox:
    def __init__(self) -> None:
        self.messages: list = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content or envelope.content)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 OK"

    def about(self, address: str, title: str):
        """Her letter about one thread (switching to "at once" also sends what was waiting)."""
        for count in range(1, 20):
            letters = [m for m in self.to(address, count) if m["Subject"].startswith(title)]
            if letters:
                return letters[0]
        raise AssertionError(f"no letter about {title}")

    def wait_for(self, count: int, timeout: float = 10) -> list:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.messages) >= count, timeout), "no mail arrived"
            return list(self.messages)

    def to(self, address: str, count: int = 1, timeout: float = 10) -> list:
        """Wait until ``address`` has ``count`` letters; return hers, oldest first."""
        mine = lambda: [m for m in self.messages if m["To"] == address]  # noqa: E731
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(mine()) >= count, timeout), f"no mail for {address}"
            return mine()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, str]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()
