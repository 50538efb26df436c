"""The demo stadium generator: a valid pretix plan shaped like a stadium bowl."""

from __future__ import annotations

import math
from collections import Counter

from boxoffice.domain.pretix_plan import parse_plan
from boxoffice.domain.stadium_generator import MAX_BLOCK_SEATS, SEAT_PITCH, demo_stadium, row_label


def test_small_stadium_is_a_valid_plan_with_stadium_names():
    data = demo_stadium(depth=0.3)
    parsed = parse_plan(data)
    names = [s.name for s in parsed.sections]
    assert len(names) == 100
    assert names[:2] == ["101", "102"] and "136" in names and "224" in names and names[-1] == "340"
    guids = {s.guid for s in parsed.seats}
    assert "112-K-14" in guids
    by_guid = {s.guid: s for s in parsed.seats}
    assert by_guid["112-K-14"].row_label == "K" and by_guid["112-K-14"].seat_number == "14"
    # wheelchair platforms: each space has a companion seat right beside it
    spaces = [s for s in parsed.seats if s.wheelchair]
    companions = [s for s in parsed.seats if s.companion]
    assert len(spaces) >= 100 and len(companions) == len(spaces)
    for space in spaces:
        section, row, number = space.guid.removesuffix(":wc").split("-")
        assert row == "WC"
        mate = by_guid[f"{section}-WC-{int(number) - 1}"]
        assert mate.companion and math.dist((mate.x, mate.y), (space.x, space.y)) < 3 * SEAT_PITCH
    # several tiers, categories by tier and side
    tiers = Counter(parsed.sections[s.section].name[0] for s in parsed.seats)
    assert set(tiers) == {"1", "2", "3"}
    assert len({s.category for s in parsed.seats}) == len(parsed.categories) == 7
    # every seat inside the plan
    assert all(0 < s.x < parsed.width and 0 < s.y < parsed.height for s in parsed.seats)


def test_rows_are_split_by_gangways_into_blocks_of_at_most_28():
    parsed = parse_plan(demo_stadium(depth=0.3))
    rows: dict[tuple[int, str], list] = {}
    for s in parsed.seats:
        rows.setdefault((s.section, s.row_label), []).append(s)
    for seats in rows.values():
        run = 1
        for a, b in zip(seats, seats[1:], strict=False):
            gap = math.dist((a.x, a.y), (b.x, b.y))
            run = 1 if gap > 1.8 * SEAT_PITCH else run + 1
            assert run <= MAX_BLOCK_SEATS
    # seats are numbered 1.. along the row
    assert all([s.seat_number for s in seats] == [str(i + 1) for i in range(len(seats))] for seats in rows.values())


def test_full_stadium_has_about_100000_seats():
    data = demo_stadium()
    seats = sum(len(r["seats"]) for z in data["zones"] for r in z["rows"])
    assert 95_000 <= seats <= 105_000


def test_row_labels_skip_i_and_o_then_double():
    labels = [row_label(i) for i in range(30)]
    assert labels[:3] == ["A", "B", "C"] and "I" not in labels and "O" not in labels
    assert labels[23] == "Z" and labels[24] == "AA" and labels[25] == "BB"
