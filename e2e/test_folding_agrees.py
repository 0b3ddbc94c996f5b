"""The PWA's offline search folds and stems Polish exactly as the server does:
pwa/src/store/folding.js against server/search/folding.py, word by word."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from server.search.folding import fold, query_terms
from server.search.query import snippet

FOLDING_JS = Path(__file__).resolve().parent.parent / "pwa" / "src" / "store" / "folding.js"

WORDS = [
    "żółw", "Żółwie", "ŻÓŁWIA", "zolw", "uczniów", "uczniami", "Łódź", "łódka", "gęślą jaźń",
    "Zażółć", "ósmoklasisty", "egzaminów", "ułamków", "ułamkami", "Cuisenaire’a", "przedszkole",
    "ponadpodstawowa", "scenariusz lekcji", "dzieci", "kot", "ćma", "źdźbło", "świętokrzyskie",
    "matematycznych", "nauczycielowi", "na boisku", "klasy 4–8", "COVID-19", "naïve café", "İstanbul",
    "straße", "ﬁlm", "ŃAŚ", "projektów badawczych", "  spacje\tw\nśrodku  ", "🐢 żółw 🐢", "",
]
TEXTS = [
    ("Spróbuj projektu badawczego na kilka tygodni — u nas to zadziałało. " * 4, "zadzialalo"),
    ("Mam w klasie ucznia 🐢, który kończy zadania w 5 minut i potem przeszkadza. " * 3, "przeszkadza"),
    ("Krótki żółw.", "zolw"),
]

SCRIPT = """
import { fold, queryTerms, snippet } from %s;
const input = JSON.parse(process.argv[1]);
console.log(JSON.stringify({
  words: input.words.map((w) => [fold(w), queryTerms(w)]),
  snippets: input.texts.map(([text, q]) => snippet(text, queryTerms(q))),
}));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_pwa_folds_and_stems_like_the_server():
    payload = json.dumps({"words": WORDS, "texts": TEXTS})
    out = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT % json.dumps(FOLDING_JS.as_uri()), payload],
        capture_output=True, text=True, timeout=60, check=True,
    )
    got = json.loads(out.stdout)
    assert len(got["words"]) == len(WORDS) and len(got["snippets"]) == len(TEXTS)
    for word, (folded, terms) in zip(WORDS, got["words"]):
        assert folded == fold(word), word
        assert terms == query_terms(word), word
    for (text, query), cut in zip(TEXTS, got["snippets"]):
        assert cut == snippet(text, query_terms(query)), text[:30]


UUID5_JS = FOLDING_JS.parent.parent / "sync" / "uuid5.js"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_pwa_names_promoted_files_like_the_server():
    """A promoted post's attachments: UUID v5 of the original's id in the practice's namespace."""
    import uuid

    pairs = [(str(uuid.uuid4()), str(uuid.uuid4())) for _ in range(20)] + [(str(uuid.uuid4()), "ą" * 90)]
    script = ("import { uuid5 } from %s; const pairs = JSON.parse(process.argv[1]);"
              "console.log(JSON.stringify(pairs.map(([ns, name]) => uuid5(ns, name))));") % json.dumps(UUID5_JS.as_uri())
    out = subprocess.run(["node", "--input-type=module", "-e", script, json.dumps(pairs)],
                         capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(out.stdout) == [str(uuid.uuid5(uuid.UUID(ns), name)) for ns, name in pairs]
