"""Block mode of the sell screen (staff with the ``block`` permission): click seats to
pick them, then block them with a reason (house seats, technical kills...) or release
blocked ones back to sale. Runs ``services.blocks`` on the runner's worker threads; the
database audits both (``seat_block`` / ``seat_release``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from boxoffice.services import blocks
from boxoffice.ui.common.tasks import describe_error
from boxoffice.ui.seatmap.looks import look_label

BAR_STYLE = "QWidget#blockBar { background: #e0e7ff; border: 1px solid #6366f1; border-radius: 4px; }"


class BlockBar(QWidget):
    """The bar shown in block mode, under the showtime picker. ``screen`` is the
    :class:`~boxoffice.ui.counter.sell.SellScreen` it works on (its map, sync and runner).

    Signals:
        message(str): a status line.
        activeChanged(bool): block mode switched on or off.
    """

    message = Signal(str)
    activeChanged = Signal(bool)

    def __init__(self, screen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("blockBar")
        self.setStyleSheet(BAR_STYLE)
        self.screen = screen
        self.active = False
        self.picked: list[int] = []
        self.label = QLabel("")
        self.label.setObjectName("blockPicked")
        self.reason = QComboBox()
        self.reason.setObjectName("blockReason")
        self.reason.setEditable(True)
        self.reason.addItems(list(blocks.REASONS))
        self.reason.setMinimumWidth(180)
        self.block_button = QPushButton(self.tr("&Block"))
        self.block_button.setObjectName("blockSeats")
        self.block_button.clicked.connect(self.block)
        self.release_button = QPushButton(self.tr("&Release"))
        self.release_button.setObjectName("releaseBlocks")
        self.release_button.clicked.connect(self.release)
        done = QPushButton(self.tr("Done"))
        done.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("<b>Block seats</b> — click seats to pick them.")))
        layout.addWidget(self.label, 1)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.block_button)
        layout.addWidget(self.release_button)
        layout.addWidget(done)
        self.hide()
        self._update()

    def start(self) -> None:
        """Enter block mode (only with an empty basket: its seats are held for a sale)."""
        basket = self.screen.basket
        if basket is not None and basket.lines:
            self.message.emit(self.tr("Sell or clear the basket before blocking seats."))
            self.activeChanged.emit(False)
            return
        self.active = True
        self.picked = []
        self.show()
        self._update()
        self.activeChanged.emit(True)
        self.message.emit(self.tr("Block mode: click seats, then Block or Release."))

    def stop(self) -> None:
        """Leave block mode; the map shows the basket again."""
        if not self.active:
            return
        self.active = False
        self.picked = []
        self.hide()
        self.screen.map.set_selected(self.screen.basket.seat_ids if self.screen.basket else [])
        self.activeChanged.emit(False)

    def reset(self) -> None:
        """Forget the picked seats (another showtime was opened)."""
        self.picked = []
        self._update()

    def toggle(self) -> None:
        """Enter or leave block mode."""
        self.stop() if self.active else self.start()

    def toggle_seat(self, seat_id: int) -> None:
        """Pick or unpick ``seat_id`` (sold and held seats cannot be blocked)."""
        if seat_id in self.picked:
            self.picked.remove(seat_id)
        else:
            state = self.screen.map.state_of(seat_id)
            if state in ("sold", "held"):
                self.message.emit(
                    self.tr("{label} is {state} and cannot be blocked.").format(
                        label=self.screen._label(seat_id), state=look_label(state).lower()
                    )
                )
                return
            self.picked.append(seat_id)
        self._update()

    def _update(self) -> None:
        if not self.active:
            return
        self.screen.map.set_selected(self.picked)
        states = [self.screen.map.state_of(s) for s in self.picked]
        n = len(self.picked)
        self.label.setText(
            self.tr("%n seat(s) picked", "", n)
            + (self.tr(" ({count} blocked)").format(count=states.count("blocked")) if "blocked" in states else "")
            if n
            else self.tr("No seats picked")
        )
        self.block_button.setEnabled(any(s == "available" for s in states))
        self.release_button.setEnabled("blocked" in states)

    def block(self) -> None:
        """Block the picked available seats with the reason (worker thread)."""
        ids = [s for s in self.picked if self.screen.map.state_of(s) == "available"]
        reason, showtime_id = self.reason.currentText(), self.screen.basket.showtime_id
        if ids:
            self._run(
                lambda s: blocks.block_seats(s, showtime_id=showtime_id, seat_ids=ids, reason=reason),
                lambda n: self.tr("Blocked %n seat(s) ({reason}).", "", n).format(reason=reason.strip()),
            )

    def release(self) -> None:
        """Release the picked blocked seats back to sale (worker thread)."""
        ids = [s for s in self.picked if self.screen.map.state_of(s) == "blocked"]
        showtime_id = self.screen.basket.showtime_id
        if ids:
            self._run(
                lambda s: blocks.release_seats(s, showtime_id=showtime_id, seat_ids=ids),
                lambda n: self.tr("Released %n seat(s) back to sale.", "", n),
            )

    def _run(self, work, describe) -> None:
        self.block_button.setEnabled(False)
        self.release_button.setEnabled(False)

        def done(n: int) -> None:
            self.picked = []
            self.screen.sync.request()
            self.message.emit(describe(n))
            self._update()

        def failed(exc: BaseException) -> None:
            self.message.emit(describe_error(exc))
            self.screen.sync.request()
            self._update()

        self.screen.runner.run(work, done, failed)
