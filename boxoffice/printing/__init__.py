"""Printed documents (tickets as PDF, pages as images); no Qt here.

``render_tickets_pdf`` makes the PDF; ``render.pdf_page_images`` (imported on use, it
loads pdfium) turns its pages into images for previews and printers.
"""

from boxoffice.printing.tickets import LAYOUTS, render_tickets_pdf, when_text

__all__ = ["LAYOUTS", "render_tickets_pdf", "when_text"]
