"""Small JPEG previews of images: cheap for phones, upright, with no EXIF (no GPS) left."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps

MAX_SIDE = 480
MAX_PIXELS = 50_000_000  # ~ a 8,000 × 6,000 photo; beyond that it is a decompression bomb
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class BadImage(Exception):
    """The bytes look like an image but do not decode as one."""


def make(source: Path, target: Path) -> None:
    """Write a thumbnail of ``source`` to ``target``; raise :class:`BadImage` if it cannot be read."""
    try:
        with Image.open(source) as im:
            if im.width * im.height > MAX_PIXELS:
                raise BadImage("too many pixels")
            im.draft("RGB", (MAX_SIDE * 2, MAX_SIDE * 2))  # JPEG: decode at a fraction of the size
            im = ImageOps.exif_transpose(im)  # also drops the orientation tag
            im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            im = _flatten(im)
            im.save(target, "JPEG", quality=80, optimize=True, progressive=True)  # no exif= given: none kept
    except BadImage:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise BadImage(str(exc)) from exc


def _flatten(im: Image.Image) -> Image.Image:
    """JPEG has no transparency: lay the picture on white."""
    if im.mode in ("RGBA", "LA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im, mask=im.getchannel("A"))
        return background
    return im.convert("RGB")
