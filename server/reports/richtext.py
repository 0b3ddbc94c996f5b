"""A co-edited document's rich text as report blocks, read with pycrdt.

The editor (Tiptap / ProseMirror bound with y-prosemirror) keeps it in the Y.XmlFragment
"content", in y-prosemirror's standard mapping: an XmlElement per ProseMirror node, named by
its type ("paragraph", "heading" with the attribute level, "bulletList", "orderedList",
"listItem"), and XmlText holding the words, its marks as formatting attributes ("bold",
"italic", "link" {href}; a mark that may overlap itself is named "<mark>--<hash>"). What the
export does not know (a quote, a code block) is read for its words, never dropped.
"""
from __future__ import annotations

from pycrdt import Doc, XmlElement, XmlFragment, XmlText

from server.reports.document import Items, Rich, Run

FRAGMENT = "content"
LISTS = {"bulletList": False, "orderedList": True}
BREAKS = ("hardBreak", "hard_break")
MAX_LEVEL = 3  # deeper headings print as the third level


def load(update: bytes) -> Doc:
    doc = Doc()
    doc.apply_update(update)
    return doc


def blocks(update: bytes) -> list:
    """The document's blocks (Rich, Items), in order; [] when nothing was written."""
    fragment = load(update).get(FRAGMENT, type=XmlFragment)
    return _blocks(fragment.children)


def plain(found: list) -> str:
    """The words of some blocks, one line each (for tests and for a quick look)."""
    lines = []
    for block in found:
        if isinstance(block, Items):
            lines += [plain(item) for item in block.items]
        else:
            lines.append("".join(r.text for r in block.runs))
    return "\n".join(lines)


def _blocks(children) -> list:
    out: list = []
    loose: list[Run] = []  # text straight in a container (not in a paragraph): one paragraph
    for child in children:
        if isinstance(child, XmlText):
            loose += _runs(child)
            continue
        if not isinstance(child, XmlElement):
            continue
        if loose:
            out.append(Rich(loose))
            loose = []
        tag = child.tag or ""
        if tag in LISTS:
            items = [_blocks(item.children) for item in child.children if isinstance(item, XmlElement)]
            out.append(Items([item for item in items if item], ordered=LISTS[tag], start=_number(child, "start")))
        elif tag == "heading":
            out.append(Rich(_inline(child), level=_level(child)))
        elif tag == "paragraph":
            out.append(Rich(_inline(child)))
        else:  # a quote, a list item, a code block: its own blocks, or its words as a paragraph
            out += _blocks(child.children)
    if loose:
        out.append(Rich(loose))
    return [b for b in out if not (isinstance(b, Items) and not b.items)]


def _inline(element: XmlElement) -> list[Run]:
    runs: list[Run] = []
    for child in element.children:
        if isinstance(child, XmlText):
            runs += _runs(child)
        elif isinstance(child, XmlElement) and child.tag in BREAKS:
            runs.append(Run("\n"))
        elif isinstance(child, XmlElement):
            runs += _inline(child)
    return runs


def _runs(text: XmlText) -> list[Run]:
    runs = []
    for chunk, attrs in text.diff():
        if not isinstance(chunk, str) or not chunk:
            continue  # an embedded object carries no words
        marks = {name.split("--", 1)[0]: value for name, value in (attrs or {}).items()
                 if value is not None and value is not False}
        link = marks.get("link")
        href = link.get("href") if isinstance(link, dict) else None
        runs.append(Run(chunk, bold="bold" in marks, italic="italic" in marks,
                        href=href if isinstance(href, str) and href else None))
    return runs


def _number(element: XmlElement, name: str) -> int:
    """A whole-number attribute (Yjs keeps numbers as floats), 1 when missing or not a number."""
    try:
        return int(float(dict(element.attributes).get(name, 1)))
    except (TypeError, ValueError):
        return 1


def _level(element: XmlElement) -> int:
    return max(1, min(_number(element, "level"), MAX_LEVEL))
