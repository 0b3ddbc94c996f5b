"""Markdown as teachers write it, turned into HTML that is safe to show anywhere."""
from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

# CommonMark without raw HTML, plus tables and strikethrough; bare links become links.
_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True}).enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "a", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}


def to_html(markdown: str) -> str:
    """Render and sanitize: the second step keeps whatever the first lets through harmless."""
    return sanitize(_md.render(markdown))


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def plain(text: str) -> str:
    """Text with every tag removed (titles, names, e-mailed replies)."""
    return nh3.clean(text, tags=set())
