"""A till's printer settings file: per till, atomic, tolerant of a damaged file; the
receipt-by-default rule; unprinted documents kept with safe, unique names."""

from __future__ import annotations

import datetime as dt

from boxoffice.printing.till_printers import TillPrinters, keep_unprinted, load, receipt_by_default, save


def test_settings_are_kept_per_till(tmp_path):
    assert load(tmp_path, "front-1") == TillPrinters()  # no file yet: ask each time, receipts for card
    save(tmp_path, "front-1", TillPrinters(ticket_printer="Star TSP100", receipt_methods=frozenset({"cash"})))
    save(tmp_path, "front-2", TillPrinters(receipt_printer="pdf:/srv/receipts", receipt_layout="a4"))
    one, two = load(tmp_path, "front-1"), load(tmp_path, "front-2")
    assert (one.ticket_printer, one.receipt_printer, one.receipt_methods) == ("Star TSP100", None, {"cash"})
    assert (two.receipt_printer, two.receipt_layout, two.ticket_layout) == ("pdf:/srv/receipts", "a4", "roll80")
    assert not list(tmp_path.glob("*.tmp"))


def test_a_damaged_file_or_bad_values_fall_back_to_the_defaults(tmp_path):
    (tmp_path / "printers.json").write_text("{not json")
    assert load(tmp_path, "front-1") == TillPrinters()
    (tmp_path / "printers.json").write_text(
        '{"tills": {"front-1": {"ticket_printer": "  ", "ticket_layout": "a3", "receipt_methods": "card"}}}'
    )
    assert load(tmp_path, "front-1") == TillPrinters()


def test_receipt_by_default_follows_the_tenders():
    printers = TillPrinters()
    assert receipt_by_default(["card"], printers) and receipt_by_default(["cash", "exchange"], printers)
    assert not receipt_by_default(["cash"], printers) and not receipt_by_default([], printers)


def test_unprinted_documents_are_kept_with_unique_safe_names(tmp_path):
    at = dt.datetime(2026, 11, 30, 19, 15, 2)
    first = keep_unprinted(tmp_path, "receipt-BO-001001", b"%PDF-1", now=at)
    second = keep_unprinted(tmp_path, "receipt-BO-001001", b"%PDF-2", now=at)
    odd = keep_unprinted(tmp_path, "../tickets BO/1", b"%PDF-3", now=at)
    assert first.name == "receipt-BO-001001-20261130-191502.pdf" and first.read_bytes() == b"%PDF-1"
    assert second.name == "receipt-BO-001001-20261130-191502-2.pdf"
    assert odd.parent == tmp_path / "unprinted" and odd.name == "tickets_BO_1-20261130-191502.pdf"
