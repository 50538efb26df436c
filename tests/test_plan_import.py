"""Importing pretix seating plans: counts, absolute positions, versions, and refusals
that say where the problem is and leave the database untouched."""

from __future__ import annotations

import copy
import json
import math

import pytest
from sqlalchemy import select, text

from boxoffice.config import DEMO_PLAN_PATH
from boxoffice.db.models import PlanArea, PriceCategory, Seat, SeatingPlan, Section
from boxoffice.domain.errors import NotFoundError, PlanImportError
from boxoffice.domain.plan_generator import generate_grid_plan
from boxoffice.domain.pretix_plan import MARGIN, load_plan_file, parse_plan
from boxoffice.services import plans
from boxoffice.services.plans import import_plan, latest_plan_id

TABLES = ["venue", "seating_plan", "section", "price_category", "seat", "plan_area"]


def counts(session) -> dict[str, int]:
    out = {t: session.scalar(text(f"SELECT count(*) FROM {t}")) for t in TABLES}
    session.rollback()
    return out


def tiny_plan() -> dict:
    """Two zones; zone 0 at (100, 200) with a row at (10, 20) and a row without position."""
    return {
        "name": "Tiny",
        "categories": [{"name": "A", "color": "#ABC"}, {"name": "Wheelchair users"}, {"name": "Unused"}],
        "zones": [
            {
                "name": "Stalls",
                "position": {"x": 100, "y": 200},
                "rows": [
                    {
                        "row_number": "1",
                        "row_label": "Row One",
                        "position": {"x": 10, "y": 20},
                        "seats": [
                            {"seat_guid": "s-1-1", "seat_number": "1", "position": {"x": 3, "y": 4}, "category": "A"},
                            {
                                "seat_guid": "s-1-2",
                                "seat_number": "2",
                                "position": {"x": 27.5, "y": 4},
                                "category": "A",
                                "radius": 7,
                            },
                        ],
                    },
                    {
                        "row_number": "2",
                        "row_label": None,
                        "seats": [
                            {
                                "seat_guid": "s-2-1:wc",
                                "seat_number": "1",
                                "position": {"x": 3, "y": 40},
                                "category": "A",
                            },
                            {
                                "seat_guid": "s-2-2",
                                "seat_number": "2",
                                "position": {"x": 30, "y": 40},
                                "category": "Wheelchair users",
                            },
                        ],
                    },
                ],
                "areas": [{"shape": "circle", "position": {"x": 5, "y": 6}, "circle": {"radius": 4}}],
            },
            {
                "zone_id": "gallery",
                "position": {"x": 0, "y": 500},
                "rows": [
                    {
                        "row_number": "G",
                        "seats": [
                            {"seat_guid": "g-1", "seat_number": "1", "position": {"x": 50, "y": 0}, "category": "A"}
                        ],
                    }
                ],
            },
            {
                "position": {"x": 0, "y": 0},
                "rows": [],
                "areas": [
                    {
                        "shape": "rectangle",
                        "position": {"x": 20, "y": 10},
                        "rectangle": {"width": 300, "height": 60},
                        "text": {"text": "STAGE", "position": {"x": 150, "y": 30}},
                    }
                ],
            },
        ],
    }


def test_demo_plan_imports_with_the_expected_counts(session):
    summary = import_plan(session, venue_name="Riverside Theatre", data=load_plan_file(DEMO_PLAN_PATH))

    assert (summary.zones, summary.rows, summary.seats, summary.areas) == (4, 34, 997, 2)
    assert summary.categories == ["Premium", "Standard", "Balcony", "Restricted View"]
    assert summary.wheelchair_spaces == 4
    assert (summary.plan_name, summary.version) == ("Riverside Theatre", 1)
    assert json.loads(json.dumps(summary.as_dict()))["seats"] == 997
    assert counts(session) == {
        "venue": 1,
        "seating_plan": 1,
        "section": 3,
        "price_category": 4,
        "seat": 997,
        "plan_area": 2,
    }
    per_section = dict(
        session.execute(
            select(Section.name, text("count(seat.id)"))
            .join(Seat, Seat.section_id == Section.id)
            .group_by(Section.name)
        ).all()
    )
    assert per_section == {"Stalls": 539, "Circle": 306, "Balcony": 152}
    wheelchair = session.execute(
        select(Section.name, Seat.row_label, Seat.guid)
        .join(Section, Section.id == Seat.section_id)
        .where(Seat.wheelchair)
    ).all()
    assert {(name, row) for name, row, _ in wheelchair} == {("Stalls", "T")}
    assert all(guid.endswith(":wc") for _, _, guid in wheelchair)
    plan = session.get(SeatingPlan, summary.plan_id)
    assert plan.source == load_plan_file(DEMO_PLAN_PATH)
    assert (plan.width, plan.height) == (1100, 1527)
    colors = {c.name: c.color for c in plan.categories}
    assert colors["Premium"] == "#c0392b"


def test_demo_plan_seats_do_not_overlap_and_fit_the_plan():
    parsed = parse_plan(load_plan_file(DEMO_PLAN_PATH))
    seats = sorted(parsed.seats, key=lambda s: s.x)
    for i, a in enumerate(seats):
        assert a.radius <= a.x <= parsed.width - a.radius and a.radius <= a.y <= parsed.height - a.radius
        for b in seats[i + 1 :]:
            if b.x - a.x >= a.radius + b.radius:
                break
            assert math.dist((a.x, a.y), (b.x, b.y)) >= a.radius + b.radius, (a.guid, b.guid)


def test_positions_are_absolute_and_names_fall_back(session):
    summary = import_plan(session, venue_name="Tiny Hall", data=tiny_plan())

    seats = {s.guid: s for s in session.scalars(select(Seat).where(Seat.plan_id == summary.plan_id))}
    assert (seats["s-1-1"].x, seats["s-1-1"].y, seats["s-1-1"].radius) == (113, 224, 10)  # zone + row + seat
    assert (seats["s-1-2"].x, seats["s-1-2"].radius) == (137.5, 7)
    assert (seats["s-2-1:wc"].x, seats["s-2-1:wc"].y) == (103, 240)  # no row position: zone + seat
    assert (seats["g-1"].x, seats["g-1"].y) == (50, 500)
    assert seats["s-1-1"].row_label == "Row One" and seats["s-2-1:wc"].row_label == "2"
    assert {g for g, s in seats.items() if s.wheelchair} == {"s-2-1:wc", "s-2-2"}  # suffix, category name
    sections = session.execute(
        select(Section.name, Section.position).where(Section.plan_id == summary.plan_id).order_by(Section.position)
    ).all()
    assert sections == [("Stalls", 0), ("gallery", 1)]  # the seatless stage zone is no section
    assert seats["g-1"].section.name == "gallery"
    areas = session.execute(select(PlanArea.shape, PlanArea.section_id).order_by(PlanArea.id)).all()
    assert areas[0].shape["position"] == {"x": 105, "y": 206} and areas[0].section_id == seats["s-1-1"].section_id
    assert areas[1].shape["position"] == {"x": 20, "y": 10} and areas[1].section_id is None
    assert areas[1].shape["text"]["position"] == {"x": 150, "y": 30}  # stays relative to the area
    cats = session.execute(
        select(PriceCategory.name, PriceCategory.color, PriceCategory.position).order_by(PriceCategory.position)
    ).all()
    assert [(n, p) for n, _, p in cats] == [("A", 0), ("Wheelchair users", 1), ("Unused", 2)]
    assert cats[0].color == "#aabbcc" and all(c.startswith("#") and len(c) == 7 for _, c, _ in cats)
    plan = session.get(SeatingPlan, summary.plan_id)  # no size given: the bounding box plus a margin
    assert (plan.width, plan.height) == (math.ceil(320 + MARGIN), math.ceil(510 + MARGIN))
    assert (summary.zones, summary.rows, summary.seats, summary.wheelchair_spaces) == (3, 3, 5, 2)


def test_reimport_makes_a_new_version(session):
    first = import_plan(session, venue_name="Tiny Hall", data=tiny_plan())
    second = import_plan(session, venue_name="Tiny Hall", data=tiny_plan())
    other = import_plan(session, venue_name="Tiny Hall", data=tiny_plan(), plan_name="Concert layout")

    assert (first.version, second.version, other.version) == (1, 2, 1)
    assert first.venue_id == second.venue_id == other.venue_id
    assert second.plan_id != first.plan_id
    assert latest_plan_id(session, venue_name="Tiny Hall", plan_name="Tiny") == second.plan_id
    assert latest_plan_id(session, venue_name="Tiny Hall") == other.plan_id
    assert counts(session)["seat"] == 15
    with pytest.raises(NotFoundError):
        latest_plan_id(session, venue_name="Nowhere")
    with pytest.raises(NotFoundError):
        latest_plan_id(session, venue_name="Tiny Hall", plan_name="Nope")


def _seat(plan, z=0, r=0, s=0):
    return plan["zones"][z]["rows"][r]["seats"][s]


def _break(fn):
    plan = tiny_plan()
    fn(plan)
    return plan


BROKEN = {
    "missing seat_number": (
        lambda p: _seat(p, s=1).pop("seat_number"),
        "zones[0].rows[0].seats[1]",
        "'seat_number' is missing",
    ),
    "wrong type": (
        lambda p: _seat(p).update(seat_number=5),
        "zones[0].rows[0].seats[0].seat_number",
        "expected text, found a whole number",
    ),
    "unknown property": (lambda p: p["zones"][1].update(colour="red"), "zones[1]", "unknown field 'colour'"),
    "bad position": (
        lambda p: _seat(p, r=1).update(position={"x": "3", "y": 4}),
        "zones[0].rows[1].seats[0].position.x",
        "expected a number",
    ),
    "bad shape": (lambda p: p["zones"][0]["areas"][0].update(shape="star"), "zones[0].areas[0].shape", "not one of"),
    "missing categories": (lambda p: p.pop("categories"), "", "the top level: the field 'categories' is missing"),
    "undefined category": (
        lambda p: _seat(p, z=1).update(category="VIP"),
        "zones[1].rows[0].seats[0]",
        "category 'VIP', which the plan does not define",
    ),
    "duplicate guid": (
        lambda p: _seat(p, z=1).update(seat_guid="s-1-2"),
        "zones[1].rows[0].seats[0]",
        "used twice: at zones[0].rows[0].seats[1] and at zones[1]",
    ),
    "duplicate category": (lambda p: p["categories"].append({"name": "A"}), "categories[3]", "defined twice"),
    "no zones": (lambda p: p.update(zones=[]), "zones", "no zones"),
    "no seats": (lambda p: [row.update(seats=[]) for z in p["zones"] for row in z["rows"]], "zones", "no seats"),
    "not finite": (
        lambda p: _seat(p).update(position={"x": float("nan"), "y": 0}),
        "zones[0].rows[0].seats[0].position.x",
        "not a finite number",
    ),
    "guid too long": (
        lambda p: _seat(p).update(seat_guid="x" * 201),
        "zones[0].rows[0].seats[0].seat_guid",
        "longer than 200",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_malformed_plans_are_refused_saying_where(session, case):
    mutate, where, message = BROKEN[case]
    import_plan(session, venue_name="Existing Hall", data=tiny_plan())
    before = counts(session)

    with pytest.raises(PlanImportError) as caught:
        import_plan(session, venue_name="New Hall", data=_break(mutate))

    assert caught.value.details["where"] == where
    assert message in str(caught.value)
    assert caught.value.code == "plan_invalid"
    assert counts(session) == before


def test_the_first_error_in_document_order_is_reported():
    plan = tiny_plan()
    _seat(plan, z=1).pop("category")
    _seat(plan, r=1, s=1)["radius"] = "big"
    plan["zones"][0]["rows"][0]["extra"] = 1
    with pytest.raises(PlanImportError) as caught:
        parse_plan(plan)
    assert caught.value.details["where"] == "zones[0].rows[0]"


def test_a_failure_while_writing_leaves_nothing_behind(session, monkeypatch):
    before = counts(session)

    def failing_record(*args, **kwargs):  # the last write, after venue, plan, categories, sections, seats
        raise RuntimeError("disk full")

    monkeypatch.setattr(plans.audit, "record", failing_record)
    with pytest.raises(RuntimeError):
        import_plan(session, venue_name="New Hall", data=tiny_plan())
    assert counts(session) == before


def test_bad_files_are_refused_with_line_and_column(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x",\n  "zones": [}\n', encoding="utf-8")
    with pytest.raises(PlanImportError, match=r"bad\.json is not valid JSON: .* line 2, column 13"):
        load_plan_file(bad)
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(PlanImportError, match="expected a JSON object at the top, found a list"):
        load_plan_file(listing)
    nan = tmp_path / "nan.json"
    nan.write_text('{"x": NaN}', encoding="utf-8")
    with pytest.raises(PlanImportError, match="NaN is not allowed"):
        load_plan_file(nan)
    with pytest.raises(PlanImportError, match="Cannot read"):
        load_plan_file(tmp_path / "missing.json")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(tiny_plan()), encoding="utf-8")
    assert load_plan_file(good) == tiny_plan()


def test_grid_plans_have_exactly_the_seats_asked_for():
    data = generate_grid_plan(12_345)
    parsed = parse_plan(copy.deepcopy(data))
    assert len(parsed.seats) == 12_345
    assert len(parsed.sections) == 3
    assert max(s.x + s.radius for s in parsed.seats) <= parsed.width
    assert max(s.y + s.radius for s in parsed.seats) <= parsed.height
