"""Stylesheets and scripts are checked like code: every CSS file parses without an error
(tinycss2, the CSS Syntax Level 3 parser) and every script parses as modern JavaScript
(esprima). Their indentation is checked by djhtml in `make lint`."""

from pathlib import Path

import esprima
import pytest
import tinycss2
from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "static"
STYLESHEETS = sorted(STATIC.rglob("*.css"))
SCRIPTS = sorted(STATIC.rglob("*.js"))


def css_errors(text):
    """(line, message) of every syntax error in a stylesheet, nested rules included."""
    errors = []

    def check(nodes):
        for node in nodes:
            if node.type == "error":
                errors.append((node.source_line, node.message))
            elif node.type in ("qualified-rule", "at-rule") and node.content is not None:
                check(tinycss2.parse_blocks_contents(node.content, skip_whitespace=True))

    check(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))
    return errors


def test_there_are_stylesheets_and_scripts_to_check():
    assert STYLESHEETS and SCRIPTS


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheet_has_no_syntax_error(path):
    assert css_errors(path.read_text()) == []


def test_the_css_check_finds_an_error():
    assert css_errors("a { color: red; ; : ; } }") != []


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_script_parses(path):
    esprima.parseScript(path.read_text())


@pytest.mark.django_db
def test_the_service_worker_parses(client, site_pages):
    response = client.get("/sw.js")
    assert response.status_code == 200
    esprima.parseScript(response.content.decode())
