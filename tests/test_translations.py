"""The app in German (BOXOFFICE_LANGUAGE=de): the real main window, its menus, the sell
screen, the cash dialog and a Manage dialog; and the .ts/.qm files kept complete and in
step with the code (docs/translations.md)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit, QPushButton
from sqlalchemy import text

from boxoffice.config import Settings
from boxoffice.ui.common import i18n
from boxoffice.ui.common.tasks import TaskRunner
from boxoffice.ui.shell.main_window import MainWindow
from tests.factories import make_actor, make_small_house

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "boxoffice" / "resources" / "i18n"
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def german(qapp, monkeypatch, tmp_path):
    """The language the app would pick with BOXOFFICE_LANGUAGE=de; English again after."""
    monkeypatch.setenv("BOXOFFICE_LANGUAGE", "de")
    monkeypatch.setenv("BOXOFFICE_DATA_DIR", str(tmp_path))
    settings = Settings.from_env()
    assert settings.language == "de"
    assert i18n.install(qapp, settings.language) == "de_DE"
    yield
    i18n.install(qapp, "en_GB")


def test_the_main_window_speaks_german(qtbot, german, session, session_factory):
    house = make_small_house(session)
    # money and dates follow the venue's locale (venue settings), the texts the till's language
    session.execute(text("UPDATE venue SET locale = 'de_DE' WHERE id = :v"), {"v": house["venue_id"]})
    session.commit()
    manager = make_actor(session, role="manager", username="maya", display_name="Maya Manager")
    runner = TaskRunner(session_factory, actor=manager, require_actor=True)
    window = MainWindow(runner, channel="till:test", hold_seconds=120, database_label="test")
    window.sell.saleCompleted.disconnect(window._sale_completed)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.sell.seat_map is not None and window.sell._version > 0, timeout=10_000)

    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Verkauf", "&Kasse", "&Ansicht", "&Personal", "Ver&waltung", "&Berichte", "&Hilfe"]
    sale_menu = window.menuBar().actions()[0].menu()
    assert [a.text() for a in sale_menu.actions() if a.text()] == [
        "Tickets der letzten Bestellung drucken…",
        "Bestellung suchen…",
        "Bestellung erstatten…",
        "Freigabe durch Leitung: späterer Verkauf…",
        "Beleg zu einer Bestellung…",
        "Einstellungen …",
        "Beenden",
    ]
    labels = {w.text() for w in window.sell.findChildren(QLabel)}
    assert {"Vorstellung", "Warenkorb"} <= labels
    assert window.sell.panel.pay_button.text() == "Kassieren… (F9)"
    assert window.sell.legend.entries()[:2] == ["A 25,00\xa0€", "B 15,00\xa0€"]
    assert "Verkauft" in window.sell.legend.entries()
    assert window.who_label.text().startswith("Angemeldet: ")
    assert re.search(r" · [A-Z][a-z]\.?, \d+\. \w+ \d{4}, \d\d:\d\d · 30 Plätze$", window.sell.info.text()), (
        window.sell.info.text()
    )

    seats = house["seat_ids"][:2]
    for seat_id in seats:
        view = window.sell.map
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.seat_view_pos(seat_id))
        qtbot.waitUntil(lambda s=seat_id: s in window.sell.basket.lines, timeout=5000)
    panel = window.sell.panel
    assert panel.total.text() == "2 Plätze · 50,00\xa0€"
    assert panel.table.item(0, 0).text() == "Stalls · Reihe A · Platz 1"
    assert panel.table.item(0, 3).text() == "25,00\xa0€"

    seen = {}

    def in_cash_dialog():  # a German cashier types 50,50: fifty euros fifty
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        seen["cancel"] = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).text()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "tendered"), "50,50")
        seen["change"] = dialog.findChild(QLabel, "change").text()
        seen["confirm"] = dialog.findChild(QPushButton, "confirmSale").text()
        dialog.reject()

    QTimer.singleShot(200, in_cash_dialog)
    qtbot.keyClick(window.sell, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "change" in seen, timeout=5000)
    assert seen == {
        "title": "Zahlung",
        "cancel": "Abbrechen",
        "change": "0,50\xa0€",
        "confirm": "Verkauf bestätigen",
    }

    window.prices_action.trigger()  # Manage → Prices and showtimes, through its menu action
    from boxoffice.ui.manage.prices import PricesDialog

    qtbot.waitUntil(lambda: bool(window.findChildren(PricesDialog)), timeout=5000)
    dialog = window.findChildren(PricesDialog)[0]
    assert window.prices_action.text() == "Preise und Vorstellungen…"
    assert dialog.windowTitle() == "Preise und Vorstellungen"
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert {"Preise &speichern", "Vorstellung &absagen…"} <= buttons
    qtbot.waitUntil(lambda: "verkauft" in dialog.heading.text(), timeout=5000)
    dialog.close()
    window.sell.release_seats(None)
    runner.wait(5000)


def test_a_language_without_translation_keeps_english_texts_in_its_formats(qapp):
    try:
        assert i18n.install(qapp, "fr_FR") == "fr_FR"
        assert QApplication.translate("SellScreen", "Showtime") == "Showtime"
        assert QApplication.translate("BasketPanel", "%n seat(s) · {total}", "", 2) == "2 seats · {total}"
        assert i18n.format_money(2050, "EUR") == "20,50\u00a0€"
        assert i18n.parse_money("20,50", "EUR") == 2050
    finally:
        i18n.install(qapp, "en_GB")
    assert i18n.locale_name() == "en_GB" and i18n.format_money(2050, "EUR") == "€20.50"


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_text_is_translated(language):
    """Nothing unfinished, empty or obsolete, and every {placeholder} kept: a German till
    shows no English and never loses a number."""
    problems = []
    count = 0
    for context, message in _messages(I18N / f"boxoffice_{language}.ts"):
        count += 1
        source = message.findtext("source")
        translation = message.find("translation")
        forms = (
            [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        if translation.get("type") in {"unfinished", "obsolete", "vanished"} or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not translated")
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"{context}: {form!r} has other placeholders than {source!r}")
            if message.get("numerus") == "yes" and "%n" not in form and "%Ln" not in form:
                problems.append(f"{context}: {form!r} lacks %n")
    assert count > 600 and problems == []


def test_the_ts_files_hold_exactly_the_texts_of_the_code(tmp_path):
    """lupdate over the code finds no text the committed .ts lacks, and none it no longer uses."""
    committed = I18N / "boxoffice_de.ts"
    fresh = tmp_path / "boxoffice_de.ts"
    shutil.copy(committed, fresh)
    sources = [str(ROOT / "boxoffice" / "app.py")] + sorted(str(p) for p in (ROOT / "boxoffice" / "ui").rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )

    def texts(ts):
        return {(context, m.findtext("source"), m.get("numerus")) for context, m in _messages(ts)}

    assert texts(fresh) - texts(committed) == set(), "run `make translations-update` and translate the new texts"
    assert texts(committed) - texts(fresh) == set(), "run `make translations-update` to drop texts no longer used"


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_shipped_qm_is_built_from_its_ts(tmp_path, language):
    built = tmp_path / f"boxoffice_{language}.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(I18N / f"boxoffice_{language}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert built.read_bytes() == (I18N / f"boxoffice_{language}.qm").read_bytes(), "run `make translations`"


def test_every_door_headline_is_marked_for_translation():
    from boxoffice.domain.admission import HEADLINES
    from boxoffice.ui.door.verdict import HEADLINE_TEXTS

    assert set(HEADLINES.values()) <= set(HEADLINE_TEXTS)
