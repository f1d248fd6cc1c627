"""WIN-point staff at the counter: find "zorgverzekering", pick Romanian, and the QR code on the
screen leads to the Romanian health-insurance page; the printout fits one sheet."""

import io
import re

import pytest

from tests.serving import manage

from .navigation import follow

pytestmark = pytest.mark.e2e
PASSWORD = "another-long-test-password-7"  # noqa: S105

SETUP = f"""
from django.contrib.auth.models import Group, User
from portal.guides.models import LoadedContent
user = User.objects.create_user("desk-ivo", password="{PASSWORD}")
user.groups.add(Group.objects.get(name="WIN-point staff"))
from portal.guides.models import GuidePage
guides = GuidePage.objects.filter(locale__language_code="nl")
print(" ".join(str(guide.translation_key) for guide in guides))
print(LoadedContent.objects.get(key="healthcare/health-insurance", locale__language_code="ro")
      .page.url_path)
"""


@pytest.fixture(scope="module")
def staff_member(live_site, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    *_rest, guides, romanian_path = manage(env, "shell", "-c", SETUP).strip().splitlines()
    return {"romanian_path": romanian_path, "guides": guides.split()}


def decode_qr(png_bytes):
    import zxingcpp
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png_bytes)))]


def pdf_pages(pdf_bytes):
    """The page count of a PDF: the root page tree's /Count is the largest."""
    return max(int(count) for count in re.findall(rb"/Count (\d+)", pdf_bytes))


def test_staff_hand_over_a_romanian_page_by_qr_code_and_print(live_site, browser, staff_member):
    context = browser.new_context(viewport={"width": 1024, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(live_site + "/desk/")
    assert "/admin/login/" in page.url
    page.fill("input[name=username]", "desk-ivo")
    page.fill("input[name=password]", PASSWORD)
    follow(page, page.locator("button[type=submit]"))
    assert page.url == live_site + "/desk/"

    page.fill("#desk-q", "zorgverzekering")
    follow(page, page.locator(".search-form button"))
    first = page.locator(".desk-result").first
    assert first.locator("h2").inner_text() == "Zorgverzekering"
    follow(page, first.get_by_role("link", name="Română"))

    qr_png = page.locator(".handover .qr-box svg").screenshot()
    [url] = decode_qr(qr_png)
    assert re.fullmatch(re.escape(live_site) + r"/s/[a-z0-9]{5}\?c=qr", url)
    # The visitor's phone opens the link and lands on the Romanian page.
    visitor = browser.new_context(viewport={"width": 360, "height": 740}, locale="ro-RO")
    phone = visitor.new_page()
    phone.goto(url)
    home_path = "/".join(staff_member["romanian_path"].split("/")[:2]) + "/"
    assert phone.url == live_site + "/ro/" + staff_member["romanian_path"][len(home_path) :]
    assert phone.locator("html").get_attribute("lang") == "ro"
    visitor.close()

    follow(page, page.get_by_role("link", name="Afdrukken A4"))
    assert page.locator(".sheet h1").inner_text()  # the Romanian title
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1
    page.go_back()
    follow(page, page.get_by_role("link", name="Afdrukken A5"))
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert pdf_pages(pdf) == 1
    context.close()


def test_every_guide_prints_on_one_sheet_a4_and_a5(live_site, browser, staff_member):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    page.goto(live_site + "/admin/login/?next=/desk/")
    page.fill("input[name=username]", "desk-ivo")
    page.fill("input[name=password]", PASSWORD)
    follow(page, page.locator("button[type=submit]"))
    too_long = []
    # Romanian and Bulgarian have the longest texts.
    for key in staff_member["guides"]:
        for language in ("ro", "bg"):
            for size in ("a4", "a5"):
                page.goto(f"{live_site}/desk/page/{key}/{language}/print/{size}/")
                pages = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
                if pages != 1:
                    too_long.append((key, language, size, pages))
    assert len(staff_member["guides"]) == 21
    assert too_long == []
    context.close()
