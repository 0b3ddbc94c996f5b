"""Draws Krąg's app icons once; the PNGs are committed under public/icons.

Run with any Python that has Pillow:  python tools/make_icons.py
A teal circle with a white "K"; the maskable icon fills the whole square and keeps
the letter inside the 80 % safe zone.
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

TEAL = (15, 118, 110)        # #0f766e, the app's theme colour
TEAL_LIGHT = (204, 235, 230)
WHITE = (255, 255, 255)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
OUT = Path(__file__).resolve().parent.parent / "public" / "icons"


def draw(size: int, maskable: bool) -> Image.Image:
    scale = 4  # draw large, shrink: smooth edges
    s = size * scale
    img = Image.new("RGBA", (s, s), TEAL if maskable else (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if maskable:
        ring = int(s * 0.30)  # ring inside the safe zone
    else:
        d.ellipse((0, 0, s - 1, s - 1), fill=TEAL)
        ring = int(s * 0.40)
    c = s // 2
    width = max(2, int(s * 0.035))
    d.ellipse((c - ring, c - ring, c + ring, c + ring), outline=TEAL_LIGHT, width=width)
    font = ImageFont.truetype(FONT, int(s * (0.36 if maskable else 0.46)))
    d.text((c, c), "K", font=font, fill=WHITE, anchor="mm")
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    draw(192, False).save(OUT / "icon-192.png", optimize=True)
    draw(512, False).save(OUT / "icon-512.png", optimize=True)
    draw(512, True).save(OUT / "icon-maskable-512.png", optimize=True)
    draw(180, True).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)


if __name__ == "__main__":
    main()
