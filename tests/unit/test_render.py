"""Markdown is rendered, and whatever HTML an attacker tries is made harmless."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from server.forum.render import plain, to_html

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![obraz](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=\"https://zlo.example\"></iframe>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "\"><script>alert(document.cookie)</script>",
    "<body onload=alert(1)>",
    "<form action=https://zlo.example><input name=haslo></form>",
    "<object data=javascript:alert(1)>",
    "`<script>` w kodzie jest bezpieczny",
]


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


SAFE_TAGS = {"p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"}


@pytest.mark.parametrize("attack", XSS)
def test_nothing_runnable_survives(attack):
    for tag, attrs in Elements(to_html(attack)).found:
        assert tag in SAFE_TAGS, (attack, tag)
        assert not any(name.startswith("on") or name == "style" for name in attrs), (attack, attrs)
        href = (attrs.get("href") or "").strip().lower()
        assert href == "" or href.startswith(("http:", "https:", "mailto:")), (attack, href)


def test_teachers_markdown_keeps_its_shape():
    html = to_html("**Ważne:** zadanie na *jutro*\n\n> cytat z Jana\n\n- punkt 1\n- punkt 2\n\n[Plan](https://poradnia.example/plan)")
    assert "<strong>Ważne:</strong>" in html and "<em>jutro</em>" in html
    assert "<blockquote>" in html and "<li>punkt 1</li>" in html
    assert '<a href="https://poradnia.example/plan" rel="noopener noreferrer nofollow">Plan</a>' in html


def test_plain_strips_every_tag():
    assert plain("<b>Anna</b> <script>x</script>Nowak") == "Anna Nowak"


@pytest.mark.parametrize("attack", XSS)
def test_letters_escape_titles_and_names(attack):
    """Thread titles, people's names and file names reach e-mail as text, never as markup."""
    from flask import Flask

    from server.mail import letter

    with Flask(__name__).app_context():
        message = letter("a@example.org", attack, f"Dzień dobry, {attack}!", [f"Wątek: {attack}", attack],
                         ("Otwórz", "https://krag.example/#/t/1"))
    for tag, attrs in Elements(message.html).found:
        assert tag in {"html", "body", "p", "a"}, (attack, tag)
        assert not any(name.startswith("on") for name in attrs), (attack, attrs)
