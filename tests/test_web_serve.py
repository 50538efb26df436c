"""Serving: accepted connections get TCP_NODELAY (control: a socket made with proto=0
does not), and ``boxoffice web --workers 2`` runs two workers that each listen for
inventory notifications, serve, and stop with the parent."""

from __future__ import annotations

import asyncio
import socket
import time

import httpx
from sqlalchemy import text

from boxoffice.web import serve
from tests.web_helpers import WebServer


def _nodelay_of_accepted(listening: socket.socket) -> int:
    """TCP_NODELAY of the connection asyncio accepts on ``listening`` (as uvicorn does)."""

    async def main() -> int:
        accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport) -> None:
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=listening)
        port = listening.getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            return await asyncio.wait_for(accepted, 5)
        finally:
            writer.close()
            server.close()

    return asyncio.run(main())


def _burst(base_url: str, clients: int = 12, each: int = 5) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def run(_):
        with httpx.Client(base_url=base_url) as client:
            for _ in range(each):
                assert client.get("/showtimes").status_code == 200

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(run, range(clients)))


def test_accepted_connections_get_tcp_nodelay():
    assert _nodelay_of_accepted(serve.listen("127.0.0.1", 0)) != 0
    # control: the socket the web server used to make (proto=0): asyncio leaves Nagle on
    assert _nodelay_of_accepted(socket.create_server(("127.0.0.1", 0))) == 0


def test_two_workers_serve_listen_and_stop(db_url, session, tmp_path):
    server = WebServer(db_url, tmp_path / "web.log", ("--workers", "2", "--threads", "4"))
    try:
        feeds = "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'boxoffice-web-maps%'"
        deadline = time.monotonic() + 30
        while session.execute(text(feeds)).scalar_one() < 2 and time.monotonic() < deadline:
            session.rollback()
            time.sleep(0.2)
        session.rollback()
        assert session.execute(text(feeds)).scalar_one() == 2
        # many connections, each answered (whichever worker took it), quickly: no delayed ACK
        clients = [httpx.Client(base_url=server.base_url) for _ in range(8)]
        try:
            for client in clients:
                client.get("/health")  # connect
            started = time.perf_counter()
            for _ in range(5):
                for client in clients:
                    assert client.get("/health").status_code == 200
            per_request = (time.perf_counter() - started) / 40
        finally:
            for client in clients:
                client.close()
        assert per_request < 0.03, per_request  # ~40 ms each with Nagle and delayed ACKs
        # the pool keeps its connections: a second burst of database requests, more at once
        # than a worker has threads, closes none (the old 5 + 10 overflow churned)
        pool = (
            "SELECT pid, backend_start FROM pg_stat_activity WHERE application_name LIKE 'boxoffice-web:%' ORDER BY pid"
        )
        _burst(server.base_url)
        before = session.execute(text(pool)).all()
        session.rollback()
        _burst(server.base_url)
        after = session.execute(text(pool)).all()
        session.rollback()
        # none closed, none beyond workers x threads (a connection a thread first needs opens)
        assert set(before) <= set(after) and 0 < len(after) <= 2 * 4
    finally:
        server.stop()
    assert server.process.returncode == 0
    deadline = time.monotonic() + 10
    while session.execute(text(feeds)).scalar_one() and time.monotonic() < deadline:
        session.rollback()
        time.sleep(0.1)
    assert session.execute(text(feeds)).scalar_one() == 0


def test_serving_freezes_what_the_worker_made_while_starting(monkeypatch):
    """The app built, ``serve`` moves the process's objects out of the collector's reach
    (``gc.freeze``) before the first request: a full collection in the opening seconds of
    an on-sale used to walk them all while the event loop waited. Control: before
    ``serve`` nothing is frozen and the collector tracks every object."""
    import gc

    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: None)
    assert gc.get_freeze_count() == 0
    tracked_before = len(gc.get_objects())
    sock = serve.listen("127.0.0.1", 0)
    try:
        serve.serve(object(), sock, serve.ServeOptions())
        assert gc.get_freeze_count() >= tracked_before // 2
        assert len(gc.get_objects()) < tracked_before // 10
    finally:
        gc.unfreeze()
        sock.close()
