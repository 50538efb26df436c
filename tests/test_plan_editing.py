"""The plan editor's pure model: block generation, labels, numbering, geometry, edits,
validation and the pretix round trip (no database, no Qt)."""

from __future__ import annotations

import json
import math

import pytest

from boxoffice.config import DEMO_PLAN_PATH as DEMO  # noqa: E402
from boxoffice.domain.errors import PlanImportError
from boxoffice.domain.plan_blocks import BlockSpec, add_block, block_positions, renumber_row, row_labels, seat_numbers
from boxoffice.domain.plan_editing import (
    Category,
    EditablePlan,
    add_area,
    delete_seats,
    move_seats,
    rotate_seats,
    set_attributes,
    stage_area,
    text_area,
)
from boxoffice.domain.plan_exchange import from_pretix, to_pretix
from boxoffice.domain.plan_validation import validate
from boxoffice.domain.pretix_plan import EXTENSION_KEY, parse_plan


def small_plan(rows: int = 3, seats: int = 4, **spec) -> EditablePlan:
    plan = EditablePlan(name="Hall", categories=[Category("Stalls", "#2e86c1"), Category("Wheelchair", "#16a085")])
    add_block(plan, BlockSpec(rows=rows, seats_per_row=seats, category="Stalls", **spec), section="Stalls")
    return plan


# -- labels and numbers --------------------------------------------------------------------------


def test_row_labels_skip_i_and_o_and_go_on_after_z():
    labels = row_labels(26)
    assert labels[:9] == ["A", "B", "C", "D", "E", "F", "G", "H", "J"]
    assert "I" not in labels and "O" not in labels
    assert labels[23:] == ["Z", "AA", "AB"]  # 24 letters without I and O, then double letters
    assert all("I" not in x and "O" not in x for x in row_labels(600))


def test_row_labels_without_skipping_and_from_a_given_start():
    assert row_labels(3, "H", skip_i_o=False) == ["H", "I", "J"]
    assert row_labels(3, "Y", skip_i_o=False) == ["Y", "Z", "AA"]
    assert row_labels(2, "Z") == ["Z", "AA"]
    assert row_labels(3, "7") == ["7", "8", "9"]
    with pytest.raises(ValueError):
        row_labels(2, "I")
    with pytest.raises(ValueError):
        row_labels(2, "A1")


def test_seat_numbering_modes():
    assert seat_numbers(5, "ltr") == ["1", "2", "3", "4", "5"]
    assert seat_numbers(4, "rtl", first=101) == ["104", "103", "102", "101"]
    # odd on the left, even on the right, growing from the centre
    assert seat_numbers(6, "centre") == ["5", "3", "1", "2", "4", "6"]
    assert seat_numbers(5, "centre") == ["5", "3", "1", "2", "4"]
    with pytest.raises(ValueError):
        seat_numbers(3, "spiral")


# -- geometry ----------------------------------------------------------------------------------------


def test_straight_block_spacing_and_centre():
    rows = block_positions(BlockSpec(rows=2, seats_per_row=3, x=100, y=50, seat_spacing=20, row_spacing=30))
    assert rows == [[(80, 50), (100, 50), (120, 50)], [(80, 80), (100, 80), (120, 80)]]


def test_curved_rows_lie_on_arcs_around_one_centre_with_the_spacing_kept():
    spec = BlockSpec(rows=3, seats_per_row=9, x=500, y=300, seat_spacing=24, row_spacing=32, curve_radius=400)
    centre = (500, 300 - 400)
    for k, row in enumerate(block_positions(spec)):
        for x, y in row:
            assert math.hypot(x - centre[0], y - centre[1]) == pytest.approx(400 + 32 * k)
        chords = [math.dist(a, b) for a, b in zip(row, row[1:])]
        assert all(c == pytest.approx(24, rel=1e-3) for c in chords)
        # symmetric, the middle seat straight below the centre, the ends curving up to the stage
        assert row[4][0] == pytest.approx(500) and row[0][1] < row[4][1]
        assert row[0][0] + row[-1][0] == pytest.approx(1000)


def test_impossible_blocks_are_refused():
    with pytest.raises(ValueError):
        block_positions(BlockSpec(rows=0))
    with pytest.raises(ValueError):
        block_positions(BlockSpec(seats_per_row=200, curve_radius=50))


def test_generated_block_labels_numbers_and_unique_guids():
    plan = small_plan(rows=10, seats=6, numbering="rtl")
    zone = plan.zone_named("stalls")
    assert [r.number for r in zone.rows] == ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K"]
    first = zone.rows[0].seats
    assert [s.number for s in first] == ["6", "5", "4", "3", "2", "1"]
    assert first[0].x < first[-1].x  # seat 6 is on the left
    add_block(plan, BlockSpec(rows=1, seats_per_row=6, y=900, category="Stalls"), section="Stalls")
    guids = [s.guid for _, _, s in plan.seats()]
    assert len(guids) == len(set(guids)) == 66


def test_move_and_rotate_a_block():
    plan = small_plan(rows=1, seats=3, x=100, y=100, seat_spacing=20)
    guids = [s.guid for _, _, s in plan.seats()]
    move_seats(plan, guids, 10, -5)
    assert [(s.x, s.y) for _, _, s in plan.seats()] == [(90, 95), (110, 95), (130, 95)]
    rotate_seats(plan, guids, 90)  # clockwise on screen: the row now runs downwards
    points = [(round(s.x, 6), round(s.y, 6)) for _, _, s in plan.seats()]
    assert points == [(110, 75), (110, 95), (110, 115)]


def test_renumber_a_row_keeps_guids_and_can_relabel():
    plan = small_plan(rows=1, seats=4)
    _, row = next((z, r) for z in plan.zones for r in z.rows)
    guids = [s.guid for s in row.seats]
    renumber_row(plan, row.key, mode="centre", label="AA")
    assert row.number == "AA" and [s.number for s in row.seats] == ["3", "1", "2", "4"]
    assert [s.guid for s in row.seats] == guids


def test_set_attributes_and_delete():
    plan = small_plan(rows=1, seats=4)
    guids = [s.guid for _, _, s in plan.seats()]
    assert set_attributes(plan, guids[:2], wheelchair=True, companion=True) == 2
    assert set_attributes(plan, guids[:2], wheelchair=True, companion=True) == 0  # nothing changed
    seats = plan.seat_map()
    assert seats[guids[0]].wheelchair and seats[guids[1]].companion and not seats[guids[2]].wheelchair
    with pytest.raises(ValueError):
        set_attributes(plan, guids, category="Nope")
    with pytest.raises(ValueError):
        set_attributes(plan, guids, colour="red")
    assert delete_seats(plan, guids) == 4
    assert plan.zones[0].rows == []


# -- validation -------------------------------------------------------------------------------------


def test_validation_finds_each_problem_with_the_seats_to_highlight():
    assert [p.code for p in validate(EditablePlan(name="x"))] == ["empty"]
    plan = small_plan(rows=2, seats=3)
    assert validate(plan) == []
    zone = plan.zones[0]
    a, b = zone.rows[0].seats[0], zone.rows[0].seats[1]
    b.number = a.number  # duplicate label in the section
    c = zone.rows[1].seats[2]
    c.category = None
    d, e = zone.rows[1].seats[0], zone.rows[1].seats[1]
    e.x, e.y = d.x + 3, d.y  # on top of each other
    found = {p.code: p for p in validate(plan)}
    assert set(found) == {"duplicate_label", "no_category", "overlap"}
    assert set(found["duplicate_label"].guids) == {a.guid, b.guid}
    assert found["no_category"].guids == (c.guid,)
    assert set(found["overlap"].guids) == {d.guid, e.guid}


def test_touching_but_not_overlapping_seats_pass():
    plan = small_plan(rows=1, seats=2, seat_spacing=19)  # radius 10: 19 >= 0.9 * 20
    assert validate(plan) == []
    plan = small_plan(rows=1, seats=2, seat_spacing=17)
    assert [p.code for p in validate(plan)] == ["overlap"]


# -- pretix round trip -----------------------------------------------------------------------------


def test_demo_theatre_round_trips_exactly():
    data = json.loads(DEMO.read_text())
    plan = from_pretix(data)
    exported = to_pretix(plan)
    assert exported == data  # nothing the format holds is lost or changed
    again = from_pretix(exported)
    assert again == plan
    assert parse_plan(exported) == parse_plan(data)


def test_edits_survive_the_round_trip_including_our_flags():
    plan = from_pretix(json.loads(DEMO.read_text()))
    guids = [s.guid for _, _, s in plan.seats()][:3]
    set_attributes(plan, guids[:1], companion=True, not_for_sale=True)
    set_attributes(plan, guids[1:2], wheelchair=True, restricted_view=True)
    move_seats(plan, guids[2:], 7.25, -3.5)
    add_area(plan, text_area(50, 60, "EXIT"))
    add_area(plan, stage_area(10, 10, 100, 40))
    data = to_pretix(plan)
    assert data[EXTENSION_KEY]["seats"][guids[0]] == {"companion": True, "not_for_sale": True}
    assert data[EXTENSION_KEY]["seats"][guids[1]] == {"wheelchair": True, "restricted_view": True}
    again = from_pretix(json.loads(json.dumps(data)))
    assert again == plan
    parsed = {s.guid: s for s in parse_plan(data).seats}
    assert parsed[guids[1]].wheelchair and parsed[guids[0]].companion and parsed[guids[0]].not_for_sale
    # the file for pretix itself carries no key pretix would refuse
    assert EXTENSION_KEY not in to_pretix(plan, pretix_only=True)


def test_wheelchair_off_for_a_conventional_guid_is_kept():
    plan = from_pretix(json.loads(DEMO.read_text()))
    wc = next(s for _, _, s in plan.seats() if s.guid.endswith(":wc"))
    assert wc.wheelchair
    set_attributes(plan, [wc.guid], wheelchair=False)
    data = to_pretix(plan)
    assert data[EXTENSION_KEY]["seats"][wc.guid] == {"wheelchair": False}
    assert not from_pretix(data).seat_map()[wc.guid].wheelchair


def test_malformed_extension_is_refused_with_its_place():
    data = json.loads(DEMO.read_text())
    data[EXTENSION_KEY] = {"seats": {"stalls-A-1": {"companion": "yes"}}}
    with pytest.raises(PlanImportError) as info:
        from_pretix(data)
    assert "x-boxoffice" in info.value.details["where"]


def test_a_clone_is_equal_and_independent():
    plan = from_pretix(json.loads(DEMO.read_text()))
    copy = plan.clone()
    assert copy == plan and copy is not plan
    guid = next(iter(copy.seat_map()))
    move_seats(copy, [guid], 5, 5)
    set_attributes(copy, [guid], companion=True)
    copy.zones[0].areas[0].data["position"]["x"] += 3
    copy.categories[0].color = "#000000"
    assert copy != plan
    assert from_pretix(json.loads(DEMO.read_text())) == plan  # the original did not change
    assert copy.new_key() == plan.new_key()  # both continue the same key sequence
