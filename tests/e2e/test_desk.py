"""WIN-point staff at the counter: find "zorgverzekering", pick Romanian, and the QR code on the
screen leads to the Romanian health-insurance page; the printout fits one sheet."""

import io
import re

import pytest

from tests.factories import starting_guide_count
from tests.serving import manage

from .navigation import follow, log_in
from .seed import seed

pytestmark = pytest.mark.e2e
PASSWORD = "another-long-test-password-7"  # noqa: S105


@pytest.fixture(scope="module")
def staff_member(live_site, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    return seed(env, "desk_staff", PASSWORD)


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
    log_in(page, staff_member["username"], PASSWORD)
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


LONGEST = 4


def test_every_guide_prints_on_one_sheet_a4_and_a5(live_site, browser, staff_member):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    log_in(
        page, staff_member["username"], PASSWORD, login_url=live_site + "/admin/login/?next=/desk/"
    )
    # Every language: the questions and answers are printed too (issue 21). Printing 320
    # sheets to PDF takes minutes, so every sheet's text is measured and the longest few of
    # each language and size are printed: if they fit, the shorter ones do.
    sheets = []
    for key in staff_member["guides"]:
        for language in ("nl", "en", "pl", "ro", "bg"):
            for size in ("a4", "a5"):
                url = f"{live_site}/desk/page/{key}/{language}/print/{size}/"
                html = page.request.get(url).text()
                sheet = html[html.index('<article class="sheet"') : html.index("</article>")]
                sheets.append((len(re.sub(r"<[^>]+>|\s+", " ", sheet)), language, size, url))
    too_long = []
    for language in ("nl", "en", "pl", "ro", "bg"):
        for size in ("a4", "a5"):
            longest = sorted(s for s in sheets if s[1:3] == (language, size))[-LONGEST:]
            for _length, _language, _size, url in longest:
                page.goto(url)
                pages = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
                if pages != 1:
                    too_long.append((url, pages))
    assert len(staff_member["guides"]) == starting_guide_count()
    assert too_long == []
    context.close()
