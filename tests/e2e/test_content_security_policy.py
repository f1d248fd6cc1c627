"""The Content-Security-Policy in a real browser: no page a reader, a desk worker or an editor
opens may trigger a violation (a blocked script, style, image or frame)."""

import json

import pytest

from tests.serving import manage

from .navigation import follow

pytestmark = pytest.mark.e2e
PASSWORD = "a-long-test-password-for-csp-42"  # noqa: S105

SETUP = f"""
import json
from django.contrib.auth.models import Group, User
from django.urls import reverse
from portal.directory.models import Service
from portal.guides.models import LoadedContent
from portal.search.models import SynonymGroup

if not User.objects.filter(username="csp-admin").exists():
    user = User.objects.create_superuser("csp-admin", password="{PASSWORD}")
    user.groups.add(Group.objects.get(name="WIN-point staff"))
pages = LoadedContent.objects.filter(key="housing/renting-your-rights")
dutch = pages.get(locale__language_code="nl").page_id
polish = pages.get(locale__language_code="pl").page_id
service = Service.objects.filter(status=Service.Status.ACTIVE).order_by("pk").first()
synonyms = SynonymGroup.objects.order_by("pk").first()
print(json.dumps({{
    "page_editor": reverse("wagtailadmin_pages:edit", args=[dutch]),
    "translation_editor": reverse("wagtailadmin_pages:edit", args=[polish]),
    "service_editor": reverse(Service.snippet_viewset.get_url_name("edit"), args=[service.pk]),
    "synonyms_editor": reverse(
        SynonymGroup.snippet_viewset.get_url_name("edit"), args=[synonyms.pk]
    ),
    "public_guide": pages.get(locale__language_code="pl").page.url,
    "public_service": "/pl/services/" + str(service.pk) + "/",
}}))
"""

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
    output = manage(env, "shell", "-c", SETUP)
    return json.loads(output.strip().splitlines()[-1])


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
    page.goto(live_site + "/admin/login/")
    page.fill("input[name=username]", "csp-admin")
    page.fill("input[name=password]", PASSWORD)
    follow(page, page.locator("button[type=submit]"))
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
