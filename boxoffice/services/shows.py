"""Shows: list, create and edit a production (title, running time, rating, poster image).

Creating and editing need the ``setup`` permission and are audited (``show.save``). The
poster is a small PNG or JPEG kept in the database (at most :data:`MAX_IMAGE_BYTES`), so
every till and the web see the same picture without shared files.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import LargeBinary, bindparam, func, select, text
from sqlalchemy.orm import Session

from boxoffice.db.models import Show, Showtime
from boxoffice.domain.errors import InvalidInputError, NotFoundError, ScheduleConflictError
from boxoffice.domain.roles import SETUP
from boxoffice.services import audit
from boxoffice.services.auth import authorize
from boxoffice.services.errors import unit_of_work

MAX_IMAGE_BYTES = 512 * 1024
MAX_DURATION_MINUTES = 24 * 60
KEEP = object()  # save_show(image=KEEP): leave the stored image as it is


@dataclass(frozen=True)
class ShowInfo:
    """A show as the Shows screen lists it; ``showtimes`` counts its scheduled (not
    cancelled) showtimes, ``image_type`` is ``image/png``, ``image/jpeg`` or ``None``."""

    id: int
    title: str
    duration_minutes: int
    description: str
    rating: str
    image_type: str | None
    showtimes: int


def image_type_of(data: bytes) -> str:
    """The MIME type of a poster from its first bytes: ``image/png`` or ``image/jpeg``.

    Raises:
        InvalidInputError: empty, larger than :data:`MAX_IMAGE_BYTES`, or neither PNG nor JPEG.
    """
    if not data:
        raise InvalidInputError("The image file is empty.")
    if len(data) > MAX_IMAGE_BYTES:
        raise InvalidInputError(
            f"The image is {len(data) // 1024:,} KiB; at most {MAX_IMAGE_BYTES // 1024} KiB "
            "please (a poster thumbnail is plenty)."
        )
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    raise InvalidInputError("The image must be a PNG or JPEG file.")


def list_shows(session: Session) -> list[ShowInfo]:
    """Every show, by title (no permission needed: the sell screen shows titles too)."""
    counts = (
        select(Showtime.show_id, func.count().label("n"))
        .where(Showtime.status != "cancelled")
        .group_by(Showtime.show_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Show.id,
            Show.title,
            Show.duration_minutes,
            Show.description,
            Show.rating,
            Show.image_type,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.show_id == Show.id)
        .order_by(func.lower(Show.title), Show.id)
    ).all()
    session.rollback()
    return [ShowInfo(*r) for r in rows]


def show_image(session: Session, *, show_id: int) -> tuple[bytes, str] | None:
    """The poster of ``show_id`` as ``(bytes, mime type)``, or ``None`` without one.

    Raises:
        NotFoundError: no such show.
    """
    row = session.execute(select(Show.image, Show.image_type).where(Show.id == show_id)).first()
    session.rollback()
    if row is None:
        raise NotFoundError(f"Show {show_id} does not exist.")
    return None if row.image is None else (bytes(row.image), row.image_type)


_SAVE = text("SELECT bo_show_save(:id, :t, :d, :desc, :r, :set, :img, :type)").bindparams(
    bindparam("img", type_=LargeBinary)
)


def save_show(
    session: Session,
    *,
    show_id: int | None = None,
    title: str,
    duration_minutes: int,
    description: str = "",
    rating: str = "",
    image: object = KEEP,
) -> int:
    """Create a show (``show_id`` ``None``) or change one; returns its id.

    ``duration_minutes``: running time, 1 to 1440; ``rating``: free text up to 20
    characters (``12A``); ``image``: PNG/JPEG bytes, ``None`` to remove the poster, or
    :data:`KEEP`. A new running time moves the end of the show's showtimes; if that makes
    two showtimes of a venue overlap, nothing is saved.

    Raises:
        InvalidInputError: empty or too long title, a running time outside 1..1440, a
            rating over 20 characters, or an image that is not a small PNG/JPEG.
        ScheduleConflictError: the new running time makes showtimes overlap.
        NotFoundError: no show ``show_id``.
        PermissionDeniedError: the actor may not set up the house.
    """
    authorize(session, SETUP)
    title = (title or "").strip()
    if not title:
        raise InvalidInputError("A show needs a title.")
    if len(title) > 200:
        raise InvalidInputError("A show's title can have at most 200 characters.")
    if isinstance(duration_minutes, bool) or not isinstance(duration_minutes, int) or duration_minutes <= 0:
        raise InvalidInputError("A show's running time must be a positive number of minutes.")
    if duration_minutes > MAX_DURATION_MINUTES:
        raise InvalidInputError("A show's running time cannot be more than 24 hours.")
    rating = (rating or "").strip()
    if len(rating) > 20:
        raise InvalidInputError("A rating can have at most 20 characters (e.g. 12A).")
    image_type = None if image is KEEP or image is None else image_type_of(image)  # type: ignore[arg-type]
    try:
        with unit_of_work(session):
            if show_id is None:
                changed = ["created"]
            else:
                old = session.execute(
                    select(Show.title, Show.duration_minutes, Show.description, Show.rating).where(Show.id == show_id)
                ).first()
                if old is None:
                    raise NotFoundError(f"Show {show_id} does not exist.")
                changed = [
                    name
                    for name, before, after in (
                        ("title", old.title, title),
                        ("duration_minutes", old.duration_minutes, duration_minutes),
                        ("description", old.description, description or ""),
                        ("rating", old.rating, rating),
                    )
                    if before != after
                ]
            if image is not KEEP:
                changed.append("image removed" if image is None else "image")
            # bo_show_save (migration 0013): the database checks the caller and the values
            saved_id = session.execute(
                _SAVE,
                {
                    "id": show_id,
                    "t": title,
                    "d": duration_minutes,
                    "desc": description or "",
                    "r": rating,
                    "set": image is not KEEP,
                    "img": None if image is KEEP else image,
                    "type": image_type,
                },
            ).scalar_one()
            audit.record(
                session,
                action="show.save",
                target=f"show {saved_id}",
                details={"title": title, "duration_minutes": duration_minutes, "rating": rating, "changed": changed},
            )
            return saved_id
    except ScheduleConflictError:
        raise ScheduleConflictError(
            f"With a running time of {duration_minutes} minutes, showtimes of "
            f"“{title}” would overlap other showtimes in their venue."
        ) from None
