"""gunicorn with production settings on 127.0.0.1 for the outage tests: unlike
tests/serving.py it counts any HTTP answer (a 503 too) as "started" and keeps the server's log
in a file (the tracebacks of an outage would fill a pipe and block the workers).
production_env() is shared with the soak run."""

import contextlib
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.serving import free_port, stop

ROOT = Path(__file__).resolve().parents[2]


def production_env(port, database_url, static_root, redis_url=None, workers=1):
    env = {
        **{
            name: value
            for name, value in os.environ.items()
            if name not in {"DEBUG", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
            and not name.startswith("GUNICORN_")
        },
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    if workers:  # else gunicorn.conf.py decides, as in production
        env |= {"GUNICORN_WORKERS": str(workers), "GUNICORN_THREADS": "1"}
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


@contextlib.contextmanager
def gunicorn(env, ready_path="/static/", timeout=60):
    """Yield (base URL, master process) once the server answers at all (any HTTP status)."""
    base = f"http://127.0.0.1:{env['GUNICORN_BIND'].rsplit(':', 1)[1]}"
    # A file, not a pipe: the tracebacks of an outage would fill a pipe and block the workers.
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "portal.wsgi",
                "-c",
                "gunicorn.conf.py",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            wait_until_answering(base + ready_path, server, log, timeout)
            yield base, server
        finally:
            stop(server)


def wait_until_answering(url, server, log, timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError(
                    "gunicorn did not start: " + log.read().decode()[-2000:]
                ) from None
            time.sleep(0.2)


def closed_port():
    """A port on 127.0.0.1 nobody listens on (taken free and released)."""
    return free_port()
