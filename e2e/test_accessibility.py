"""WCAG 2.1 AA on every main screen (the annual plan and the minutes editor too), in light and in dark mode: axe-core (npm `axe-core`,
served from this test, never part of the app) finds no serious or critical violation; every
button and link a thumb must hit is at least 44 px high; a screen reader hears the sync
status and new posts; navigating moves focus to the new screen's heading. One browser, one
server, both colour schemes per screen; screenshots of each into KRAG_SHOTS."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from e2e.browser import SHOTS
from e2e.helpers import MATH, open_thread, reply
from tests.processes import ROOT

AXE = (ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
SCHEMES = ("light", "dark")
THREAD = "Jak uczyć ułamków w klasie 4?"
NEXT_MEETING = "Egzamin ósmoklasisty: zadania otwarte"  # the demo's next meeting

RUN_AXE = """async () => {
  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                      resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')
      + (n.failureSummary ? ' [' + n.failureSummary.split('\\n').slice(1, 2).join('').trim() + ']' : '')).join('; ')}`);
}"""

# Everything a thumb taps: buttons, links, form controls (a radio or checkbox through its label).
SMALL_TARGETS = """() => [...document.querySelectorAll('button, a[href], input, textarea, select, summary')]
  .filter((el) => el.offsetParent !== null && !el.closest('.md'))
  .map((el) => (el.type === 'radio' || el.type === 'checkbox') && el.closest('label') ? el.closest('label') : el)
  .filter((el) => { const r = el.getBoundingClientRect(); return r.height < 44 || r.width < 24; })
  .map((el) => `${Math.round(el.getBoundingClientRect().height)}px ${el.outerHTML.slice(0, 90)}`)"""


class Walk:
    """Checks each screen in both colour schemes and gathers what failed, to report at once."""

    def __init__(self, page, shots: Path):
        self.page = page
        self.shots = shots
        self.failures: list[str] = []

    def check(self, name: str) -> None:
        page = self.page
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(content=AXE)
        ready = page.get_by_test_id("sw-ready")  # the toast would stand over the screen
        if ready.is_visible():
            ready.get_by_role("button").click()
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            for problem in page.evaluate(RUN_AXE):
                self.failures.append(f"{name} [{scheme}] {problem}")
            page.evaluate("() => window.scrollTo(0, 0)")
            page.screenshot(path=str(self.shots / f"a11y-{name}-{scheme}.png"), full_page=True)
        for small in page.evaluate(SMALL_TARGETS):
            self.failures.append(f"{name}: touch target under 44 px: {small}")
        page.emulate_media(color_scheme="light")

    def heading_focused(self, name: str) -> None:
        focused = self.page.locator("main h1:focus")
        expect(focused, f"{name}: focus on the screen's heading").to_have_count(1)


def test_main_screens_accessible_in_light_and_dark(new_context, sign_in, server):
    shots = Path(str(SHOTS))
    shots.mkdir(parents=True, exist_ok=True)
    context = new_context(bypass_csp=True)  # axe is injected as a script of the test's own
    page = context.new_page()
    walk = Walk(page, shots)

    page.goto("/")
    expect(page.get_by_test_id("signin-email")).to_be_visible()
    walk.check("signin")

    sign_in(page, "koordynator@example.org")  # staff, and the coordinator of the maths network
    expect(page.get_by_test_id("sync-status")).to_have_attribute("role", "status")
    walk.check("home")

    page.get_by_test_id("my-network").filter(has_text=MATH).click()
    expect(page.get_by_test_id("thread-item").first).to_be_visible()
    walk.heading_focused("network")
    walk.check("network")
    network_hash = page.evaluate("() => location.hash")

    page.get_by_test_id("thread-item").filter(has_text=THREAD).click()
    expect(page.get_by_test_id("thread-heading")).to_have_text(THREAD)
    expect(page.locator(".md").first).to_be_visible()
    walk.heading_focused("thread")
    expect(page.get_by_test_id("new-posts-live")).to_have_attribute("aria-live", "polite")
    walk.check("thread")

    page.get_by_test_id("post-quote-reply").first.click()
    page.get_by_test_id("reply-input").fill("Dziękuję, spróbuję w przyszłym tygodniu.")
    walk.check("reply")
    page.get_by_test_id("reply-send").click()  # her reply shows the post it quotes, with a link to it
    expect(page.get_by_test_id("post-quote")).to_have_count(1)
    walk.check("thread-quote")

    # A post by someone else arriving while she reads is read out to her.
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    open_thread(jan, THREAD)
    reply(jan, "Polecam też karty pracy z ułamkami na osi liczbowej.")
    expect(page.get_by_test_id("new-posts-live")).to_have_text("Nowy wpis w wątku", timeout=30_000)
    jan.context.close()

    for name in ("library", "meetings", "surveys", "plan"):
        page.goto(f"/{network_hash}/{name}")
        expect(page.locator("main h1")).to_be_visible()
        walk.heading_focused(name)
        walk.check(name)

    # The co-edited minutes of the next meeting (the editor).
    page.goto(f"/{network_hash}/meetings")
    page.get_by_test_id("meeting-item").filter(has_text=NEXT_MEETING).click()
    page.get_by_test_id("minutes-open").click()
    expect(page.get_by_test_id("doc-text")).to_be_visible()
    walk.check("editor")

    for name in ("search", "notifications", "profile", "requests", "staff"):
        page.goto(f"/#/{name}")
        expect(page.locator("main h1")).to_be_visible()
        walk.heading_focused(name)
        if name == "search":
            page.get_by_test_id("search-input").fill("ułamki")
        walk.check(name)

    assert walk.failures == [], "\n".join(walk.failures)
