"""Browser tests: a real gunicorn server and Debian's Chromium driven by Playwright.

The server runs in its own process on its own SQLite database, prepared the way `make run`
does it (migrate, load_content, load_search_terms, collectstatic). Without Chromium these tests
are skipped, unless REQUIRE_BROWSER=1 (CI sets it) turns the skip into a failure.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.serving import free_port, gunicorn, prepare_site

# Where the browser tests' server writes its log (set by live_site), for failed tests' reports.
SERVER_LOG = {}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_required():
    return os.environ.get("REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    if chromium_path() or browser_required():
        return
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def server_env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'e2e.sqlite3'}",
        "SECRET_KEY": "e2e-only-not-secret",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "BASE_URL": f"http://localhost:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
    }
    env.pop("DEBUG", None)
    env.pop("REDIS_URL", None)
    return env, port


@pytest.fixture(scope="session")
def live_site(server_env):
    """The base URL of a production-like server (DEBUG off, whitenoise, gunicorn)."""
    env, port = server_env
    prepare_site(env)
    base_url = f"http://localhost:{port}"
    log = Path(env["STATIC_ROOT"]).parent / "gunicorn.log"
    SERVER_LOG["path"] = log
    with gunicorn(
        {**env, "GUNICORN_ACCESS_LOG": "1"},
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--access-logformat",
        '%(t)s %(p)s "%(r)s" %(s)s %(b)s %(L)ss',
        ready_url=f"{base_url}/nl/",
        log=log,
    ):
        yield base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not chromium_path():
        pytest.fail("Chromium is required for browser tests here (REQUIRE_BROWSER=1).")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A small Android phone: 360 px wide, touch, no JavaScript (readers may have it off)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
        locale="pl-PL",
    )
    yield context.new_page()
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test shows the end of the server's log (its requests, with their
    times, and its errors): what the server did while the browser waited."""
    outcome = yield
    report = outcome.get_result()
    log = SERVER_LOG.get("path")
    if report.when == "call" and report.failed and log and log.exists():
        tail = log.read_text(errors="replace").splitlines()[-40:]
        report.sections.append(("gunicorn log (last 40 lines)", "\n".join(tail)))
