"""The basket panel of the sell screen: lines, hold countdown, total and actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from boxoffice.domain.basket import Basket
from boxoffice.domain.money import format_money


class BasketPanel(QWidget):
    """Shows a :class:`Basket`; emits what the cashier asks for.

    Signals:
        removeRequested(list): seat ids to drop from the basket.
        clearRequested(): drop everything.
        payCashRequested(): take cash for the basket.
    """

    removeRequested = Signal(list)
    clearRequested = Signal()
    payCashRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(320)
        self._currency = "EUR"
        title = QLabel("Basket")
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

        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Seat", "Category", "Price"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.empty_hint = QLabel("Click seats on the map to add them.\nClick again to drop one.")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #6b6b6b;")

        self.total = QLabel()
        self.total.setObjectName("basketTotal")
        big = QFont(self.total.font())
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        self.total.setFont(big)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)

        self.remove_button = QPushButton("Remove seat")
        self.remove_button.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.remove_button.setToolTip("Drop the selected seats from the basket (Delete)")
        self.remove_button.clicked.connect(self._remove_selected)
        self.clear_button = QPushButton("Clear basket")
        self.clear_button.setShortcut(QKeySequence("Ctrl+Shift+Delete"))
        self.clear_button.setToolTip("Release every seat in the basket (Ctrl+Shift+Delete)")
        self.clear_button.clicked.connect(self.clearRequested)
        self.pay_button = QPushButton("Pay cash…")
        self.pay_button.setObjectName("payCash")
        self.pay_button.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.pay_button.setToolTip("Take cash for the basket (F9)")
        self.pay_button.setMinimumHeight(48)
        self.pay_button.setStyleSheet(
            "QPushButton#payCash { background: #1e7d4f; color: white; font-weight: bold; font-size: 15px;"
            " border-radius: 6px; } QPushButton#payCash:disabled { background: #b9c9bf; }"
        )
        self.pay_button.clicked.connect(self.payCashRequested)

        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.total)
        layout.addLayout(buttons)
        layout.addWidget(self.pay_button)
        self.show_basket(None, currency="EUR", seconds_left=0)

    def show_basket(self, basket: Basket | None, *, currency: str, seconds_left: int) -> None:
        """Redraw from ``basket`` (``None``: no showtime chosen)."""
        self._currency = currency
        lines = list(basket.lines.values()) if basket else []
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            seat_item = QTableWidgetItem(line.label)
            seat_item.setData(Qt.ItemDataRole.UserRole, line.seat_id)
            price = "no price" if line.price_minor is None else format_money(line.price_minor, currency)
            price_item = QTableWidgetItem(price)
            price_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 0, seat_item)
            self.table.setItem(r, 1, QTableWidgetItem(line.category))
            self.table.setItem(r, 2, price_item)
        self.empty_hint.setVisible(not lines)
        total = basket.total_minor if basket else 0
        count = len(lines)
        self.total.setText(f"{count} seat{'s' if count != 1 else ''} · {format_money(total, currency)}")
        self.update_countdown(seconds_left if lines else 0)
        self.pay_button.setEnabled(bool(lines) and basket is not None and basket.priced)
        self.clear_button.setEnabled(bool(lines))
        self.remove_button.setEnabled(bool(lines))

    def update_countdown(self, seconds_left: int) -> None:
        """Show the time left on the holds, e.g. ``Held 4:59``; red in the last minute."""
        if seconds_left <= 0:
            self.countdown.setText("")
            return
        minutes, seconds = divmod(seconds_left, 60)
        colour = "#b3261e" if seconds_left <= 60 else "#3d3d3d"
        self.countdown.setText(f"<span style='color:{colour}'>Held {minutes}:{seconds:02d}</span>")

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]  # Delete with nothing selected drops the last seat
        ids = [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]
        if ids:
            self.removeRequested.emit(ids)
