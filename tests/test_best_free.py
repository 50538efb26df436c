"""Best available's kept free seats (:class:`FreeSeats`, boxoffice/domain/best_free.py):
through any sequence of seats coming and going, a choice over them is exactly the choice
over a plain set of the same seats (Hypothesis, on the demo theatre and a quarter of the
demo stadium), and a full block is passed over without its seats being looked at."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from boxoffice.domain.best_free import FreeSeats
from tests.test_best_available_properties import _layout


class _CountingSet(set):
    """A set that counts membership tests (how many seats a choice looked at)."""

    looked = 0

    def __contains__(self, item) -> bool:
        type(self).looked += 1
        return super().__contains__(item)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(["theatre", "stadium"]),
    seed=st.integers(0, 2**32 - 1),
    rounds=st.integers(1, 6),
    quantity=st.integers(1, 6),
    limit=st.sampled_from([1, 4, None]),
)
def test_kept_free_seats_choose_what_a_plain_set_chooses(name, seed, rounds, quantity, limit):
    layout, _ = _layout(name, "plain")
    rng = random.Random(seed)
    ids = [i for block in layout.blocks for i in block.ids]
    plain = set(rng.sample(ids, rng.randrange(len(ids) // 10, len(ids))))
    kept = FreeSeats(layout, plain)
    for _ in range(rounds):
        expected = layout.candidates(plain, quantity, limit=limit)
        assert layout.candidates(kept, quantity, limit=limit) == expected
        assert set(kept) == plain and len(kept) == len(plain)
        # a wave of an on-sale: the best groups go, some seats come back, one at a time or in bulk
        gone = [s for choice in expected[:8] for s in choice.seat_ids] + rng.sample(ids, 30)
        back = rng.sample(ids, 20)
        if rng.random() < 0.5:
            kept.difference_update(gone)
            kept.update(back)
        else:
            for seat_id in gone:
                kept.discard(seat_id)
            for seat_id in back:
                kept.add(seat_id)
        plain.difference_update(gone)
        plain.update(back)


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "control: a plain set"])
def test_a_full_best_half_is_passed_over_without_looking_at_its_seats(kept):
    layout, _ = _layout("theatre", "plain")
    half = len(layout.blocks) // 2
    free = _CountingSet(i for block in layout.blocks[half:] for i in block.ids)
    seats = FreeSeats(layout, free) if kept else free
    if kept:
        seats.ids = free  # count the lookups of the kept set's own ids
        layout.candidates(seats, 2)  # the first look counts every block's run once
    _CountingSet.looked = 0
    choice = layout.candidates(seats, 2)[0]
    assert layout.where(choice.seat_ids[0])[0] >= half
    in_best_half = sum(len(b.ids) for b in layout.blocks[:half])
    if kept:
        assert _CountingSet.looked < in_best_half // 4
    else:  # every seat of the full blocks was tested
        assert _CountingSet.looked >= in_best_half
