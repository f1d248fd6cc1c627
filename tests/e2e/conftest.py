"""Browser tests: a real gunicorn server and Debian's Chromium driven by Playwright.

The server runs in its own process on its own SQLite database, prepared the way `make run`
does it (migrate, load_content, load_search_terms, collectstatic). Without Chromium these tests
are skipped, unless REQUIRE_BROWSER=1 (CI sets it) turns the skip into a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
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


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


@pytest.fixture(scope="session")
def live_site(server_env):
    """The base URL of a production-like server (DEBUG off, whitenoise, gunicorn)."""
    env, port = server_env
    manage(env, "migrate", "--noinput")
    manage(env, "import_hsds", "content/directory/services.json")
    manage(env, "load_content")
    manage(env, "load_search_terms")
    manage(env, "update_search_entries")
    manage(env, "collectstatic", "--noinput")
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(
        [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://localhost:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base_url}/nl/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the test server did not start")
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)


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
