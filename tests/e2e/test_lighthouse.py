"""Lighthouse (npm, pinned in tests/lighthouse/) audits a guide page and the directory's services
page as a mobile phone with Debian's Chromium. Run by `make lighthouse` and in CI; skipped locally
without its node_modules, unless REQUIRE_BROWSER=1.

Accessibility, best practices and SEO are properties of the page and fail the test. The
performance score is a speed figure: Lighthouse simulates a slow phone from a trace of this
machine, so a busy machine scores lower (93 seen in CI with other jobs running). It is printed
always and enforced only where the machine is quiet: `make lighthouse` sets
LIGHTHOUSE_PERFORMANCE=1."""

import json
import os
import subprocess

import pytest

from tests.serving import ROOT, first_page_url

from .conftest import browser_required, chromium_path

pytestmark = pytest.mark.e2e
LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
MINIMUM = {"accessibility": 100, "best-practices": 95, "seo": 95}
PERFORMANCE_TARGET = 95
CATEGORIES = ["performance", *MINIMUM]

# The pages audited, by their Polish address.
PAGES = {
    "guide": lambda base: first_page_url(base, "guides.GuidePage", "pl"),
    "services": lambda base: f"{base}/pl/services/",
    "glossary": lambda base: f"{base}/pl/glossary/",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_scores_on_a_mobile_phone(live_site, tmp_path, name):
    if not LIGHTHOUSE.exists():
        message = "Lighthouse is not installed (npm ci --prefix tests/lighthouse)"
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    report = tmp_path / "report.json"
    categories = None
    # Lighthouse now and then fails to record a trace (NO_NAVSTART); that is not the page.
    for _attempt in range(3):
        run = subprocess.run(
            [
                str(LIGHTHOUSE),
                PAGES[name](live_site),
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--form-factor=mobile",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            env={**os.environ, "CHROME_PATH": chromium_path()},
            capture_output=True,
            text=True,
            timeout=180,
        )
        if run.returncode == 0 and report.exists():
            categories = json.loads(report.read_text())["categories"]
            if all(categories[name]["score"] is not None for name in CATEGORIES):
                break
    assert categories is not None, run.stderr[-2000:]
    scores = {name: round(100 * categories[name]["score"]) for name in CATEGORIES}
    print(f"Lighthouse (mobile, {name}):", scores, f"(performance target {PERFORMANCE_TARGET})")
    failing = {name: score for name, score in scores.items() if score < MINIMUM.get(name, 0)}
    assert not failing, f"below the bar {MINIMUM}: {failing}"
    if os.environ.get("LIGHTHOUSE_PERFORMANCE") == "1":
        assert scores["performance"] >= PERFORMANCE_TARGET, scores
