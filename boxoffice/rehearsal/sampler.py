"""A thread that samples something until stopped: the base of the rehearsal's samplers
(:mod:`~boxoffice.rehearsal.db_waits`, :mod:`~boxoffice.rehearsal.cores`)."""

from __future__ import annotations

import threading
from typing import Self


class ThreadSampler:
    """Runs :meth:`_run` on a daemon thread named ``name`` from :meth:`start` to
    :meth:`stop`; ``_run`` returns once ``self._stop`` is set."""

    def __init__(self, name: str) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> Self:
        """Begin sampling (returns self)."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop sampling and wait for the thread (5 s at most)."""
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        raise NotImplementedError
