"""Slow clients cannot stop the site (issue 16, item 2): gunicorn's threads wait as long as a
client takes to send its headers, so a handful of connections that send one header line every
few seconds held every thread. Production puts nginx in front (deploy/nginx.conf), which holds
slow connections itself and passes gunicorn only whole requests.

This runs the repository's nginx configuration in front of gunicorn with production settings
(one worker, one thread: the worst case) on 127.0.0.1, opens 100 connections that dribble
their headers, and shows that a normal page still answers within a second. Without nginx the
test is skipped, unless REQUIRE_PROXY=1 (CI sets it) turns the skip into a failure.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.serving import free_port, manage, stop

from .gunicorn import gunicorn, production_env

pytestmark = pytest.mark.real_server
ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx.conf"
SLOW_CLIENTS = 100


def nginx_path():
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
    )


@pytest.fixture
def nginx_binary():
    binary = nginx_path()
    if binary:
        return binary
    if os.environ.get("REQUIRE_PROXY") == "1":
        pytest.fail("nginx is required here (REQUIRE_PROXY=1): apt-get install nginx-light")
    pytest.skip("nginx is not installed (apt-get install nginx-light)")


def site_config(listen_port, upstream_port):
    """deploy/nginx.conf as it is, on test ports."""
    text = CONFIG.read_text()
    for production, test in (
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{upstream_port};"),
        ("listen 80;", f"listen 127.0.0.1:{listen_port};"),
        ("listen [::]:80;", ""),
    ):
        assert production in text, f"deploy/nginx.conf no longer has {production!r}"
        text = text.replace(production, test)
    return text


@contextlib.contextmanager
def nginx(binary, folder, listen_port, upstream_port):
    (folder / "site.conf").write_text(site_config(listen_port, upstream_port))
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    main = f"""
daemon off;
worker_processes 1;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"};
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {folder / "site.conf"};
}}
"""
    (folder / "nginx.conf").write_text(main)
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(folder / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", listen_port), timeout=1),
            ):
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("nginx did not start: " + (folder / "error.log").read_text())
            time.sleep(0.1)
        yield f"http://127.0.0.1:{listen_port}"
    finally:
        stop(process)


class SlowClients:
    """Connections that send a request line, then one header line a second, never finishing."""

    def __init__(self, port, count):
        self.sockets = []
        for _ in range(count):
            connection = socket.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"GET /nl/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            self.sockets.append(connection)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.dribble, daemon=True)
        self.thread.start()

    def dribble(self):
        number = 0
        while not self.stop.wait(1):
            number += 1
            for connection in self.sockets:
                with contextlib.suppress(OSError):
                    connection.sendall(f"X-Slow-{number}: 1\r\n".encode())

    def close(self):
        self.stop.set()
        self.thread.join(timeout=5)
        for connection in self.sockets:
            connection.close()


def timed_get(url):
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        response.read()
        return response.status, time.monotonic() - started


def test_a_hundred_slow_clients_do_not_stop_the_site(nginx_binary, tmp_path):
    database = f"sqlite:///{tmp_path / 'slow.sqlite3'}"
    app_port, proxy_port = free_port(), free_port()
    env = production_env(app_port, database, settings.STATIC_ROOT, workers=1)
    manage(env, "migrate", "--noinput")
    page = "/nl/services/"
    with (
        gunicorn(env) as (_app, _server),
        nginx(nginx_binary, tmp_path, proxy_port, app_port) as base,
    ):
        assert timed_get(base + page)[0] == 200
        slow = SlowClients(proxy_port, SLOW_CLIENTS)
        try:
            time.sleep(3)  # three header lines each: every gunicorn thread would be held by now
            for _ in range(3):
                status, seconds = timed_get(base + page)
                assert status == 200
                assert seconds < 1, f"a normal page took {seconds:.2f} s"
        finally:
            slow.close()
