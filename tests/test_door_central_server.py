"""``boxoffice door`` on a central server: the URL carries no password, so the door
signs in first (as the door person's own login) and only then reads the showtimes."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from boxoffice.config import Settings
from boxoffice.services.till import TillSessions
from boxoffice.ui.door.app import load_showtimes, prepare_door
from tests.factories import make_actor, make_small_house


def test_a_door_without_a_password_in_its_url_signs_in_before_reading(session, db_url, tmp_path):
    house = make_small_house(session)
    make_actor(session, role="door", username="dora", password="dora-secret")
    no_user = make_url(db_url)._replace(username=None, password=None).render_as_string(hide_password=False)
    settings = Settings(database_url=no_user, data_dir=tmp_path, till_name="door-pc")
    start = prepare_door(settings, gate="North", showtime_ids=[house["showtime_id"]])
    try:
        assert start.sign_in_first and start.online and start.showtimes == []
        with pytest.raises(Exception):  # noqa: B017 - the control: nobody may read before signing in
            load_showtimes(start.session_factory, [house["showtime_id"]])
        people = TillSessions(start.engine.url.render_as_string(hide_password=False))
        try:
            dora = people.sign_in(username="dora", password="dora-secret", till="door:North", permission="scan")
            showtimes = load_showtimes(people.session_factory(dora), [house["showtime_id"]])
        finally:
            people.close()
        assert [s.id for s in showtimes] == [house["showtime_id"]]
    finally:
        start.close()
