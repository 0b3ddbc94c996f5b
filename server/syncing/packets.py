"""Socket.IO packets whose JSON cannot be read: nested deeper than Python recurses (100,000 '['),
or not JSON at all. python-socketio would raise out of its packet decoder, with no answer to the
client; here such a packet becomes the event UNREADABLE, which events.py answers with an error
ack when the client asked for one (the event's own name is in what could not be read). A packet
too large for the channel (engine.io's max_http_buffer_size, 1 MB) never gets this far: the
server closes that connection, and the app connects again."""
from __future__ import annotations

from socketio import packet
from socketio.server import Server

UNREADABLE = "krag:unreadable"
CARRIES_ARGUMENTS = (packet.EVENT, packet.BINARY_EVENT)
MESSAGE = "Nieczytelna wiadomość (niepoprawny albo zbyt głęboko zagnieżdżony JSON)."


class Packet(packet.Packet):
    def decode(self, encoded_packet):
        try:
            return super().decode(encoded_packet)
        except (RecursionError, ValueError):
            if self.packet_type not in CARRIES_ARGUMENTS:
                raise  # a connect, an ack or no packet at all: nothing to answer (engine.io logs it)
            self.data = [UNREADABLE]
            if self.packet_type == packet.BINARY_EVENT:  # its attachments still follow: take them, then answer
                count = str(encoded_packet)[1:].partition("-")[0]
                return int(count) if count.isdigit() else 0
            return 0


def install(server: Server) -> None:
    """The Socket.IO server Flask-SocketIO made for an app reads packets so."""
    server.packet_class = Packet
