"""`make bench`: serve the portal with gunicorn and production settings on 127.0.0.1 and measure.

1. Load: requests/s, p50/p99 latency and server CPU per request for a guide page from the page
   cache, the same page rendered (the page cache bypassed), the services list with filters, a
   search, and a static file of about the same size; then the ratio cached page / static file.
   Uses `wrk` when installed, else tests/bench/load.py.
2. Glossary: the CPU the first-use explanations add to a guide render with empty caches, and
   the gzipped weight of the largest guide page (tests/bench/glossary.py).
3. Scale: render time and SQL queries of a guide page and of the translation dashboard with
   100, 1,000 and 10,000 generated guides (tests/bench/scale.py; BENCH_SCALE=0 skips it).

Everything runs on a fresh SQLite database in a temporary folder (or BENCH_DATABASE_URL) and
Redis at 127.0.0.1:6379 when it answers, as in production.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from tests.serving import ROOT, first_page_url, free_port, gunicorn, manage, prepare_site

SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / ticks


def load_with_wrk(url, headers):
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{int(SECONDS)}s", "--latency", url]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    output = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    figures = {"errors": 0}
    for line in output.splitlines():
        parts = line.split()
        if line.strip().startswith("Requests/sec:"):
            figures["rps"] = float(parts[1])
        elif parts[:1] == ["50%"]:
            figures["p50_ms"] = to_ms(parts[1])
        elif parts[:1] == ["99%"]:
            figures["p99_ms"] = to_ms(parts[1])
        elif "requests in" in line:
            figures["requests"] = int(parts[0])
        elif line.strip().startswith("Non-2xx"):
            figures["errors"] = int(parts[-1])
    return figures


def to_ms(text):
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text)


def measure(url, master, headers=None):
    from tests.bench import load

    headers = headers or {}
    urllib.request.urlopen(urllib.request.Request(url, headers=headers)).read()  # warm up
    pids = worker_pids(master)
    before = cpu_seconds(pids)
    if shutil.which("wrk"):
        figures = load_with_wrk(url, headers)
    else:
        figures = load.run(url, SECONDS, CONNECTIONS, headers)
    used = cpu_seconds(pids) - before
    figures["cpu_ms"] = 1000 * used / figures["requests"] if figures.get("requests") else 0.0
    return figures


def static_url(static_root):
    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


def main():
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{folder / 'bench.db'}"),
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(folder / "static"),
        "GUNICORN_WORKERS": WORKERS,
        "GUNICORN_THREADS": "1",
        # No recycling during a run: CPU time is read from the worker processes.
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    env.pop("DEBUG", None)
    env.pop("REDIS_URL", None)
    if redis_answers():
        env["REDIS_URL"] = "redis://127.0.0.1:6379/3"
    print(f"Preparing a fresh site in {folder} …", flush=True)
    prepare_site(env)
    if env.get("REDIS_URL"):
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    base = f"http://127.0.0.1:{port}"
    with gunicorn(env, "--config", "gunicorn.conf.py", ready_url=f"{base}/pl/") as server:
        guide = first_page_url(base, "guides.GuidePage", "pl")
        targets = [
            ("guide page, cached", guide, {}),
            ("guide page, uncached", guide, {"Cookie": "sessionid=bench"}),
            ("services list, filtered", f"{base}/pl/services/?topic=healthcare&free=on", {}),
            ("search", f"{base}/pl/search/?q=ubezpieczenie+zdrowotne", {}),
            ("static file (CSS)", base + static_url(env["STATIC_ROOT"]), {}),
        ]
        tool = "wrk" if shutil.which("wrk") else "tests/bench/load.py (Python)"
        print(
            f"\nLoad: {SECONDS:.0f} s per URL, {CONNECTIONS} connections, {WORKERS} gunicorn "
            f"workers, cache: {'Redis' if env.get('REDIS_URL') else 'per process'}, tool: {tool}"
        )
        print(
            f"{'URL':28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/req':>11} {'errors':>7}"
        )
        results = {}
        for name, url, headers in targets:
            figures = measure(url, server.pid, headers)
            results[name] = figures
            print(
                f"{name:28} {figures['rps']:8.0f} {figures['p50_ms']:8.1f} "
                f"{figures['p99_ms']:8.1f} {figures['cpu_ms']:11.2f} {figures['errors']:7d}"
            )
        ratio = results["guide page, cached"]["rps"] / max(results["static file (CSS)"]["rps"], 1)
        print(f"\ncached guide page / static file: {ratio:.0%} (goal: at least 50%)")
        print(
            f"uncached guide page: {results['guide page, uncached']['cpu_ms']:.1f} ms server CPU "
            "per request (goal: at most 15 ms)"
        )

    print("\nGlossary: first-use explanations in guides", flush=True)
    subprocess.run([sys.executable, "-m", "tests.bench.glossary"], cwd=ROOT, env=env, check=True)

    if os.environ.get("BENCH_SCALE", "1") == "1":
        print("\nScale: a guide page and the translation dashboard as the site grows", flush=True)
        subprocess.run([sys.executable, "-m", "tests.bench.scale"], cwd=ROOT, env=env, check=True)
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
