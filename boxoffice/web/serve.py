"""Serving the web API: the listening socket, worker processes, threads and pool.

* **TCP_NODELAY.** asyncio sets ``TCP_NODELAY`` on an accepted connection only when the
  listening socket was made with ``proto=IPPROTO_TCP``; ``socket.create_server`` makes it
  with ``proto=0``, and every small response then waited for the client's delayed ACK
  (~40 ms: ``/health`` took 44 ms instead of 1 ms). :func:`listen` names the protocol.
* **Workers.** ``workers`` processes each run their own event loop, thread pool,
  connection pool and inventory feed. On Linux each binds its own ``SO_REUSEPORT``
  socket on the one port, so the kernel spreads connections evenly (a shared socket
  lets the first worker to wake accept a whole burst). The parent only binds the port
  (never listens, so it takes no connections), restarts a worker that dies, and stops
  them on SIGTERM/SIGINT.
* **Threads = connections.** Request handlers run on a thread pool of ``threads``
  threads per worker and the database pool has exactly that many connections, opened
  once and kept (``max_overflow=0``): the default 5 + 10 overflow opened and closed
  25-30 connections a second under load.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
import signal
import socket
import sys
import time
from dataclasses import dataclass

log = logging.getLogger(__name__)

REUSE_PORT = hasattr(socket, "SO_REUSEPORT") and sys.platform.startswith("linux")
# Idle keep-alive connections are kept this long (uvicorn's default, 5 s, is shorter than
# a buyer looks at a seat map: the next request raced the server's close and failed).
# Above the 60 s idle timeout of common reverse proxies, so the proxy closes first.
KEEP_ALIVE_SECONDS = 75


@dataclass(frozen=True)
class ServeOptions:
    """How to serve: address, ``workers`` processes, ``threads`` per worker (each with its
    own database connection), uvicorn's ``log_level``, and whether each request is
    logged (``access_log``: a line per request costs CPU at on-sale rates)."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    threads: int = 10
    log_level: str = "info"
    access_log: bool = True


def listen(host: str, port: int, *, reuse_port: bool = False, bind_only: bool = False) -> socket.socket:
    """A TCP socket on ``host``:``port`` made with ``proto=IPPROTO_TCP`` (so accepted
    connections get ``TCP_NODELAY``), listening unless ``bind_only``; ``reuse_port`` lets
    several processes bind the same port (Linux spreads connections among them).

    Raises:
        ValueError: the port is out of range.
        OSError: cannot bind (the message names the address).
    """
    if not 0 <= port <= 65535:
        raise ValueError(f"--port must be between 0 and 65535, got {port}")
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if reuse_port:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            if not bind_only:
                sock.listen(1024)
        except OSError:
            sock.close()
            raise
        return sock
    except OSError as exc:
        raise OSError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def engine_options(threads: int) -> dict:
    """Pool settings for a web worker with ``threads`` handler threads: one kept
    connection per thread, none opened beyond, and no ``SELECT 1`` before each request
    (a round trip per request; after a database restart the first request on a dead
    connection fails, and SQLAlchemy then drops every pooled connection at once)."""
    return {"pool_size": threads, "max_overflow": 0, "pool_timeout": 30, "pool_pre_ping": False}


class ThreadLimit:
    """ASGI wrapper setting the size of the worker thread pool (anyio's default limiter,
    which FastAPI's sync handlers and ``run_in_threadpool`` use) when the app starts."""

    def __init__(self, app, threads: int) -> None:
        self.app, self.threads = app, threads

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = self.threads
        await self.app(scope, receive, send)


def serve(app, sock: socket.socket, options: ServeOptions) -> None:
    """Run ``app`` on ``sock`` in this process until stopped (the heap settled first:
    :func:`settle_heap`)."""
    import uvicorn

    settle_heap()

    config = uvicorn.Config(
        ThreadLimit(app, options.threads),
        log_level=options.log_level,
        lifespan="on",
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        access_log=options.access_log,
    )
    uvicorn.Server(config).run(sockets=[sock])


def run_workers(options: ServeOptions, sock: socket.socket, make_app) -> int:
    """Run ``options.workers`` processes serving ``make_app()`` (a picklable callable,
    called in each worker) on ``sock``'s address; returns the exit status. ``sock`` is
    the parent's: bound only (``REUSE_PORT``) or listening (shared with the workers)."""
    ctx = mp.get_context("spawn")
    host, port = sock.getsockname()[:2]
    shared = None if REUSE_PORT else sock

    def start(index: int):
        process = ctx.Process(target=_worker, args=(make_app, options, host, port, shared), name=f"web-{index}")
        process.start()
        return process

    workers = [start(i) for i in range(options.workers)]
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        while not stopping:
            time.sleep(0.2)
            for i, process in enumerate(workers):
                if not process.is_alive() and not stopping:
                    log.warning("web worker %d exited with %s: starting another", i, process.exitcode)
                    workers[i] = start(i)
    finally:
        for process in workers:
            if process.is_alive():
                process.terminate()  # uvicorn finishes the requests in flight
        for process in workers:
            process.join(15)
            if process.is_alive():
                process.kill()
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0


def _worker(make_app, options: ServeOptions, host: str, port: int, shared: socket.socket | None) -> None:
    sock = shared if shared is not None else listen(host, port, reuse_port=True)
    serve(make_app(), sock, options)


def settle_heap() -> None:
    """Collect once, then move everything the process holds so far (its modules, the
    app, routes, models and metadata: about 140,000 tracked objects in a web worker) into
    the collector's permanent generation (:func:`gc.freeze`), where no later collection
    traverses it.

    Without it, the first full collection of an on-sale (the heap grows by a quarter as
    the first maps and connections are made) walked all of it while the worker's event
    loop waited: 78-298 ms of a worker sharing its core with PostgreSQL, once per worker
    in the opening seconds, in every request in flight. After it: 7 ms (17,000-24,000
    objects). Objects frozen are never freed; they live as long as the worker anyway."""
    gc.collect()
    gc.freeze()


def app_from_env(threads: int):
    """The web app of a worker process: settings from the environment (the parent set
    ``BOXOFFICE_DATABASE_URL``), the schema checked, not migrated; a pool of ``threads``."""
    from boxoffice.config import Settings, webhook_secret
    from boxoffice.runtime import open_database
    from boxoffice.web.app import create_app

    settings = Settings.from_env()
    db = open_database(settings, upgrade=False, application_name="boxoffice-web", **engine_options(threads))
    return create_app(
        db,
        hold_seconds=settings.web_hold_seconds,
        booking_seconds=settings.booking_seconds,
        webhook_secret=webhook_secret(settings),
        tidy_seconds=settings.tidy_seconds,
        warm_connections=threads,  # every handler thread's connection open before the first request
    )
