"""The Reports screen's charts (Qt Charts, from PySide6-Addons): net sales over time
(columns), by channel and by price category (horizontal bars with the amounts written on
them). Values are in the currency's major units; labels are formatted by the caller's
``money`` (minor units -> text), so they follow the till's locale.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from boxoffice.services.reports import SalesLine

BAR = QColor("#2563eb")


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


class SalesChart(QChartView):
    """One chart of net sales per key; ``horizontal`` draws bars (long labels, few keys),
    else columns (a time axis). ``set_lines`` replaces what it shows."""

    def __init__(self, title: str, *, horizontal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.horizontal = horizontal
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(300, 240)
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(_font(11, bold=True))
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        self.setChart(chart)
        self.keys: list[str] = []
        self.values: list[float] = []

    def set_title(self, title: str) -> None:
        self.chart().setTitle(title)

    def set_lines(self, lines: list[SalesLine], money: Callable[[int], str]) -> None:
        """Show ``lines``' net sales (minor units; ``money`` writes the axis and labels)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.keys = [line.key for line in lines]
        self.values = [line.net_minor / 100 for line in lines]
        if self.horizontal:  # bars are drawn bottom-up: reverse so the first key is on top
            lines = lines[::-1]
        bars = QBarSet("net")
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        bars.append([line.net_minor / 100 for line in lines])
        series = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        if self.horizontal or len(lines) <= 8:
            series.setLabelsVisible(True)
            series.setLabelsFormat("@value")
            series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
            bars.setLabelColor(QColor("white"))
            bars.setLabelFont(_font(9, bold=True))
        chart.addSeries(series)
        keys = QBarCategoryAxis()
        keys.append([line.key if len(line.key) <= 18 else line.key[:17] + "…" for line in lines] or [""])
        keys.setLabelsFont(_font(9))
        if not self.horizontal and len(lines) > 12:
            keys.setLabelsAngle(-60)
        amounts = QValueAxis()
        top = max([0.0, *self.values])
        bottom = min([0.0, *self.values])
        amounts.setRange(bottom, top * 1.1 if top > 0 else 1.0)
        amounts.setLabelsFont(_font(8))
        amounts.setTickCount(5)
        amounts.applyNiceNumbers()
        amounts.setLabelFormat("%.0f")
        amounts.setTitleText(money(100).replace("1", "").replace("0", "").strip(" .,") or "")
        amounts.setTitleFont(_font(8))
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
            if self.horizontal
            else (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
        )
        chart.addAxis(keys, category_side)
        chart.addAxis(amounts, value_side)
        series.attachAxis(keys)
        series.attachAxis(amounts)
