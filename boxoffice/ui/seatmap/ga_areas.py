"""General admission on the sell screen (migration 0008): an area drawn on the seat map
("Standing · 143 left"), and the dialog that asks how many places."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGraphicsItem,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from boxoffice.ui.common.i18n import format_money
from boxoffice.ui.seatmap.items import pixel_font
from boxoffice.ui.seatmap.looks import guarded, pen


def left_text(available: int) -> str:
    """``"143 left"``, or ``"sold out"``."""
    if available <= 0:
        return QCoreApplication.translate("ga_areas", "sold out")
    return QCoreApplication.translate("ga_areas", "{available} left").format(available=available)


class GaAreaItem(QGraphicsItem):
    """A general-admission area: a rectangle in its category's colour, labelled with its
    name and how many places are left."""

    def __init__(self, area_id: int, name: str, rect: QRectF, color: str) -> None:
        super().__init__()
        self.area_id, self.name, self.rect = area_id, name, rect
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles clicks
        self.setZValue(-5)
        fill = QColor(color) if QColor.isValidColorName(color or "") else QColor("#888888")
        self._fill = QColor(fill)
        self._fill.setAlpha(150)
        self._border = pen(fill.darker(150), 2)
        self.available = 0
        self.mine = 0
        self.label = ""

    def set_counts(self, available: int, mine: int = 0) -> None:
        """Places left for anyone, and how many this basket holds."""
        self.available, self.mine = available, mine
        self.label = f"{self.name} · {left_text(available)}" + (
            QCoreApplication.translate("GaAreaItem", " · {mine} in basket").format(mine=mine) if mine else ""
        )
        self.setToolTip(
            QCoreApplication.translate(
                "GaAreaItem", "General admission {name}: {left_text}. Click (or Enter) to choose places."
            ).format(name=self.name, left_text=left_text(available))
        )
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        """The rectangle and its border."""
        return self.rect.adjusted(-2, -2, 2, 2)

    @guarded
    def paint(self, painter: QPainter, option, widget=None) -> None:
        """Fill, outline (dashed when sold out) and the label, centred."""
        painter.setBrush(QBrush(self._fill if self.available > 0 or self.mine else QColor(200, 200, 200, 150)))
        painter.setPen(self._border)
        painter.drawRoundedRect(self.rect, 6, 6)
        size = max(8.0, min(self.rect.height() * 0.28, self.rect.width() / max(1, len(self.label)) * 1.7))
        painter.setFont(QFont(pixel_font(size, bold=True)))
        painter.setPen(QColor("#1f1f1f"))
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.label)


class GaAreaLayer:
    """The seat map's general-admission areas (mixed into
    :class:`~boxoffice.ui.seatmap.map_view.SeatMapView`, which keeps them in ``_ga``)."""

    def set_ga_areas(self, areas: Iterable, mine: dict[int, int] | None = None) -> None:
        """Draw the showtime's general-admission areas (objects with ``area_id, name,
        category_id, x, y, w, h, available``: :class:`~boxoffice.services.general_admission.GaAreaState`)
        with how many places are left; ``mine`` maps area id -> places in this basket."""
        if self._map is None:
            return
        grew = False
        for a in areas:
            item = self._ga.get(a.area_id)
            if item is None:
                category = self._map.categories.get(a.category_id)
                item = self._ga[a.area_id] = GaAreaItem(
                    a.area_id, a.name, QRectF(a.x, a.y, a.w, a.h), category.color if category else ""
                )
                self.scene().addItem(item)
                self._content = self._content.united(item.sceneBoundingRect())
                grew = True
            item.set_counts(a.available, (mine or {}).get(a.area_id, 0))
        if grew and not self._user_zoomed:
            self.fit_all()

    def ga_items(self) -> dict[int, GaAreaItem]:
        """The general-admission areas drawn, by id."""
        return dict(self._ga)

    def ga_area_at(self, view_pos: QPoint | QPointF) -> int | None:
        """Id of the general-admission area under viewport point ``view_pos``, or None."""
        p = self.mapToScene(QPoint(int(view_pos.x()), int(view_pos.y())))
        return next((i for i, item in self._ga.items() if item.rect.contains(p)), None)

    def ga_view_pos(self, area_id: int) -> QPoint:
        """Centre of a general-admission area in viewport coordinates (for tests)."""
        return self.mapFromScene(self._ga[area_id].rect.center())


class GaQuantityDialog(QDialog):
    """How many places of an area: a spin box (type a number, arrows, Enter to confirm)
    with the price and how many are left. 0 drops the area from the basket."""

    def __init__(
        self,
        *,
        name: str,
        price_minor: int | None,
        currency: str,
        available: int,
        current: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("General admission · {name}").format(name=name))
        self.setObjectName("gaQuantityDialog")
        self._price, self._currency = price_minor, currency
        most = max(0, available) + current
        self.spin = QSpinBox()
        self.spin.setObjectName("gaQuantity")
        self.spin.setRange(0, most)
        self.spin.setValue(current or min(1, most))
        self.spin.setAccelerated(True)
        self.spin.selectAll()
        self.total = QLabel()
        self.total.setObjectName("gaTotal")
        each = self.tr("no price") if price_minor is None else format_money(price_minor, currency)
        info = QLabel(
            self.tr("{left_text} · {each} each").format(left_text=left_text(available), each=each)
            + (self.tr(" · {current} in the basket").format(current=current) if current else "")
        )
        info.setObjectName("gaInfo")
        form = QFormLayout()
        form.addRow(self.tr("Places"), self.spin)
        form.addRow(self.tr("Total"), self.total)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(price_minor is not None and most > 0)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.spin.valueChanged.connect(self._changed)
        self._changed(self.spin.value())
        self.spin.setFocus()

    @property
    def quantity(self) -> int:
        """The places chosen (0: none)."""
        return self.spin.value()

    def _changed(self, value: int) -> None:
        total = 0 if self._price is None else value * self._price
        self.total.setText(format_money(total, self._currency))
