"""Post bodies are Markdown, rendered and sanitized on the phone: formatting
works, raw HTML stays text, script-bearing links lose their target, and
nothing a post holds ever runs — for its author and for the other members."""
from __future__ import annotations

from playwright.sync_api import expect

from e2e.forum_steps import open_own_thread, start_thread
from e2e.helpers import post

THREAD = "Pomysły na marcowe spotkanie"
BODY = (
    "Propozycja: **gry dydaktyczne** na spotkaniu w marcu.\n"
    "<img src=x onerror=\"window.__xss = 'img'\">\n"
    "[kliknij](javascript:window.__xss='link') oraz [poradnia](https://example.org/plan)\n"
    "<script>window.__xss = 'script'</script>"
)


def check_harmless(page):
    body = post(page, "gry dydaktyczne").get_by_test_id("post-body")
    expect(body.locator("strong")).to_have_text("gry dydaktyczne")
    expect(body.locator("img, script, iframe, [onerror]")).to_have_count(0)
    expect(body).to_contain_text("<img src=x onerror=")  # shown as text, as she wrote it
    bad = body.get_by_text("kliknij")
    assert (bad.get_attribute("href") or "") == "", bad.get_attribute("href")
    good = body.get_by_role("link", name="poradnia")
    expect(good).to_have_attribute("href", "https://example.org/plan")
    expect(good).to_have_attribute("rel", "noopener noreferrer")
    bad.click()
    assert page.evaluate("() => window.__xss") is None


def test_markdown_renders_and_html_stays_harmless(new_context, sign_in):
    anna = sign_in(new_context().new_page(), "anna.nowak@example.org")
    jan = sign_in(new_context().new_page(), "jan.kowalski@example.org")
    start_thread(jan, THREAD, "Co robimy w marcu?")
    open_own_thread(anna, THREAD)
    anna.get_by_test_id("reply-input").fill(BODY)
    anna.get_by_test_id("reply-send").click()
    check_harmless(anna)
    expect(post(jan, "gry dydaktyczne")).to_be_visible(timeout=30_000)
    check_harmless(jan)
