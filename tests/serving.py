"""Serving the portal for tests that need a real server: browser tests (tests/e2e), the
benchmark and the soak run (tests/bench). One fresh site per run, prepared the way `make run`
does it, served by gunicorn with production settings on 127.0.0.1."""

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PREPARE = (
    ("migrate", "--noinput"),
    ("import_hsds", "content/directory/services.json"),
    ("load_content",),
    ("load_glossary",),
    ("load_search_terms",),
    ("update_search_entries",),
    ("collectstatic", "--noinput"),
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args):
    """Run a management command against the served site's database; its output as text."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare_site(env):
    for args in PREPARE:
        manage(env, *args)


@contextlib.contextmanager
def gunicorn(env, *args, ready_url, log=None):
    """Run gunicorn (gunicorn.conf.py plus `args`) until the block ends; wait for `ready_url`.
    With `log` (a path), the server's own output (errors, worker timeouts) goes there."""
    command = [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi", *args]
    output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(ready_url, timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError("gunicorn stopped while starting") from None
                time.sleep(0.2)
        else:
            raise RuntimeError("the server did not start")
        yield process
    finally:
        stop(process)
        if log:
            output.close()


def stop(process):
    """Stop a server. gunicorn waits up to 30 s for busy workers on SIGTERM (slow clients keep
    them busy); a test's teardown does not need that grace, so after 10 s it is killed."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def first_page_url(base, page_type, language):
    """The address of the first live page of `page_type` ("guides.GuidePage") in `language`,
    from the pages API."""
    query = f"{base}/api/v2/pages/?type={page_type}&locale={language}&limit=1"
    html_url = json.load(urllib.request.urlopen(query))["items"][0]["meta"]["html_url"]
    return base + urlsplit(html_url).path  # the site's host name has no port
