"""Steps the e2e tests share."""
from __future__ import annotations

from playwright.sync_api import expect

MATH = "Sieć matematyków"
GIFTED = "Sieć nauczycieli pracujących z uczniem zdolnym"


def open_thread(page, title: str, network: str = MATH, timeout: float | None = None):
    """From the home screen into a thread, as a person taps; `timeout` (ms) for
    a thread that has yet to arrive on this device."""
    page.get_by_test_id("my-network").filter(has_text=network).click()
    page.get_by_test_id("thread-item").filter(has_text=title).click(timeout=timeout)
    expect(page.get_by_test_id("thread-heading")).to_have_text(title)


def post(page, text: str):
    """The post item holding `text`."""
    return page.get_by_test_id("post-item").filter(has_text=text)


def reply(page, text: str):
    page.get_by_test_id("reply-input").fill(text)
    page.get_by_test_id("reply-send").click()
    expect(post(page, text.splitlines()[0])).to_be_visible()


# Buttons and links a thumb must hit; 44 px is the usual minimum. A radio button
# or checkbox is hit through its label, so the label is what must be large.
SMALL_TARGETS_JS = """() => [...document.querySelectorAll(
    'button, a.list-item, a.back, a.nav-item, a.btn-primary, a.btn-secondary, input, textarea, select, summary')]
  .filter(el => el.offsetParent !== null)
  .map(el => (el.type === 'radio' || el.type === 'checkbox') && el.closest('label') ? el.closest('label') : el)
  .filter(el => el.getBoundingClientRect().height < 44)
  .map(el => el.outerHTML.slice(0, 80))"""


def check_screen(page, shots, name: str):
    """No sideways scroll, thumb-sized targets, and a full-page screenshot to look at."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name}: page is {width}px wide, scrolls sideways"
    small = page.evaluate(SMALL_TARGETS_JS)
    assert small == [], f"{name}: tap targets under 44 px: {small}"
    ready = page.get_by_test_id("sw-ready")  # "Gotowe do pracy offline" would float mid-shot
    if ready.is_visible():
        ready.get_by_role("button").click()
    page.evaluate("window.scrollTo(0, 0)")  # the sticky bar stays on top in a full-page shot
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
