"""The app is installable: Chromium's own installability check finds nothing wrong."""
from __future__ import annotations

from e2e.browser import CHROMIUM, CHROMIUM_ARGS, PHONE, wait_until_controlled


def test_chromium_reports_no_installability_errors(playwright_instance, server, tmp_path):
    # A persistent profile: an incognito one always answers "in-incognito".
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        locale="pl-PL",
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(server.url + "/")
        wait_until_controlled(page)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest.get("errors") == [], manifest.get("errors")
        assert manifest["url"].endswith("/manifest.webmanifest")
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
    finally:
        context.close()
