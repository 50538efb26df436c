"""Choosing seats as people do (built on best available): front and centre, together, no aisle."""

from __future__ import annotations

import random

import pytest

from boxoffice.domain.seat_picking import PickSeat, candidate_groups, pick_group


def row(section, label, y, price, xs, taken=()):
    return [
        PickSeat(
            id=hash((section, label, x)) & 0xFFFFFF,
            section=section,
            row=label,
            x=x,
            y=y,
            price_minor=price,
            free=x not in taken,
        )
        for x in xs
    ]


def test_best_group_is_front_middle_and_together():
    seats = (
        row("Stalls", "A", 100, 3000, range(0, 200, 20))  # 10 seats, dearest, front
        + row("Stalls", "B", 130, 3000, range(0, 200, 20))
        + row("Circle", "A", 400, 2000, range(0, 200, 20))
    )
    key, ids = candidate_groups(seats, 2)[0]
    chosen = [s for s in seats if s.id in ids]
    assert {s.row for s in chosen} == {"A"} and {s.section for s in chosen} == {"Stalls"}
    assert sorted(s.x for s in chosen) == [80, 100]  # the middle pair of 0..180
    assert key[0] == min(k[0] for k, _ in candidate_groups(seats, 2))


def test_groups_do_not_span_an_aisle_or_a_taken_seat():
    xs = [0, 20, 40, 100, 120, 140]  # an aisle between 40 and 100
    seats = row("Stalls", "A", 100, 1000, xs, taken={20})
    groups = [sorted(next(s.x for s in seats if s.id == i) for i in ids) for _, ids in candidate_groups(seats, 3)]
    assert groups == [[100, 120, 140]]
    assert candidate_groups(seats, 4) == []


def test_unpriced_seats_are_never_picked_and_none_when_full():
    seats = row("Stalls", "A", 100, None, range(0, 100, 20)) + row("Stalls", "B", 120, 500, [0, 20], taken={0})
    assert pick_group(seats, 1, random.Random(1)) == [s.id for s in seats if s.row == "B" and s.x == 20]
    assert pick_group(seats, 2, random.Random(1)) is None
    with pytest.raises(ValueError):
        candidate_groups(seats, 0)


def test_pick_spreads_over_the_best_few():
    seats = row("Stalls", "A", 100, 1000, range(0, 400, 20))
    picks = {tuple(pick_group(seats, 2, random.Random(seed), among=4)) for seed in range(40)}
    best_four = {tuple(ids) for _, ids in candidate_groups(seats, 2)[:4]}
    assert picks == best_four
