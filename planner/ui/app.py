"""Starting the app: ``boothplan`` or ``boothplan PLAN``.

``BOOTHPLAN_SCREENSHOT=out.png`` (for the Xvfb smoke test and for looking at the app from a
script) opens the plan, saves a screenshot of the main window once it is shown, and quits.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from planner.errors import BoothplanError
from planner.i18n import set_language

ORGANISATION = "Boothplan"
APPLICATION = "Boothplan"
SCREENSHOT_ENV = "BOOTHPLAN_SCREENSHOT"


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, set up with names (for QSettings) and the plan fonts."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    # The Qt-free parts (tool hints, checker, reports) speak the language the widgets do.
    set_language(QLocale.system().name())
    from planner.ui.resources import icon, load_fonts

    family = load_fonts()
    app.setProperty("planFontFamily", family)
    app.setWindowIcon(icon("booth"))
    return app


def make_window(path: str | None):
    from planner.ui.main_window import MainWindow

    window = MainWindow()
    family = QApplication.instance().property("planFontFamily") or ""
    window.scene.state.font_family = family
    if path:
        if not Path(path).exists():
            raise BoothplanError(f"{path}: no such plan file.")
        if not window.files.open(path, ask_to_save=False):
            raise BoothplanError(f"{path} could not be opened.")
    return window


def run_app(path: str | None) -> int:
    app = application()
    try:
        window = make_window(path)
    except BoothplanError as error:
        print(f"boothplan: {error}", file=sys.stderr)
        return 2
    install_excepthook(window)
    screenshot = os.environ.get(SCREENSHOT_ENV)
    window.show()
    window.view.zoom_to_fit()
    if screenshot:
        QTimer.singleShot(1500, lambda: _screenshot_and_quit(window, Path(screenshot)))
    else:
        from planner.ui.autosave import offer_recovery, start_autosave

        start_autosave(window)
        QTimer.singleShot(0, lambda: offer_recovery(window))
    code = app.exec()
    _tear_down(window)
    return code


def install_excepthook(parent: QWidget) -> None:
    """An error that escapes a slot is a bug: log it with its traceback and tell the user in
    one sentence with "Copy details" (Qt would only print it to a terminal nobody sees)."""
    from planner.ui.errors import show_unexpected

    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        show_unexpected(parent, error.with_traceback(tb))

    sys.excepthook = hook


def _tear_down(window) -> None:
    """Finish background jobs and delete the window while the QApplication still exists, so no
    worker thread or canvas item outlives Qt at interpreter shutdown."""
    from planner.ui.workers import wait_for_jobs

    wait_for_jobs(drop_queued=True)
    window.scene.clear()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _screenshot_and_quit(window, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    window.view.zoom_to_fit()
    QApplication.processEvents()
    screen = window.screen()
    image = screen.grabWindow(window.winId()) if screen is not None else window.grab()
    if image.isNull():
        image = window.grab()
    image.save(str(path))
    window.document.undo_stack.setClean()
    QApplication.instance().quit()
