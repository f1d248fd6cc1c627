"""Every page type in every language, checked in Chromium: axe-core finds no WCAG 2.1 AA
violation; at 360 px nothing scrolls sideways and controls are at least 44 px tall; at 200 %
zoom the text reflows; a guide page stays within its transfer budget."""

import urllib.request

import pytest

from tests.serving import first_page_url

pytestmark = pytest.mark.e2e
LANGUAGES = ["nl", "en", "pl", "ro", "bg"]
SEARCHES = {"nl": "huisarts", "en": "payslip", "pl": "zameldowanie", "ro": "BSN", "bg": "DigiD"}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# Controls that are not links inside running text; those must be 44 px tall to tap.
# A checkbox counts by its label, which is the part to tap.
CONTROLS = (
    "button, input:not([type=checkbox]), label:has(input[type=checkbox]), select, summary, "
    ".languages a, .tile, .header-search, .call, .button, .language-button, .site-name"
)
TRANSFER_BUDGET = 30 * 1024


def page_urls(live_site, language):
    service_list = f"{live_site}/{language}/services/"
    html = urllib.request.urlopen(service_list).read().decode()
    service = html.split(f'href="/{language}/services/', 1)[1].split('"', 1)[0]
    return {
        "home": f"{live_site}/{language}/",
        "topic": first_page_url(live_site, "guides.TopicPage", language),
        "guide": first_page_url(live_site, "guides.GuidePage", language),
        "services": service_list,
        "service": f"{live_site}/{language}/services/{service}",
        "search": f"{live_site}/{language}/search/?q={SEARCHES[language]}",
        "glossary": f"{live_site}/{language}/glossary/",
        "not found": f"{live_site}/{language}/no-such-page/",
    }


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_meets_wcag_21_aa_on_a_small_phone(live_site, browser, axe, language):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=language)
    page = context.new_page()
    problems = []
    for kind, url in page_urls(live_site, language).items():
        page.goto(url)
        results = axe.run(page, options=WCAG_AA)
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{kind}: {violation['id']} ({violation['help']}) at {targets}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{kind}: scrolls sideways by {overflow} px at 360 px")
        for control in page.locator(CONTROLS).all():
            box = control.bounding_box()
            if box and control.is_visible() and box["height"] < 44:
                problems.append(
                    f"{kind}: {control.evaluate('e => e.outerHTML')[:80]} is "
                    f"{box['height']:.0f} px tall"
                )
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["pl", "bg"])
def test_text_reflows_at_200_percent_zoom(live_site, browser, language):
    # 200 % zoom on a 360 px phone leaves 180 CSS pixels.
    context = browser.new_context(viewport={"width": 180, "height": 370}, locale=language)
    page = context.new_page()
    for kind, url in page_urls(live_site, language).items():
        page.goto(url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{kind} scrolls sideways by {overflow} px at 200 % zoom"
    context.close()


def test_a_guide_page_stays_within_its_budget(live_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ro")
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(first_page_url(live_site, "guides.GuidePage", "ro"))
    page.wait_for_load_state("networkidle")
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        assert request.url.startswith(live_site), f"third-party request: {request.url}"
        assert request.resource_type != "font", f"web font: {request.url}"
    stylesheets = [r for r in requests if r.resource_type == "stylesheet"]
    assert len(stylesheets) == 1
    assert total <= TRANSFER_BUDGET, f"{total} bytes over the wire"
    context.close()
