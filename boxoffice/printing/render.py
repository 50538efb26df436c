"""PDF pages as raster images (pypdfium2), for tests, previews and painting onto printers."""

from __future__ import annotations

import pypdfium2 as pdfium
from PIL import Image


def pdf_page_images(pdf: bytes, *, dpi: int = 200) -> list[Image.Image]:
    """Render every page of ``pdf`` to an RGB image, in page order.

    Args:
        pdf: the bytes of a PDF document (e.g. from ``render_tickets_pdf``).
        dpi: resolution in dots per inch; a page of W x H points (1/72 inch) becomes an
            image of about ``W * dpi / 72`` x ``H * dpi / 72`` pixels. 200 dpi makes an
            80 mm wide roll ticket about 630 px wide.

    Returns:
        One ``PIL.Image.Image`` (mode ``"RGB"``, white background) per page.

    Raises:
        ValueError: ``dpi`` is not positive.
        pypdfium2.PdfiumError: ``pdf`` is not a readable PDF document.
    """
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, not {dpi}")
    document = pdfium.PdfDocument(pdf)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
                images.append(bitmap.to_pil().convert("RGB"))
            finally:
                page.close()
        return images
    finally:
        document.close()
