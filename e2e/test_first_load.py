"""The first load over a village link: the JavaScript a phone fetches before the sign-in
screen is usable, and before a signed-in teacher sees her network's forum (its threads), stays
within one budget (gzip, as the server sends it). English, the Markdown renderer and the live
channel come in chunks of their own when needed; the service worker precaches them, so English
works offline too."""
from __future__ import annotations

import gzip
import re

from playwright.sync_api import expect

from e2e.browser import wait_until_controlled
from e2e.helpers import MATH
from tests.processes import ROOT

# The one budget: JavaScript on the critical path of a first visit, KB of gzip.
FIRST_LOAD_BUDGET_KB = 100


def this_builds_scripts() -> set[str]:
    """The scripts of the build index.html names: its entry and every chunk reached by import or
    import() (dist/assets also keeps the previous build's files for one more build)."""
    assets = ROOT / "pwa" / "dist" / "assets"
    html = (ROOT / "pwa" / "dist" / "index.html").read_text(encoding="utf-8")
    todo = re.findall(r'<script[^>]+src="/assets/([^"]+\.js)"', html)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += re.findall(r'["\']\./([\w-]+\.js)["\']', (assets / name).read_text(encoding="utf-8"))
    return seen


class Scripts:
    """Every script the page fetched (once per address), with its gzip size."""

    def __init__(self, page):
        self.sizes: dict[str, int] = {}
        page.on("response", self.seen)

    def seen(self, response) -> None:
        url = response.url.split("?")[0]
        if response.request.resource_type != "script" or url in self.sizes:
            return
        try:
            body = response.body()
        except Exception:  # a response the page dropped (navigated away): not on its path
            return
        self.sizes[url] = len(gzip.compress(body, 9))

    def kb(self) -> float:
        return sum(self.sizes.values()) / 1024

    def within_budget(self, what: str) -> None:
        listing = "\n".join(f"  {size / 1024:6.1f} KB  {url.rsplit('/', 1)[-1]}"
                            for url, size in sorted(self.sizes.items(), key=lambda kv: -kv[1]))
        print(f"{what}: {self.kb():.1f} KB gzip JavaScript\n{listing}")
        assert self.kb() <= FIRST_LOAD_BUDGET_KB, (
            f"{what}: {self.kb():.1f} KB gzip JavaScript, over the {FIRST_LOAD_BUDGET_KB} KB budget:\n{listing}")


def test_sign_in_screen_within_budget_and_english_comes_when_chosen_offline_too(new_context):
    context = new_context()
    page = context.new_page()
    scripts = Scripts(page)
    page.goto("/")
    expect(page.get_by_test_id("signin-email")).to_be_editable()
    expect(page.get_by_test_id("signin-send")).to_be_enabled()
    scripts.within_budget("sign-in screen")

    # Every chunk fetched later (English, the Markdown renderer, Socket.IO, lazily loaded screens)
    # is in the service worker's precache: all of it opens offline after the first visit.
    wait_until_controlled(page)
    cached = set(page.evaluate("""async () => {
      const urls = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    }"""))
    chunks = {f"/assets/{name}" for name in this_builds_scripts()}
    assert chunks <= cached, f"not precached: {sorted(chunks - cached)}"

    # English is not part of the first load; it comes from the precache even without a connection.
    context.set_offline(True)
    page.get_by_test_id("lang-toggle").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_signed_in_teachers_forum_within_budget(new_context, sign_in):
    page = new_context().new_page()
    scripts = Scripts(page)
    sign_in(page, "anna.nowak@example.org")
    page.get_by_test_id("my-network").filter(has_text=MATH).click()
    expect(page.get_by_test_id("thread-item").first).to_be_visible()
    scripts.within_budget("a teacher's forum")

    # A thread's posts fetch the Markdown renderer then, and show it rendered.
    page.get_by_test_id("thread-item").first.click()
    expect(page.get_by_test_id("post-body").first).to_be_visible()
    expect(page.locator(".md-plain")).to_have_count(0)
