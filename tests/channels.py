"""Many open live channels held by one thread: what a staff room of phones with the app
open looks like to a server. Each is a raw Engine.IO v4 WebSocket joined to the default
Socket.IO namespace; one reader thread answers the server's pings and notes every poke."""
from __future__ import annotations

import json
import selectors
import threading

import websocket

OPEN_PACKET, PING, PONG, JOIN, EVENT = "0", "2", "3", "40", "42"


class Channels:
    """Live channels of one signed-in person (``cookie`` is her session cookie header value)."""

    def __init__(self, url: str, cookie: str):
        self.address = url.replace("http://", "ws://", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.origin = url
        self.cookie = cookie
        self.open: list[websocket.WebSocket] = []
        self.pokes: dict[int, list[str]] = {}  # channel index -> scopes poked, in order
        self.failures: list[str] = []
        self._changed = threading.Condition()
        self._selector = selectors.DefaultSelector()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read_forever, name="channels-reader", daemon=True)
        self._reader.start()

    def open_up_to(self, total: int, timeout: float) -> int:
        """Open channels until ``total`` are open or one fails to open within ``timeout``; return how many are."""
        while len(self.open) < total:
            try:
                ws = self._join(timeout)
            except (OSError, websocket.WebSocketException, ValueError) as exc:
                self.failures.append(f"channel {len(self.open) + 1}: {type(exc).__name__}: {exc}")
                break
            with self._changed:
                index = len(self.open)
                self.pokes[index] = []
                self.open.append(ws)
                self._selector.register(ws.sock, selectors.EVENT_READ, index)
        return len(self.open)

    def _join(self, timeout: float) -> websocket.WebSocket:
        ws = websocket.create_connection(self.address, origin=self.origin, cookie=self.cookie, timeout=timeout)
        try:
            opened = ws.recv()
            if not opened.startswith(OPEN_PACKET + "{"):
                raise ValueError(f"no Engine.IO open packet: {opened[:80]!r}")
            ws.send(JOIN)
            joined = ws.recv()
            while joined == PING:  # a slow join may see the first ping before its answer
                ws.send(PONG)
                joined = ws.recv()
            if not joined.startswith(JOIN):
                raise ValueError(f"the live channel refused the connection: {joined[:120]!r}")
        except BaseException:
            ws.close()
            raise
        return ws

    def wait_poked(self, scope: str, count: int, timeout: float) -> int:
        """Wait until ``count`` channels have seen a poke for ``scope`` (since the last
        ``forget``), or ``timeout`` passes; return how many have."""
        def seen() -> int:
            return sum(scope in scopes for scopes in self.pokes.values())

        with self._changed:
            self._changed.wait_for(lambda: seen() >= count, timeout)
            return seen()

    def forget(self) -> None:
        with self._changed:
            for scopes in self.pokes.values():
                scopes.clear()

    def _read_forever(self) -> None:
        while not self._stop.is_set():
            if not self._selector.get_map():
                self._stop.wait(0.05)  # nothing open yet: the pause is the reader's idle loop
                continue
            for key, _events in self._selector.select(timeout=0.2):
                self._read_one(key)

    def _read_one(self, key: selectors.SelectorKey) -> None:
        ws = self.open[key.data]
        try:
            message = ws.recv()
        except (OSError, websocket.WebSocketException) as exc:
            self._drop(key, f"channel {key.data + 1} closed: {type(exc).__name__}: {exc}")
            return
        if message == PING:
            ws.send(PONG)
        elif isinstance(message, str) and message.startswith(EVENT):
            name, *args = json.loads(message[len(EVENT):])
            if name == "poke":
                with self._changed:
                    self.pokes[key.data].append(args[0]["scope"])
                    self._changed.notify_all()
        elif not message:
            self._drop(key, f"channel {key.data + 1} closed by the server")

    def _drop(self, key: selectors.SelectorKey, why: str) -> None:
        self._selector.unregister(key.fileobj)
        with self._changed:
            self.failures.append(why)
            self._changed.notify_all()

    def close(self) -> None:
        self._stop.set()
        self._reader.join(timeout=5)
        for ws in self.open:  # a close frame, without waiting for the server's answer to it
            try:
                ws.send_close()
            except (OSError, websocket.WebSocketException):
                pass
            ws.shutdown()
        self._selector.close()

