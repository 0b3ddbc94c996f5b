"""y-websocket's messages, byte for byte (y-protocols' sync and awareness, lib0's varints).

A message is a varint type (0 sync, 1 awareness, 3 query awareness) and its body. A sync
body is a varint step (0 SyncStep1: a state vector; 1 SyncStep2 and 2 Update: an update),
then the payload as a length-prefixed byte string. An awareness body is one byte string
holding: a count, then per client its id, clock and JSON state ("null" when it left).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

SYNC, AWARENESS, AUTH, QUERY_AWARENESS = 0, 1, 2, 3
STEP1, STEP2, UPDATE = 0, 1, 2
EMPTY_UPDATE = b"\x00\x00"  # no structs, no deletions: what Yjs sends for "nothing"
_MAX_VARINT_BYTES = 8  # lib0 writes at most 53 bits; more is a broken message


class FramingError(ValueError):
    """The bytes are not a y-websocket message."""


@dataclass(frozen=True)
class Message:
    kind: int  # SYNC, AWARENESS, QUERY_AWARENESS…
    step: int | None  # for SYNC: STEP1, STEP2 or UPDATE
    payload: bytes  # SYNC: the state vector or update; AWARENESS: the awareness update


@dataclass(frozen=True)
class Presence:
    """One client's entry in an awareness update."""

    client_id: int
    clock: int
    state: str  # its JSON as sent; "null" says the client is gone

    @property
    def gone(self) -> bool:
        return self.state == "null"


def var_uint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    out.append(value)
    return bytes(out)


def var_bytes(data: bytes) -> bytes:
    return var_uint(len(data)) + data


def read_var_uint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    for i in range(_MAX_VARINT_BYTES):
        if pos >= len(data):
            raise FramingError("the message ends inside a number")
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos
    raise FramingError("a number longer than lib0 writes")


def read_var_bytes(data: bytes, pos: int) -> tuple[bytes, int]:
    length, pos = read_var_uint(data, pos)
    if pos + length > len(data):
        raise FramingError("the message is shorter than its length says")
    return data[pos:pos + length], pos + length


def read_var_string(data: bytes, pos: int) -> tuple[str, int]:
    raw, pos = read_var_bytes(data, pos)
    try:
        return raw.decode("utf-8"), pos
    except UnicodeDecodeError as exc:
        raise FramingError("a string that is not UTF-8") from exc


def decode(message: bytes) -> Message:
    if not isinstance(message, (bytes, bytearray, memoryview)):
        raise FramingError("a message is binary")
    message = bytes(message)
    kind, pos = read_var_uint(message, 0)
    if kind == SYNC:
        step, pos = read_var_uint(message, pos)
        if step not in (STEP1, STEP2, UPDATE):
            raise FramingError(f"unknown sync step {step}")
        payload, _ = read_var_bytes(message, pos)
        return Message(SYNC, step, payload)
    if kind == AWARENESS:
        payload, _ = read_var_bytes(message, pos)
        return Message(AWARENESS, None, payload)
    if kind in (QUERY_AWARENESS, AUTH):
        return Message(kind, None, message[pos:])
    raise FramingError(f"unknown message type {kind}")


def sync_step1(state_vector: bytes) -> bytes:
    return var_uint(SYNC) + var_uint(STEP1) + var_bytes(state_vector)


def sync_step2(update: bytes) -> bytes:
    return var_uint(SYNC) + var_uint(STEP2) + var_bytes(update)


def update(data: bytes) -> bytes:
    return var_uint(SYNC) + var_uint(UPDATE) + var_bytes(data)


def awareness(awareness_update: bytes) -> bytes:
    return var_uint(AWARENESS) + var_bytes(awareness_update)


def decode_awareness(payload: bytes) -> list[Presence]:
    count, pos = read_var_uint(payload, 0)
    entries = []
    for _ in range(count):
        client_id, pos = read_var_uint(payload, pos)
        clock, pos = read_var_uint(payload, pos)
        state, pos = read_var_string(payload, pos)
        try:
            json.loads(state)
        except ValueError as exc:
            raise FramingError("an awareness state that is not JSON") from exc
        entries.append(Presence(client_id, clock, state))
    return entries


def encode_awareness(entries: list[Presence]) -> bytes:
    out = bytearray(var_uint(len(entries)))
    for entry in entries:
        out += var_uint(entry.client_id) + var_uint(entry.clock) + var_bytes(entry.state.encode("utf-8"))
    return bytes(out)
