"""The main screens as README.md shows them, at 360 px: sign-in, home, a network's forum, a thread,
meeting mode with its minutes, the annual plan, a survey's results and the profile. Each is checked
as every screen is (no sideways scroll, thumb-sized targets) and shot to /tmp/shots; with
KRAG_UPDATE_SCREENS=1 the shots are also written into docs/screens/ (made smaller by optipng when it
is installed), so README keeps showing what the app looks like. Normal runs leave the tree alone."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid

from playwright.sync_api import expect

from e2e.browser import PHONE
from e2e.helpers import check_screen, open_thread
from e2e.meetings_steps import ANNA, COORDINATOR, open_meeting
from tests.integration.plans_helpers import GOALS
from tests.integration.surveys_helpers import answer_args, survey_args
from tests.processes import ROOT, Person, a_math_thread

SCREENS = ROOT / "docs" / "screens"
UPDATE = os.environ.get("KRAG_UPDATE_SCREENS") == "1"
THREAD = "Jak uczyć ułamków w klasie 4?"
NEXT = "Egzamin ósmoklasisty: zadania otwarte"  # the demo's next meeting


def readme_images() -> list[str]:
    """Every local image README.md shows (Markdown or <img>)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r'!\[[^\]]*\]\(([^)\s]+)', text) + re.findall(r'<img[^>]+src="([^"]+)"', text)
    return [src for src in found if not re.match(r"[a-z]+:", src)]


def test_every_image_readme_shows_is_there():
    images = readme_images()
    assert any(src.startswith("docs/screens/") for src in images), "README shows no screens"
    missing = [src for src in images if not (ROOT / src).is_file()]
    assert missing == [], f"README.md links images that are not there: {missing}"


def shoot(page, shots, name: str, keep_scroll: bool = False) -> None:
    """The usual checks and a full-page shot to look at; the phone's screen (what she sees first,
    or where she scrolled to with ``keep_scroll``) into docs/screens when asked."""
    at = page.evaluate("window.scrollY")
    check_screen(page, shots, f"readme-{name}")
    if not UPDATE:
        return
    update = page.get_by_test_id("sw-update")  # a build made meanwhile (others share pwa/dist) would cover it
    if update.is_visible():
        update.get_by_role("button", name="Zamknij").click()
    if keep_scroll:
        page.evaluate("(y) => window.scrollTo(0, y)", at)
    SCREENS.mkdir(exist_ok=True)
    path = SCREENS / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    if shutil.which("optipng"):
        subprocess.run(["optipng", "-quiet", "-o5", "-strip", "all", str(path)], check=True)


def scrolled_to(locator, gap: int) -> None:
    """The page scrolled so that ``locator`` stands ``gap`` px below the top of the screen."""
    locator.evaluate("(el, gap) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - gap)", gap)


def signed_in(sign_in, page, email: str):
    """Signed in, the offer of a passkey answered "Nie teraz" (it would cover every shot)."""
    sign_in(page, email)
    page.get_by_test_id("passkey-offer-later").click()
    expect(page.get_by_test_id("passkey-offer")).to_have_count(0)
    return page


def prepared(server) -> str:
    """What the screens show beyond the demo: the coordinator's plan for the year (goals, a topic,
    a task for Anna) and a needs survey two members answered. The mathematicians' network's id."""
    boss, anna, jan = (Person(server, e) for e in (COORDINATOR, ANNA, "jan.kowalski@example.org"))
    math, _thread = a_math_thread(boss)
    plan = str(uuid.uuid4())
    version = f"{plan}:1"
    survey = survey_args(math)
    done = boss.push(("plan.create", {"id": plan, "network_id": math, "school_year": 2026}),
                     ("plan.update", {"version_id": version, "sections": {"goals": GOALS}}),
                     ("plan_task.create", {"id": str(uuid.uuid4()), "version_id": version,
                                           "title": "Lekcja otwarta z ocenianiem kształtującym",
                                           "owner_id": anna.id, "due_on": "2027-03-12"}),
                     ("survey.create", survey))
    assert [r["status"] for r in done["results"]] == ["applied"] * 4, done
    for person, answers in ((anna, None), (jan, {"topics": ["Narzędzia cyfrowe"], "form": "Stacjonarnie",
                                                 "useful": 5, "ideas": "Warsztaty z GeoGebrą."})):
        got = person.push(("survey.answer", answer_args(survey["id"], answers)))
        assert got["results"][0]["status"] == "applied", got
    return survey["id"]


def test_the_main_screens_at_phone_size(server, new_context, sign_in, shots):
    survey = prepared(server)

    # A teacher: signing in, her networks, a network's forum, a thread, her profile.
    page = new_context().new_page()
    page.goto("/")
    expect(page.get_by_test_id("signin-email")).to_be_editable()
    shoot(page, shots, "signin")
    signed_in(sign_in, page, ANNA)
    shoot(page, shots, "home")
    page.get_by_test_id("my-network").filter(has_text="Sieć matematyków").click()
    expect(page.get_by_test_id("thread-item").first).to_be_visible()
    scrolled_to(page.get_by_test_id("thread-item").first, 260)  # the threads, below the network's buttons
    shoot(page, shots, "forum", keep_scroll=True)
    page.get_by_test_id("thread-item").filter(has_text=THREAD).click()
    expect(page.get_by_test_id("thread-heading")).to_have_text(THREAD)
    expect(page.get_by_test_id("post-body").first).to_be_visible()
    shoot(page, shots, "thread")
    page.goto("/#/profile")
    expect(page.get_by_test_id("my-data")).to_be_attached()
    shoot(page, shots, "profile")

    # The coordinator: meeting mode with the minutes being written, the plan, the survey's results.
    boss = signed_in(sign_in, new_context(viewport=PHONE).new_page(), COORDINATOR)
    open_meeting(boss, NEXT)
    boss.get_by_test_id("meeting-mode-open").click()
    expect(boss.get_by_test_id("meeting-mode")).to_be_visible()
    expect(boss.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    boss.get_by_test_id("doc-text").click()
    boss.keyboard.type("Ustalenia: w kwietniu próbny egzamin w obu szkołach; Anna przygotuje zadania otwarte.")
    expect(boss.get_by_test_id("doc-status")).to_have_text("Zapisane — widzą to wszyscy.", timeout=15_000)
    boss.evaluate("() => document.activeElement && document.activeElement.blur()")
    scrolled_to(boss.get_by_text("Notatki ze spotkania"), 250)  # the minutes, below the meeting's page
    shoot(boss, shots, "meeting-mode", keep_scroll=True)
    boss.goto("/#/")
    boss.get_by_test_id("my-network").filter(has_text="Sieć matematyków").click()
    boss.get_by_test_id("plan-open").click()
    expect(boss.get_by_test_id("plan-task")).to_have_count(1)
    shoot(boss, shots, "plan")
    boss.goto(f"/#/s/{survey}/results")
    expect(boss.get_by_test_id("results-respondents")).to_have_text("2 odpowiedzi")
    shoot(boss, shots, "survey-results")
