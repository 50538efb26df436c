"""Save docs/screenshots/plan-editor.png: the seating plan editor on the demo theatre,
signed in as the demo manager, with a new curved block of rows added below the balcony
(still selected) and the Validate list filled in.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/plan_editor_screenshots.py

Uses a private embedded database in a temporary directory, so the user's data is untouched.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

OUT = harness.ROOT / "docs" / "screenshots"


def main() -> int:
    """Build the scene and save the PNG; returns the exit status."""
    from boxoffice.domain.plan_blocks import BlockSpec
    from boxoffice.services import plans
    from boxoffice.ui.plan_editor.window import PlanEditorWindow

    settings = harness.temp_settings()
    window, runner, db = harness.open_window(settings, role="manager")
    editor = None
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        editor = PlanEditorWindow(runner)
        editor.resize(1400, 900)
        editor.show()
        with db.session_factory() as session:
            plan_id = plans.latest_plan_id(session, venue_name=window.sell.seat_map.showtime.venue)
        editor.load_version(plan_id)
        harness.wait_until(lambda: editor.plan.seat_count() > 0, what="the plan")
        bounds_bottom = max(s.y for _, _, s in editor.plan.seats())
        editor._add_block(
            BlockSpec(
                rows=3,
                seats_per_row=18,
                x=550,
                y=bounds_bottom + 70,
                curve_radius=900,
                category="Balcony",
                first_row="A",
                numbering="centre",
            ),
            "Gallery",
        )
        gallery = [s for _, _, s in editor.plan.seats() if s.guid.startswith("gallery-")]
        editor.canvas.set_selection({s.guid for s in gallery[-4:]})
        editor.set_attributes(restricted_view=True)
        editor.canvas.set_selection({s.guid for s in gallery})
        editor.validate_plan()
        editor.canvas.fit_all()
        harness.wait_until(lambda: not runner.busy, what="idle runner")
        for _ in range(5):  # let pending layout requests run before the grab
            harness.app().processEvents()
        editor.grab().save(str(OUT / "plan-editor.png"))
        print(f"saved {OUT / 'plan-editor.png'}")
    finally:
        if editor is not None:
            editor.undo_stack.setClean()
            editor.close()
        harness.close_window(window, runner, db, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
