"""The legend under the seat map wraps its price categories: a stadium's seven categories
once widened the till's window to 2,000 pixels, pushing Pay off a 1366 x 768 screen."""

from __future__ import annotations

from types import SimpleNamespace

from boxoffice.ui.seatmap.legend import LINE_BUDGET, LegendBar

NAMES = ["Upper Corner & End", "Upper Sideline", "Lower End", "Lower Corner", "Middle Tier", "Lower Sideline", "Club"]


def _map(count: int):
    categories = {
        i: SimpleNamespace(id=i, name=NAMES[i], color="#2e7d32", price_minor=5000 - 500 * i) for i in range(count)
    }
    return SimpleNamespace(categories=categories, currency="EUR")


def test_seven_categories_wrap_and_four_stay_on_one_line(qtbot):
    legend = LegendBar()
    qtbot.addWidget(legend)
    legend.show_map(_map(7), [])
    legend.show_keys({i: f"Ctrl+{i + 1}" for i in range(7)})
    assert len(legend.entries()) == 7
    assert legend.sizeHint().width() <= LINE_BUDGET + 60  # + the frame's margins
    assert len(legend._lines) >= 3  # two lines of categories, one of seat looks

    legend.show_map(_map(3), [])  # rebuilt: the old lines go
    assert len(legend.entries()) == 3 and len(legend._lines) == 2
