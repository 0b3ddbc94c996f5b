"""Which coding a request's Accept-Encoding gets: br first, then gzip, q=0 refuses."""
import pytest

from server.compression import accepted


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        ("gzip, deflate, br, zstd", "br"),  # what Chrome sends
        ("br", "br"),
        ("gzip", "gzip"),
        ("GZIP", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=1.0, br;q=0.5", "gzip"),
        ("br; q=0.8, gzip; q=0.8", "br"),  # a tie goes to the server's preference
        ("gzip;q=0", None),
        ("br;q=0, gzip;q=0", None),
        ("identity", None),
        ("deflate", None),
        ("*", "br"),
        ("*;q=0", None),
        ("*, br;q=0", "gzip"),  # a named coding outranks the wildcard
        ("gzip;q=x", None),  # an unreadable weight is not a yes
        ("", None),
        (None, None),
    ],
)
def test_accepted(header, coding):
    assert accepted(header) == coding


def test_only_what_is_offered():
    assert accepted("br, gzip", offered=("gzip",)) == "gzip"
    assert accepted("br", offered=()) is None
