"""The Content-Security-Policy in a real browser: no page a reader, a desk worker or an editor
opens may trigger a violation (a blocked script, style, image or frame)."""

import pytest

from tests.serving import manage

from .navigation import follow, log_in
from .seed import seed

pytestmark = pytest.mark.e2e
PASSWORD = "a-long-test-password-for-csp-42"  # noqa: S105

WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " "
    + (event.sourceFile || "") + ":" + event.lineNumber);
});
"""


@pytest.fixture(scope="module")
def urls(live_site, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    return seed(env, "csp_admin", PASSWORD)


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_init_script(WATCH)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Permissions-Policy" in message.text
            else None
        ),
    )
    yield page, console
    context.close()


def violations(page, console):
    page.wait_for_timeout(300)
    return page.evaluate("window.__cspViolations") + console


def visit(page, console, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    found = violations(page, console)
    assert not found, f"{url}: {found}"


def test_public_pages_run_under_the_strict_policy(live_site, urls, watched):
    page, console = watched
    for path in (
        "/pl/",
        urls["public_guide"],
        "/pl/services/",
        urls["public_service"],  # with its JSON-LD data block
        "/pl/search/?q=praca",
        "/pl/offline/",
        "/pl/no-such-page/",
    ):
        visit(page, console, live_site + path)


def test_the_admin_and_the_desk_work_under_their_policy(live_site, urls, watched):
    page, console = watched
    log_in(page, "csp-admin", PASSWORD, login_url=live_site + "/admin/login/")
    assert page.url == live_site + "/admin/"
    for name in ("page_editor", "translation_editor", "service_editor", "synonyms_editor"):
        visit(page, console, live_site + urls[name])
    # The editor's live preview runs in a frame of the admin.
    visit(page, console, live_site + urls["page_editor"])
    page.locator("[data-side-panel-toggle='preview']").click()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    assert not violations(page, console)
    for path in ("/admin/images/", "/admin/images/multiple/add/", "/admin/documents/", "/desk/"):
        visit(page, console, live_site + path)
    visit(page, console, live_site + "/desk/?q=zorgverzekering")
    follow(page, page.locator("main a[href^='/desk/page/']").first)
    assert not violations(page, console)
