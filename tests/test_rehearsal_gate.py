"""The rehearsal's start gate: agents get ready, the on-sale opens for all at once, and
every agent's deadline counts from the opening (boxoffice/rehearsal/gate.py)."""

from __future__ import annotations

import multiprocessing as mp
import time

import pytest

from boxoffice.rehearsal.gate import GateError, StartGate


def _agent(gate: StartGate, out) -> None:
    out.put(("ready", time.time()))
    out.put(("deadline", gate.ready_and_wait(timeout_s=30)))


def test_agents_wait_for_the_opening_and_count_their_deadline_from_it():
    ctx = mp.get_context("spawn")
    gate, out = StartGate(ctx, time_limit_s=7.0), ctx.Queue()
    agents = [ctx.Process(target=_agent, args=(gate, out), daemon=True) for _ in range(2)]
    for p in agents:
        p.start()
    opened = gate.open_when_ready(2, alive=lambda: all(p.is_alive() for p in agents), timeout_s=60)
    said = [out.get(timeout=30) for _ in range(4)]
    for p in agents:
        p.join(10)
    ready = [t for kind, t in said if kind == "ready"]
    assert all(t <= opened for t in ready)  # both were waiting before it opened
    assert [t for kind, t in said if kind == "deadline"] == [opened + 7.0] * 2


def test_an_agent_that_dies_before_it_is_ready_stops_the_opening():
    ctx = mp.get_context("spawn")
    gate = StartGate(ctx, time_limit_s=5.0)
    started = time.monotonic()
    with pytest.raises(GateError, match="died"):
        gate.open_when_ready(1, alive=lambda: False, timeout_s=60)
    assert time.monotonic() - started < 5


def test_an_agent_is_not_left_waiting_for_ever():
    gate = StartGate(mp.get_context("spawn"), time_limit_s=5.0)
    with pytest.raises(GateError, match="did not start"):
        gate.ready_and_wait(timeout_s=0.2)
