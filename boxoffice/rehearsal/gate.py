"""The on-sale's opening for a rehearsal's agent processes.

Every agent process (a till, or a process of web buyers) starts, imports what it needs
and then waits at the gate; the parent opens it once all are ready, and every agent's
deadline counts from that instant. Started one after another, the first agents bought
while the later ones were still importing on the same core: the first requests of the
on-sale measured the load generator's own start-up (hundreds of ms of client-side
latency while the server answered in a few).
"""

from __future__ import annotations

import time
from collections.abc import Callable


class GateError(RuntimeError):
    """The gate did not open (an agent never got ready, or the parent gave up)."""


class StartGate:
    """Made by the parent with a multiprocessing context (``spawn``) and handed to every
    agent process; ``time_limit_s`` seconds of rehearsal after the opening."""

    def __init__(self, ctx, time_limit_s: float) -> None:
        self.time_limit_s = time_limit_s
        self._ready = ctx.Semaphore(0)
        self._opened = ctx.Event()
        self._opened_at = ctx.Value("d", 0.0)

    def ready_and_wait(self, timeout_s: float = 300.0) -> float:
        """In an agent: say it is ready, wait for the opening; returns the agent's deadline
        (``time.time()`` seconds).

        Raises:
            GateError: not opened within ``timeout_s``.
        """
        self._ready.release()
        if not self._opened.wait(timeout_s):
            raise GateError(f"the rehearsal did not start within {timeout_s:.0f} s")
        return self._opened_at.value + self.time_limit_s

    def open_when_ready(self, agents: int, alive: Callable[[], bool], timeout_s: float = 300.0) -> float:
        """In the parent: wait until ``agents`` agents are ready, then open the gate;
        returns the opening instant (``time.time()``).

        Raises:
            GateError: an agent died first (``alive()`` false) or ``timeout_s`` passed.
        """
        give_up = time.monotonic() + timeout_s
        for _ in range(agents):
            while not self._ready.acquire(timeout=0.5):
                if not alive():
                    raise GateError("an agent process died before the on-sale opened")
                if time.monotonic() > give_up:
                    raise GateError(f"the agents were not ready within {timeout_s:.0f} s")
        opened = time.time()
        self._opened_at.value = opened
        self._opened.set()
        return opened
