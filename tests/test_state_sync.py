"""StateSync's bookkeeping with a hand-driven runner (no database, no event loop): one
fetch in flight, coalesced notifications, loads, failures, fetches from the highest version."""

from __future__ import annotations

from types import SimpleNamespace

from boxoffice.ui.seatmap.live import StateSync


class ManualRunner:
    """Keeps submitted jobs until the test finishes them (as the GUI thread would see it)."""

    def __init__(self) -> None:
        self.jobs: list[SimpleNamespace] = []

    def run(self, fn, on_done, on_error) -> None:
        self.jobs.append(SimpleNamespace(fn=fn, done=on_done, error=on_error))

    def finish(self, version: int, states=(), session=None):
        job = self.jobs.pop(0)
        asked = job.fn(session)
        job.done(SimpleNamespace(states=list(states), version=version))
        return asked


def make():
    runner, applied, errors = ManualRunner(), [], []
    sync = StateSync(
        runner,
        lambda snapshot, full: applied.append((snapshot.version, full)),
        errors.append,
        query=lambda session, **kw: kw,
    )
    return sync, runner, applied, errors, None


def open_showtime(sync, version: int = 10) -> None:
    ticket = sync.begin(7)
    assert sync.adopt(ticket, SimpleNamespace(states=[], version=version))


def test_notifications_during_a_fetch_cause_one_more_fetch():
    sync, runner, applied, _, _ = make()
    open_showtime(sync)
    sync.notify(7)
    for _ in range(20):
        sync.notify(7)
    assert len(runner.jobs) == 1 and sync.busy
    runner.finish(version=12)
    assert len(runner.jobs) == 1  # the dirty mark: exactly one more
    runner.finish(version=15)
    assert runner.jobs == [] and not sync.busy
    assert sync.fetches == 2 and sync.version == 15 and applied == [(12, False), (15, False)]


def test_other_showtimes_are_ignored():
    sync, runner, *_ = make()
    open_showtime(sync)
    sync.notify(8)
    assert runner.jobs == []


def test_notifications_during_a_load_are_fetched_after_it():
    sync, runner, applied, _, _ = make()
    ticket = sync.begin(7)
    sync.notify(7)
    assert runner.jobs == [] and sync.busy
    sync.adopt(ticket, SimpleNamespace(states=[], version=10))
    assert len(runner.jobs) == 1
    runner.finish(version=11)
    assert applied == [(11, False)]


def test_a_newer_load_wins_and_stale_results_are_dropped():
    sync, runner, applied, _, _ = make()
    open_showtime(sync)
    sync.notify(7)  # a fetch of showtime 7 in flight...
    first = sync.begin(8)
    second = sync.begin(9)  # ...the cashier picks two showtimes quickly
    assert not sync.current(first) and sync.current(second)
    assert not sync.adopt(first, SimpleNamespace(states=[], version=1))
    assert sync.adopt(second, SimpleNamespace(states=[], version=20))
    runner.finish(version=99)  # the old fetch of showtime 7 returns
    assert applied == [] and sync.showtime_id == 9 and sync.version == 20


def test_a_reconnect_asks_for_everything_and_replaces():
    sync, runner, applied, _, _ = make()
    open_showtime(sync)
    sync.notify(7)
    sync.request(full=True)  # the feed is live again while a fetch is in flight
    runner.finish(version=11)
    asked = runner.finish(version=30)
    assert asked["since_version"] == 0 and applied[-1] == (30, True) and sync.version == 30


def test_a_failed_fetch_is_reported_and_the_next_one_reads_everything():
    sync, runner, applied, errors, _ = make()
    open_showtime(sync)
    sync.notify(7)
    job = runner.jobs.pop(0)
    job.error(RuntimeError("connection lost"))
    assert [str(e) for e in errors] == ["connection lost"] and not sync.busy
    sync.notify(7)
    assert runner.finish(version=12)["since_version"] == 0


def test_each_fetch_asks_for_versions_above_the_highest_applied():
    # versions are given in commit order (migration 0020): no window to re-read
    sync, runner, *_ = make()
    open_showtime(sync, version=10)
    sync.notify(7)
    assert runner.finish(version=12)["since_version"] == 10
    sync.notify(7)
    assert runner.finish(version=12)["since_version"] == 12  # nothing new: stays
    sync.notify(7)
    assert runner.finish(version=15)["since_version"] == 12
