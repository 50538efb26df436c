"""Frames of the seat map by kind and level of detail (issue 13: "any zoom/pan frame < 16 ms
p95"), for ``bench/stadium_map.py`` (the demo stadium and the theatre in the real window).

Every frame is a full repaint of the viewport (``viewport().repaint()``; a real pan is one
too: this view's scroll repaints the whole viewport, not only the strip that comes into
view, as the exposed rectangles show), timed as wall clock and as the GUI thread's CPU
time. Kinds:

* ``zoom``: x1.2 steps from fit to the deepest zoom and back, about a busy section (so
  zoomed-in frames are full of seats, not of pitch);
* ``pan``: a quarter of the view at a time around that section, at a zoom in the middle of
  every level's range and at the deepest zoom (seat numbers);
* ``live``: a few seats of the section change state (held online, then free again), as
  the live feed delivers them during an on-sale, and the frame after: the time counts the
  view taking the states in (``set_states``) and the repaint;
* ``switch``: the first frame after the zoom crosses from one level to the next, both ways.

Figures are per kind and level (p50/p95), then overall p95.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import NamedTuple

import harness

STEP = 1.2
PANS = 8
LIVE_ROUNDS = 12
LIVE_SEATS = 3  # seats changing state per round
SWITCH_REPEATS = 4


class State(NamedTuple):
    """A live seat state, as the feed delivers it (``inventory.SeatState``'s fields)."""

    seat_id: int
    state: str
    hold_token: object
    hold_channel: str | None
    hold_expires_at: dt.datetime | None


def frame(view) -> tuple[float, float]:
    """One full repaint of the map: (wall, CPU) seconds."""
    started, cpu = time.perf_counter(), time.thread_time()
    view.viewport().repaint()
    return time.perf_counter() - started, time.thread_time() - cpu


def _scale_to(view, scale: float, anchor) -> None:
    """Zoom to ``scale`` (view transform m11) with scene point ``anchor`` in the centre."""
    view.zoom_by(scale / view.transform().m11())
    view.centerOn(anchor)


def _busy_spot(view):
    """The centre of the biggest section (the bench's zoom anchor) and its index."""
    store = view._store
    k = max(range(len(store.sections)), key=lambda i: store.sections[i].total)
    return store.sections[k].centre, k


def _ladder(view) -> list[tuple[float, str]]:
    """(scale, level) of every x1.2 zoom step from fit to the deepest zoom."""
    view.fit_all()
    out = [(view.transform().m11(), view.level())]
    while True:
        before = view.transform().m11()
        view.zoom_by(STEP)
        if abs(view.transform().m11() - before) < 1e-9 * before:
            return out
        out.append((view.transform().m11(), view.level()))


def frame_figures(view, *, live: bool = True) -> dict:
    """Measure the frames of the plan open in ``view`` (a ``SeatMapView``) by kind and
    level; returns ``{kind: {level: {"wall": summary, "cpu": summary}}, "overall": ...}``
    with summaries as :func:`harness.summary` makes them (milliseconds)."""
    if view._prepare_timer.isActive():
        harness.wait_until(lambda: not view._prepare_timer.isActive(), what="dots pictures", timeout=30)
    anchor, section = _busy_spot(view)
    ladder = _ladder(view)
    samples: dict[str, dict[str, list[tuple[float, float]]]] = {}

    def add(kind: str, level: str, value: tuple[float, float]) -> None:
        samples.setdefault(kind, {}).setdefault(level, []).append(value)

    # zoom in and out about the busy section
    view.fit_all()
    frame(view)
    for scale, _level in [*ladder[1:], *reversed(ladder[:-1])]:
        view.zoom_by(scale / view.transform().m11(), view.mapFromScene(anchor))
        add("zoom", view.level(), frame(view))

    # pans at a middle zoom of every level, and at the deepest
    spots = _spots(ladder)
    for scale in spots:
        _scale_to(view, scale, anchor)
        frame(view)
        w, h = view.viewport().width() // 4, view.viewport().height() // 4
        for k in range(PANS):
            dx, dy = ((w, 0), (0, h), (-w, 0), (0, -h))[k % 4]
            view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
            view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
            add("pan", view.level(), frame(view))

    # live updates: a few seats of the section held online, then free again
    if live:
        store = view._store
        pool = [store.ids[i] for i in store.sections[section].indices if view.state_of(store.ids[i]) == "available"]
        pool = [s for s in pool if view.visual_state(s) == "available"][: LIVE_ROUNDS // 2 * LIVE_SEATS]
        until = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
        for scale in spots:
            _scale_to(view, scale, anchor)
            frame(view)
            for r in range(LIVE_ROUNDS):
                seats = pool[r // 2 * LIVE_SEATS : (r // 2 + 1) * LIVE_SEATS]  # held, then free again
                held = r % 2 == 0
                started, cpu = time.perf_counter(), time.thread_time()
                view.set_states(
                    [
                        State(s, "held", None, "web", until) if held else State(s, "available", None, None, None)
                        for s in seats
                    ]
                )
                view.viewport().repaint()
                add("live", view.level(), (time.perf_counter() - started, time.thread_time() - cpu))
            view.set_states([State(s, "available", None, None, None) for s in pool])

    # the first frame after a level switch, both ways
    for (a, level_a), (b, level_b) in zip(ladder, ladder[1:], strict=False):
        if level_a == level_b:
            continue
        for _ in range(SWITCH_REPEATS):
            _scale_to(view, a, anchor)
            frame(view)
            _scale_to(view, b, anchor)
            add("switch", f"{level_a}>{level_b}", frame(view))
            _scale_to(view, a, anchor)
            add("switch", f"{level_b}>{level_a}", frame(view))
    view.fit_all()

    out: dict = {}
    every: list[tuple[float, float]] = []
    for kind, levels in samples.items():
        out[kind] = {}
        for level, values in levels.items():
            every += values
            out[kind][level] = _summary(values)
    out["overall"] = _summary(every)
    return out


def _spots(ladder: list[tuple[float, str]]) -> list[float]:
    """A scale in the middle of each level's run of steps, and the deepest."""
    runs: dict[str, list[float]] = {}
    for scale, level in ladder:
        runs.setdefault(level, []).append(scale)
    spots = [scales[len(scales) // 2] for scales in runs.values()]
    return [*spots, ladder[-1][0]] if ladder[-1][0] not in spots else spots


def _summary(values: list[tuple[float, float]]) -> dict:
    return {"wall": harness.summary([w for w, _ in values]), "cpu": harness.summary([c for _, c in values])}


def table(name: str, figures: dict) -> str:
    """``figures`` from :func:`frame_figures` as lines of text: kind, level, n, p50 and p95
    (wall, then GUI-thread CPU) in milliseconds."""
    lines = [f"{name}: frames in ms  (kind level n: wall p50/p95 | cpu p50/p95)"]
    for kind, levels in figures.items():
        if kind == "overall":
            continue
        for level, s in levels.items():
            w, c = s["wall"], s["cpu"]
            lines.append(
                f"  {kind:6s} {level:14s} {w['n']:4d}: {w['p50_ms']:6.1f} {w['p95_ms']:6.1f} | "
                f"{c['p50_ms']:6.1f} {c['p95_ms']:6.1f}"
            )
    w, c = figures["overall"]["wall"], figures["overall"]["cpu"]
    lines.append(
        f"  {'ALL':21s} {w['n']:4d}: {w['p50_ms']:6.1f} {w['p95_ms']:6.1f} | {c['p50_ms']:6.1f} {c['p95_ms']:6.1f}"
        f"   (target: p95 < 16 ms)"
    )
    return "\n".join(lines)
