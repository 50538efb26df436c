"""Sending a ticket PDF to a printer through Qt's print dialog.

Pages are rasterised with pypdfium2 at the printer's resolution (capped) and painted
onto the page, which works for every Qt print backend including "Print to PDF".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from boxoffice.printing.render import pdf_page_images

MAX_DPI = 300


def print_pdf(pdf: bytes, parent: QWidget | None = None, printer: QPrinter | None = None) -> bool:
    """Ask for a printer (unless ``printer`` is given) and print ``pdf``; returns whether
    anything was printed."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("printing", "Print tickets"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    dpi = min(printer.resolution(), MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(QCoreApplication.translate("printing", "the printer could not be started"))
    try:
        for i, image in enumerate(pdf_page_images(pdf, dpi=dpi)):
            if i:
                printer.newPage()
            qimage = QImage(
                image.convert("RGB").tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888
            )
            page = QRectF(painter.viewport())
            scale = min(page.width() / qimage.width(), page.height() / qimage.height())
            painter.drawImage(QRectF(0, 0, qimage.width() * scale, qimage.height() * scale), qimage)
    finally:
        painter.end()
    return True
