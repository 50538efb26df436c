"""Sending a ticket or receipt PDF to a printer: through Qt's print dialog, or straight to
a till's default printer without one (docs/receipts.md).

Pages are rasterised with pypdfium2 at the printer's resolution (capped) and painted at
their real size: the printer's page is set to the PDF page's size (80 mm wide for the
roll layouts, a custom ``QPageSize``), full page, no margins and no fit-to-page scaling,
so an 80 mm ticket prints 80 mm wide on any printer. This works for every Qt print
backend, including "Print to PDF" and the ``"pdf:<folder>"`` pseudo-printer of
:mod:`boxoffice.printing.till_printers`. Qt allows painting on a ``QPrinter`` off the GUI
thread, so :func:`print_direct` may run on a worker.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from boxoffice.printing.render import pdf_page_images
from boxoffice.printing.till_printers import PDF_FOLDER

MAX_DPI = 300
_PDFIUM = threading.Lock()  # pdfium is not thread-safe; documents print on a worker thread


class PrintFailed(RuntimeError):
    """A document could not be printed; the message says why, in words for the cashier."""


def available_printers() -> list[str]:
    """The names of the printers this computer knows (CUPS, Windows), default first."""
    default = QPrinterInfo.defaultPrinterName()
    names = list(QPrinterInfo.availablePrinterNames())
    return sorted(names, key=lambda n: (n != default, n.lower()))


def print_pdf(
    pdf: bytes, parent: QWidget | None = None, printer: QPrinter | None = None, *, title: str | None = None
) -> bool:
    """Ask for a printer (unless ``printer`` is given; ``title``: the dialog's, default
    "Print tickets") and print ``pdf`` at its real size; returns whether anything was
    printed.

    Raises:
        PrintFailed: the printer could not be started.
    """
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title or QCoreApplication.translate("printing", "Print tickets"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    paint_pdf(printer, pdf)
    return True


def _page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            return [tuple(document[i].get_size()) for i in range(len(document))]
        finally:
            document.close()


def _set_page(printer: QPrinter, size_pt: tuple[float, float]) -> None:
    """The printer's page becomes exactly ``size_pt`` (points), portrait, no margins."""
    width, height = (round(v * 25.4 / 72, 2) for v in size_pt)  # mm; Qt may round to whole points (80 mm -> 227 pt)
    page = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    layout = QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    printer.setFullPage(True)
    if not printer.setPageLayout(layout):  # a driver without custom sizes: at least the size and no margins
        printer.setPageSize(page)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def paint_pdf(printer: QPrinter, pdf: bytes) -> None:
    """Print every page of ``pdf`` on ``printer`` at its real size: the printer's page is
    set to each PDF page's size and the page is drawn 1:1 from the top-left corner (a
    page of 80 mm prints 80 mm wide; nothing is scaled to fit the paper).

    Raises:
        PrintFailed: the printer could not be started (not installed, no permission,
            an output file that cannot be written).
    """
    sizes = _page_sizes(pdf)
    if not sizes:
        raise PrintFailed(QCoreApplication.translate("printing", "the document has no pages"))
    _set_page(printer, sizes[0])
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(QCoreApplication.translate("printing", "the printer could not be started"))
    try:
        with _PDFIUM:
            images = pdf_page_images(pdf, dpi=dpi)
        for i, (image, size) in enumerate(zip(images, sizes, strict=True)):
            if i:
                _set_page(printer, size)
                printer.newPage()
            qimage = QImage(
                image.convert("RGB").tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
            )
            scale = printer.resolution() / 72.0  # device pixels per point
            painter.drawImage(QRectF(0, 0, size[0] * scale, size[1] * scale), qimage)
    finally:
        painter.end()


def printer_named(name: str, document: str) -> QPrinter:
    """A printer for a till's default printer setting ``name``: a system printer's name,
    or ``"pdf:<folder>"`` for a PDF file ``<folder>/<document>.pdf``.

    Raises:
        PrintFailed: no printer of that name is installed.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document)
    if name.startswith(PDF_FOLDER):
        folder = Path(name[len(PDF_FOLDER) :]).expanduser()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(folder / f"{document}.pdf"))
        return printer
    printer.setPrinterName(name)
    if not printer.isValid() or printer.printerName() != name:
        raise PrintFailed(
            QCoreApplication.translate("printing", "the printer “{name}” is not installed on this computer").format(
                name=name
            )
        )
    return printer


def print_direct(pdf: bytes, printer_name: str, document: str) -> None:
    """Print ``pdf`` on the printer ``printer_name`` (see :func:`printer_named`) with no
    dialog, at its real size; ``document`` names the job (e.g. ``"receipt-BO-001001"``).

    Raises:
        PrintFailed: why it could not be printed.
    """
    paint_pdf(printer_named(printer_name, document), pdf)
