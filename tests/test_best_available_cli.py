"""``boxoffice best-available`` through the real command-line entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

from boxoffice import cli
from boxoffice.services import inventory
from tests.factories import make_small_house


def test_prints_the_pick_as_json_and_text_without_holding(session, db_url, monkeypatch, capsys):
    house = make_small_house(session)
    st = house["showtime_id"]
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    assert cli.main(["best-available", "--showtime", str(st), "--quantity", "3", "--category", "B", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["section"] == "Stalls" and doc["row"] == "B" and doc["seats"] == ["4", "5", "6"]
    assert doc["seat_ids"] == house["seat_ids"][13:16]
    assert cli.main(["best-available", "--showtime", str(st), "--quantity", "2"]) == 0
    assert capsys.readouterr().out.startswith("Stalls, row A, seats 5-6 (seat ids ")
    # nothing was held: the same pick again, and every seat available
    inventory.hold_seats(
        session, showtime_id=st, seat_ids=house["seat_ids"][4:6], token=uuid.uuid4(), channel="till:x", seconds=60
    )
    assert cli.main(["best-available", "--showtime", str(st), "--quantity", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["seat_ids"] != house["seat_ids"][4:6]


def test_not_enough_together_is_one_line_and_exit_1(session, db_url, monkeypatch, capsys):
    house = make_small_house(session)
    monkeypatch.setenv("BOXOFFICE_DATABASE_URL", db_url)
    argv = ["best-available", "--showtime", str(house["showtime_id"]), "--quantity", "11", "--section", "stalls"]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "boxoffice: error: No 11 seats together in Stalls.\n"
    assert cli.main(["best-available", "--showtime", "999", "--quantity", "2"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_as_a_process(session, db_url):
    house = make_small_house(session)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "boxoffice",
            "best-available",
            "--showtime",
            str(house["showtime_id"]),
            "--quantity",
            "2",
            "--json",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "BOXOFFICE_DATABASE_URL": db_url},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["seats"] == ["5", "6"]
