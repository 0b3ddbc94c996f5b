"""One connection carries many answers on both servers (`krag run` and README's gunicorn):
HTTP/1.1 keep-alive, every answer with its length, and no cookie sent back when nothing changed.
On a 400 ms link each new connection costs two round trips (TCP, TLS) before the first byte."""
from __future__ import annotations

import gzip
import http.client

import pytest

from tests.processes import Person, ServerProcess, krag, krag_env, logs_on_failure

ANNA = "anna.nowak@example.org"
SHELL = b"<!doctype html><title>Kr\xc4\x85g</title>" + b"<!-- a shell long enough to be worth compressing -->" * 40


@pytest.fixture(scope="module", params=["krag run", "gunicorn"])
def server(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("keepalive")
    dist = tmp / "dist"
    dist.mkdir()
    (dist / "index.html").write_bytes(SHELL)
    (dist / "index.html.gz").write_bytes(gzip.compress(SHELL))  # as the build writes it
    env = krag_env(INSTANCE_PATH=str(tmp / "instance"), PWA_DIST=str(dist), SECRET_KEY="keep-alive-test-secret")
    srv = ServerProcess(request.param.replace(" ", "-"), env, tmp, gunicorn=request.param == "gunicorn")
    krag(srv.env, "db", "upgrade")
    krag(srv.env, "seed-demo")
    srv.start()
    try:
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


def test_one_connection_serves_a_visit(server):
    with logs_on_failure(server):
        anna = Person(server, ANNA)
        cookie = f"krag_session={anna.http.cookies['krag_session']}"
        visit = [
            ("GET", "/", {"Accept-Encoding": "gzip"}),  # a precompressed copy
            ("GET", "/api/me", {"Cookie": cookie}),
            ("GET", "/api/sync/pull?limit=1000", {"Cookie": cookie, "Accept-Encoding": "gzip"}),  # compressed JSON
            ("HEAD", "/", {}),
            ("GET", "/api/nothing-here", {}),  # an error answer keeps the connection too
            ("GET", "/api/me", {"Cookie": cookie}),
        ]
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=15)
        try:
            sock = None
            for method, path, headers in visit:
                conn.request(method, path, headers=headers)
                sock = sock or conn.sock
                answer = conn.getresponse()
                body = answer.read()
                where = f"{method} {path}"
                if (answer.getheader("Server") or "").startswith("Werkzeug/"):
                    # werkzeug/serving.py: "Always close the connection" (its http.server cannot drain a request).
                    pytest.skip("`krag run` on Werkzeug's development server, which closes every connection")
                assert answer.version == 11 and not answer.will_close, (where, answer.getheaders())
                assert conn.sock is sock, where  # the same connection, not a new one
                if method == "GET":
                    assert int(answer.getheader("Content-Length")) == len(body), where
                if path.startswith("/api/me"):
                    assert answer.status == 200 and answer.getheader("Set-Cookie") is None, where
                if "gzip" in headers.get("Accept-Encoding", ""):
                    assert answer.getheader("Content-Encoding") == "gzip", where
                    assert gzip.decompress(body)
        finally:
            conn.close()
