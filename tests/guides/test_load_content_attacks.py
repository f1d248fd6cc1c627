"""`load_content` against hostile files (issue 16, item 12): every StreamField block is
validated by its own block's rules, a NUL or a too deeply nested front matter is a clear
file:line error, and nothing is imported."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from .test_load_content import content  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
GUIDE = "healthcare/health-insurance/nl.md"


def refused(root, expected):
    revisions = Revision.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("load_content", "--path", str(root), stdout=io.StringIO(), stderr=err)
    assert re.search(expected, err.getvalue()), err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert Revision.objects.count() == revisions


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, "utf-8")
    return len(path.read_text(encoding="utf-8").split("\n"))


def test_a_contact_email_must_be_an_email_address(content):  # noqa: F811
    append(content / GUIDE, ":::contact\nname: Loket\nemail: javascript:alert(1)\n:::\n")
    refused(content, r"health-insurance/nl\.md:\d+: contact: email: ")


def test_a_contact_url_must_be_an_address(content):  # noqa: F811
    append(content / GUIDE, ':::contact\nname: Loket\nurl: http://x/" onmouseover=alert(1)\n:::\n')
    refused(content, r"health-insurance/nl\.md:\d+: contact: url: ")


def test_a_nul_in_the_text_is_an_error_not_a_crash(content):  # noqa: F811
    path = content / GUIDE
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.append("Tekst met \x009\x00 erin en [een link](https://example.org).")
    path.write_text("\n".join(lines), encoding="utf-8")
    refused(content, rf"health-insurance/nl\.md:{len(lines)}: .*NUL")


def test_deeply_nested_front_matter_is_an_error(content):  # noqa: F811
    path = content / GUIDE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\ndeep: " + "[" * 5000 + "]" * 5000 + "\n", 1))
    refused(content, r"health-insurance/nl\.md:\d+: .*nested too deeply")
