"""The basket panel of the sell screen: lines with their ticket types, hold countdown,
total and actions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.basket import Basket
from boxoffice.ui.common.i18n import format_money

TYPE_COLUMN, PRICE_COLUMN = 2, 3


class _BasketTable(QTableWidget):
    """The basket's lines. **T** gives the selected lines (none selected: the last) the
    next ticket type offered, **Shift+T** the previous one, **1**-**9** the n-th."""

    typeKey = Signal(int, int)  # (step, index): step +1/-1 cycles; index >= 0 picks the n-th type

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_T and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.typeKey.emit(-1 if mods == Qt.KeyboardModifier.ShiftModifier else 1, -1)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and mods == Qt.KeyboardModifier.NoModifier:
            self.typeKey.emit(0, key - Qt.Key.Key_1)
            return
        super().keyPressEvent(event)


class BasketPanel(QWidget):
    """Shows a :class:`Basket`; emits what the cashier asks for.

    Each line has a ticket type combo box offering the types priced for its category
    (``offers`` of :meth:`show_basket`); keys as :class:`_BasketTable`.

    Signals:
        removeRequested(list): seat ids to drop from the basket (minus an area id: a
            general-admission line).
        clearRequested(): drop everything.
        payCashRequested(): take cash for the basket.
        typeChosen(int, int): (seat id, ticket type id) the cashier chose for a line.
        promoApplied(str): a promo code typed in the basket (F7 goes to the field; Enter
            applies); an empty string removes the code.
    """

    removeRequested = Signal(list)
    clearRequested = Signal()
    payCashRequested = Signal()
    typeChosen = Signal(int, int)
    promoApplied = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(360)
        self._currency = "EUR"
        title = QLabel(self.tr("Basket"))
        title.setObjectName("basketTitle")
        font = title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        self.countdown = QLabel("")
        self.countdown.setObjectName("holdCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.countdown)

        self._offers: Mapping[int, Sequence] = {}
        self._types: dict[int, int | None] = {}  # seat id -> type id shown
        self.table = _BasketTable(0, 4)
        self.table.setObjectName("basketLines")
        self.table.setHorizontalHeaderLabels([self.tr("Seat"), self.tr("Category"), self.tr("Type"), self.tr("Price")])
        self.table.setToolTip(self.tr("Ticket type of the selected lines: T next, Shift+T previous, 1-9 the n-th type"))
        self.table.typeKey.connect(self._type_key)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        self.empty_hint = QLabel(self.tr("Click seats on the map to add them.\nClick again to drop one."))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #6b6b6b;")

        self.total = QLabel()
        self.total.setObjectName("basketTotal")
        big = QFont(self.total.font())
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        self.total.setFont(big)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.remove_button = QPushButton(self.tr("Remove seat"))
        self.remove_button.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.remove_button.setToolTip(self.tr("Drop the selected seats from the basket (Delete)"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.clear_button = QPushButton(self.tr("Clear basket"))
        self.clear_button.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.clear_button.setToolTip(self.tr("Release every seat in the basket (Ctrl+Shift+Delete)"))
        self.clear_button.clicked.connect(self.clearRequested)
        self.pay_button = QPushButton(self.tr("Pay… (F9)"))
        self.pay_button.setObjectName("payCash")
        self.pay_button.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.pay_button.setToolTip(
            self.tr("Take payment for the basket: F9 cash, F10 card, F11 complimentary, F12 split")
        )
        self.pay_button.setMinimumHeight(48)
        self.pay_button.setStyleSheet(
            "QPushButton#payCash { background: #1e7d4f; color: white; font-weight: bold; font-size: 15px;"
            " border-radius: 6px; } QPushButton#payCash:disabled { background: #b9c9bf; }"
        )
        self.pay_button.clicked.connect(self.payCashRequested)

        # promo code (migration 0021): typed here, priced by the database before paying
        self.promo_edit = QLineEdit()
        self.promo_edit.setObjectName("promoEntry")
        self.promo_edit.setMaxLength(30)
        self.promo_edit.setPlaceholderText(self.tr("Promo code (F7)"))
        self.promo_edit.returnPressed.connect(self._apply_promo)
        self.promo_button = QPushButton(self.tr("Apply"))
        self.promo_button.setObjectName("applyPromo")
        self.promo_button.clicked.connect(self._apply_promo)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, self.focus_promo)
        self.promo_label = QLabel("")
        self.promo_label.setObjectName("promoLine")
        self.promo_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.promo_remove = QPushButton(self.tr("Remove code"))
        self.promo_remove.setObjectName("removePromo")
        self.promo_remove.clicked.connect(lambda: self.promoApplied.emit(""))
        promo_row = QHBoxLayout()
        promo_row.addWidget(self.promo_edit, 1)
        promo_row.addWidget(self.promo_button)
        promo_line = QHBoxLayout()
        promo_line.addWidget(self.promo_remove)
        promo_line.addWidget(self.promo_label, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(promo_row)
        layout.addLayout(promo_line)
        layout.addWidget(self.total)
        layout.addLayout(buttons)
        layout.addWidget(self.pay_button)
        self.show_basket(None, currency="EUR", seconds_left=0)

    def show_basket(
        self, basket: Basket | None, *, currency: str, seconds_left: int, offers: Mapping[int, Sequence] | None = None
    ) -> None:
        """Redraw from ``basket`` (``None``: no showtime chosen). ``offers`` maps a seat id
        to the ticket types sold for it (objects with ``ticket_type_id``, ``name`` and
        ``price_minor``, full first); the selection is kept."""
        self._currency = currency
        self._offers = offers or {}
        selected = set(self.selected_seats())
        lines = list(basket.lines.values()) if basket else []
        ga_lines = list(basket.ga.values()) if basket else []
        self._types = {line.seat_id: line.ticket_type_id for line in lines}
        self.table.setRowCount(len(lines) + len(ga_lines))
        for r, line in enumerate(lines):
            seat_item = QTableWidgetItem(
                self.tr("{section} · Row {row} · Seat {seat}").format(
                    section=line.section, row=line.row, seat=line.seat
                )
            )
            seat_item.setData(Qt.ItemDataRole.UserRole, line.seat_id)
            price = self.tr("no price") if line.price_minor is None else format_money(line.price_minor, currency)
            price_item = QTableWidgetItem(price)
            price_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 0, seat_item)
            self.table.setItem(r, 1, QTableWidgetItem(line.category))
            self.table.setItem(r, TYPE_COLUMN, QTableWidgetItem(line.ticket_type))
            self.table.setItem(r, PRICE_COLUMN, price_item)
            old = self.table.cellWidget(r, TYPE_COLUMN)
            if isinstance(old, QComboBox) and old.property("seatId") == line.seat_id:
                self._fill_combo(old, line, currency)  # same line: update in place (keeps focus)
            else:
                if old is not None:
                    old.hide()  # Qt deletes it later; do not let it show meanwhile
                self.table.setCellWidget(r, TYPE_COLUMN, self._type_combo(line, currency))
        for r, ga in enumerate(ga_lines, start=len(lines)):  # general admission: "Standing (GA) × 2"
            self._ga_row(r, ga, currency)
        self.table.clearSelection()
        for r, line in enumerate(lines):
            if line.seat_id in selected:
                self._add_row_to_selection(r)
        for r, ga in enumerate(ga_lines, start=len(lines)):
            if -ga.area_id in selected:
                self._add_row_to_selection(r)
        anything = bool(lines or ga_lines)
        self.empty_hint.setVisible(not anything)
        total = basket.total_minor if basket else 0
        count = len(lines)
        if ga_lines:
            count += sum(ga.quantity for ga in ga_lines)
            self.total.setText(self.tr("%n ticket(s) · {total}", "", count).format(total=format_money(total, currency)))
        else:
            self.total.setText(self.tr("%n seat(s) · {total}", "", count).format(total=format_money(total, currency)))
        self._show_promo(basket, currency)
        self.update_countdown(seconds_left if anything else 0)
        self.pay_button.setEnabled(anything and basket is not None and basket.priced)
        self.clear_button.setEnabled(anything)
        self.remove_button.setEnabled(anything)

    def focus_promo(self) -> None:
        """Put the cursor in the promo code field (F7)."""
        self.promo_edit.setFocus()
        self.promo_edit.selectAll()

    def _apply_promo(self) -> None:
        code = self.promo_edit.text().strip()
        if code:
            self.promoApplied.emit(code)

    def _show_promo(self, basket: Basket | None, currency: str) -> None:
        """The promo line above the total: ``Promo SPRING10 −£5.00``, or that it is being checked."""
        code = basket.promo_code if basket else None
        self.promo_edit.setEnabled(basket is not None and not basket.empty)
        self.promo_button.setEnabled(basket is not None and not basket.empty)
        self.promo_remove.setVisible(code is not None)
        if code is None:
            self.promo_label.setText("")
        elif not basket.promo_ready:
            self.promo_label.setText(self.tr("Promo {code}: checking…").format(code=code))
        else:
            self.promo_label.setText(
                self.tr("Promo {code} \u2212{amount}").format(
                    code=code, amount=format_money(basket.discount_minor, currency)
                )
            )

    def _ga_row(self, r: int, ga, currency: str) -> None:
        """A general-admission line; its id in the table is minus the area id. Sold as Full."""
        label = QTableWidgetItem(self.tr("{name} (GA) × {count}").format(name=ga.name, count=ga.quantity))
        label.setData(Qt.ItemDataRole.UserRole, -ga.area_id)
        price = self.tr("no price") if ga.total_minor is None else format_money(ga.total_minor, currency)
        price_item = QTableWidgetItem(price)
        price_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        old = self.table.cellWidget(r, TYPE_COLUMN)
        if old is not None:
            old.hide()
            self.table.removeCellWidget(r, TYPE_COLUMN)
        self.table.setItem(r, 0, label)
        self.table.setItem(r, 1, QTableWidgetItem(ga.category))
        self.table.setItem(r, TYPE_COLUMN, QTableWidgetItem(self.tr("Full")))
        self.table.setItem(r, PRICE_COLUMN, price_item)

    def selected_seats(self) -> list[int]:
        """Seat ids of the selected lines, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows if self.table.item(r, 0)]

    def type_combo(self, seat_id: int) -> QComboBox | None:
        """The ticket type combo box of ``seat_id``'s line."""
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == seat_id:
                widget = self.table.cellWidget(r, TYPE_COLUMN)
                return widget if isinstance(widget, QComboBox) else None
        return None

    def _add_row_to_selection(self, row: int) -> None:
        model = self.table.selectionModel()
        model.select(
            self.table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _type_combo(self, line, currency: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName("ticketType")
        combo.setProperty("seatId", line.seat_id)
        combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stays in the table; T and 1-9 choose
        self._fill_combo(combo, line, currency)
        seat_id = line.seat_id
        combo.currentIndexChanged.connect(lambda i, c=combo: self._combo_changed(seat_id, c.itemData(i)))
        return combo

    def _fill_combo(self, combo: QComboBox, line, currency: str) -> None:
        """The types offered for ``line`` (names; prices in the tooltips), its own chosen."""
        offers = list(self._offers.get(line.seat_id, ()))
        combo.blockSignals(True)
        combo.clear()
        for offer in offers:
            combo.addItem(offer.name, offer.ticket_type_id)
            combo.setItemData(combo.count() - 1, format_money(offer.price_minor, currency), Qt.ItemDataRole.ToolTipRole)
        if not offers:
            combo.addItem(line.ticket_type, line.ticket_type_id)
        index = combo.findData(line.ticket_type_id)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setEnabled(len(offers) > 1)
        prices = ", ".join(f"{o.name} {format_money(o.price_minor, currency)}" for o in offers)
        combo.setToolTip(
            self.tr("Ticket type: {types} (select the line and press T, or 1-9)").format(
                types=prices or line.ticket_type
            )
        )

    def _combo_changed(self, seat_id: int, type_id) -> None:
        if type_id is not None:  # redrawn after the combo's own signal has returned
            QTimer.singleShot(0, lambda: self.typeChosen.emit(seat_id, int(type_id)))

    def _type_key(self, step: int, index: int) -> None:
        seats = self.selected_seats()
        if not seats and self.table.rowCount():
            seats = [self.table.item(self.table.rowCount() - 1, 0).data(Qt.ItemDataRole.UserRole)]
        for seat_id in seats:
            ids = [o.ticket_type_id for o in self._offers.get(seat_id, ())]
            if len(ids) < 2 and not (index >= 0 and ids):
                continue
            if index >= 0:
                if index >= len(ids):
                    continue
                chosen = ids[index]
            else:
                current = self._types.get(seat_id)
                at = ids.index(current) if current in ids else 0
                chosen = ids[(at + step) % len(ids)]
            if chosen != self._types.get(seat_id):
                self.typeChosen.emit(seat_id, chosen)

    def update_countdown(self, seconds_left: int) -> None:
        """Show the time left on the holds, e.g. ``Held 4:59``; red in the last minute."""
        if seconds_left <= 0:
            self.countdown.setText("")
            return
        minutes, seconds = divmod(seconds_left, 60)
        colour = "#b3261e" if seconds_left <= 60 else "#3d3d3d"
        self.countdown.setText(
            self.tr("<span style='color:{colour}'>Held {minutes}:{seconds:02d}</span>").format(
                colour=colour, minutes=minutes, seconds=seconds
            )
        )

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]  # Delete with nothing selected drops the last seat
        ids = [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]
        if ids:
            self.removeRequested.emit(ids)
