"""The till's language: Qt translators for the app's texts and the locale that money,
dates and times follow (docs/translations.md).

The language is ``BOXOFFICE_LANGUAGE`` (``de``, ``en``, ``de_CH``, ...) or else the
computer's locale (``QLocale.system()``). :func:`install` sets it as Qt's default
locale and loads ``boxoffice_<lang>.qm`` (from ``boxoffice/resources/i18n``) and Qt's
own ``qtbase_<lang>.qm`` (standard dialog buttons); a language without a ``.qm`` gets
English texts (``boxoffice_en.qm``: the English plural forms) in its own formats. The formatting helpers below read the default locale, so every screen writes
money and times the same way.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from boxoffice.config import RESOURCES_DIR
from boxoffice.domain import locale_format

I18N_DIR = RESOURCES_DIR / "i18n"
SOURCE_LANGUAGE = "en"

# boxoffice.domain.roles.ROLE_LABELS, as shown to people
ROLE_LABELS = {
    "cashier": QT_TRANSLATE_NOOP("roles", "Cashier"),
    "door": QT_TRANSLATE_NOOP("roles", "Door"),
    "manager": QT_TRANSLATE_NOOP("roles", "Manager"),
    "admin": QT_TRANSLATE_NOOP("roles", "Admin"),
    "system": QT_TRANSLATE_NOOP("roles", "System"),
}

_installed: list[QTranslator] = []
_locale = [locale_format.DEFAULT_LOCALE]  # what install() chose; tests that install nothing get en_GB
_venue_locale: list[str | None] = [None]  # the open showtime's venue's, if any (use_venue_locale)


def choose_locale(language: str | None) -> QLocale:
    """The QLocale for the ``BOXOFFICE_LANGUAGE`` value ``language`` (``None`` or empty:
    the computer's locale)."""
    if language and language.strip():
        return QLocale(language.strip().replace("-", "_"))
    return QLocale.system()


def _qm_path(language: str) -> Path | None:
    """The app's ``.qm`` for ``language``; built from the ``.ts`` with ``pyside6-lrelease``
    into a temporary directory when only the source is there (a checkout without ``make
    translations``). ``None``: no translation (the texts stay English)."""
    qm = I18N_DIR / f"boxoffice_{language}.qm"
    if qm.exists():
        return qm
    ts = I18N_DIR / f"boxoffice_{language}.ts"
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    if not ts.exists() or not Path(lrelease).exists():
        return None
    built = Path(tempfile.gettempdir()) / f"boxoffice_{language}.qm"
    try:
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(built)], check=True, timeout=60, capture_output=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return built if built.exists() else None


def install(app: QCoreApplication, language: str | None) -> str:
    """Make ``language`` (see :func:`choose_locale`) the application's language: Qt's
    default locale, the app's translation and Qt's own. Replaces translators installed by
    an earlier call. Returns the Babel locale name used for money and times (``"de_DE"``)."""
    uninstall(app)
    locale = choose_locale(language)
    QLocale.setDefault(locale)
    lang = locale.name().split("_")[0]
    # Our own texts: the language's translation, else English (whose .qm holds the plural forms).
    ours = _qm_path(lang) or _qm_path(SOURCE_LANGUAGE)
    paths = [str(ours)] if ours else []
    if lang != SOURCE_LANGUAGE:  # Qt's standard buttons and dialogs
        paths.append(str(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"))
    for path in paths:
        translator = QTranslator(app)
        if translator.load(path):
            app.installTranslator(translator)
            _installed.append(translator)
    _locale[0] = locale_format.normalize_locale(locale.name())
    return _locale[0]


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators :func:`install` added and go back to the system locale."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())
    _locale[0] = locale_format.DEFAULT_LOCALE
    _venue_locale[0] = None


def locale_name() -> str:
    """The Babel locale name money, dates and times are written in: the venue's whose
    showtime is open at the till (:func:`use_venue_locale`), else the one :func:`install`
    chose (``"de_DE"``; ``"en_GB"`` for C, and before any install, so that tests read the
    same texts on every machine). The texts' language stays the till's."""
    return _venue_locale[0] or _locale[0]


def till_locale() -> str:
    """The locale :func:`install` chose for this till, whatever venue is open."""
    return _locale[0]


def use_venue_locale(locale: str | None) -> None:
    """Write money, dates and times as the venue's ``locale`` says (a Babel id from venue
    settings, e.g. ``"de_DE"``; ``None`` or empty: the till's own again). The sell screen
    calls it when it opens a showtime."""
    _venue_locale[0] = locale_format.normalize_locale(locale) if locale else None


def format_money(amount_minor: int, currency: str) -> str:
    """``amount_minor`` of ``currency`` as the till's locale writes it (``"20,50 €"``)."""
    return locale_format.format_money(amount_minor, currency, locale_name())


def amount_text(amount_minor: int, currency: str) -> str:
    """An amount for an entry field, without sign or grouping (``"20,50"``)."""
    return locale_format.format_amount(amount_minor, currency, locale_name())


def parse_money(text: str, currency: str) -> int:
    """What a person typed, read in the till's locale (``"20,50"`` in German is 2050).

    Raises:
        InvalidInputError: not an amount of money (the message says why).
    """
    return locale_format.parse_money(text, currency, locale_name())


def _zone_of(moment: dt.datetime, tz):
    """``tz`` if given; else the moment's own zone when it is a named one (the caller put
    it in the venue's zone, ``astimezone(ZoneInfo(venue.timezone))``); else ``None``: this
    computer's zone (a time as the database gave it, in UTC or an offset)."""
    if tz is None and isinstance(moment.tzinfo, ZoneInfo):
        return moment.tzinfo
    return tz


def date_time(moment: dt.datetime, tz=None, *, date: str = "yMMMEd") -> str:
    """An aware ``moment`` as date and time in ``tz`` (name or tzinfo; ``None``: the
    moment's own named zone, e.g. the venue's, else this computer's zone), e.g.
    ``"Sa., 5. Dez. 2026, 19:30"``; ``date`` is a CLDR skeleton."""
    return locale_format.format_datetime(moment, _zone_of(moment, tz), locale_name(), date=date)


def date_only(moment: dt.datetime, tz=None, *, date: str = "yMMMEd") -> str:
    """The date of an aware ``moment`` in ``tz`` (as :func:`date_time`) after the CLDR skeleton ``date``."""
    return locale_format.format_date(moment, _zone_of(moment, tz), locale_name(), date=date)


def time_of(moment: dt.datetime, tz=None) -> str:
    """The short time of an aware ``moment`` in ``tz`` (as :func:`date_time`; ``"19:30"``)."""
    return locale_format.format_time(moment, _zone_of(moment, tz), locale_name())


def translated(context: str, texts) -> list[str]:
    """``texts`` (marked with ``QT_TRANSLATE_NOOP(context, ...)``) in the till's language."""
    return [QCoreApplication.translate(context, text) for text in texts]


def number(value: int) -> str:
    """A whole number with the locale's grouping (``"1.234"`` in German)."""
    return locale_format.format_number(value, locale_name())


def role_label(role: str) -> str:
    """A staff role's name in the till's language (``"cashier"`` -> ``"Kassierer"``)."""
    return QCoreApplication.translate("roles", ROLE_LABELS.get(role, role))


SHOWTIME_STATUSES = {
    "on_sale": QT_TRANSLATE_NOOP("statuses", "on sale"),
    "off_sale": QT_TRANSLATE_NOOP("statuses", "off sale"),
    "cancelled": QT_TRANSLATE_NOOP("statuses", "cancelled"),
    "scheduled": QT_TRANSLATE_NOOP("statuses", "scheduled"),
}


def showtime_status(status: str) -> str:
    """A showtime's status (``"off_sale"``) as words in the till's language (``"off sale"``)."""
    return QCoreApplication.translate("statuses", SHOWTIME_STATUSES.get(status, status.replace("_", " ")))


def weekday_names() -> list[str]:
    """Monday to Sunday, abbreviated, in the till's locale (``"Mo."`` … ``"So."``)."""
    return locale_format.weekday_names(locale_name())
