"""`make soak`: an hour's worth of reader traffic in a minute, to show nothing breaks or leaks.

gunicorn with production settings (its own worker and thread counts, from gunicorn.conf.py) on
127.0.0.1, a fresh site (SQLite in a temporary folder, or SOAK_DATABASE_URL; Redis at
127.0.0.1:6379 when it answers), then SOAK_SECONDS (60) of mixed traffic over SOAK_CONNECTIONS
(50) keep-alive connections: every page in all five languages (one in ten past the page cache,
as a logged-in editor's would be) with their page-view beacons, "was this page helpful?"
answers (some with a comment), searches, the services list with filters and service pages.

The resident memory (RSS) of every worker is sampled every few seconds. It prints a table per
kind of request and one per worker, and exits non-zero on any error (a 5xx, a 4xx, a timeout
or a dropped connection) or when a worker grows by more than SOAK_MAX_GROWTH_MB (16) after the
warm-up. Workers are not recycled during the run (max_requests would hide a leak).
"""

import html
import http.client
import json
import multiprocessing
import os
import random
import re
import runpy
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.bench.run import redis_answers, worker_pids
from tests.resilience.gunicorn import production_env
from tests.serving import ROOT, free_port, gunicorn, manage, prepare_site

SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "50"))
MAX_GROWTH_MB = float(os.environ.get("SOAK_MAX_GROWTH_MB", "16"))
SAMPLE_SECONDS = float(os.environ.get("SOAK_SAMPLE_SECONDS", "5"))
LOAD_PROCESSES = 5
LANGUAGES = ("nl", "en", "pl", "ro", "bg")
SEARCHES = {
    "nl": ["zorgverzekering", "huisarts", "bsn", "huur"],
    "en": ["health insurance", "doctor", "bsn", "rent"],
    "pl": ["ubezpieczenie zdrowotne", "lekarz", "bsn", "czynsz"],
    "ro": ["asigurare de sănătate", "medic", "bsn", "chirie"],
    "bg": ["здравна осигуровка", "лекар", "bsn", "наем"],
}
# Readers' browsers; the page-view counter ignores anything that does not look like one.
BROWSER = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36"
SERVICE_FILTERS = ["", "?free=on", "?topic=healthcare", "?topic=work&free=on", "?language=pl",
                   "?open_now=on", "?topic=healthcare&language=ro"]  # fmt: skip


def page_paths(base, language):
    """Every live page of a language, from the pages API."""
    paths, offset = [], 0
    while True:
        url = f"{base}/api/v2/pages/?locale={language}&limit=20&offset={offset}"
        found = json.load(urllib.request.urlopen(url))
        for item in found["items"]:
            paths.append("/" + item["meta"]["html_url"].split("/", 3)[3])
        offset += len(found["items"])
        if not found["items"] or offset >= found["meta"]["total_count"]:
            return paths


def feedback_requests(form_action, token):
    """A "Was this page helpful?" answer (portal/insights/feedback.py) as a browser sends it:
    same origin, the form's signed token, sometimes a comment. The load gives every post its
    own X-Forwarded-For address, as readers behind the load balancer have (the rate limit is
    per reader)."""
    helpful, comment = random.choice([("yes", ""), ("no", ""), ("yes", "Duidelijke uitleg.")])
    body = urllib.parse.urlencode(
        {"token": token, "helpful": helpful, "comment": comment, "website": ""}
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
        "X-Forwarded-For": "set per request",
    }
    return [("feedback post", "POST", form_action, body, headers)]


def traffic(base):
    """The weighted list of requests the load picks from at random. Reading every page here
    also warms the page cache."""
    requests = []
    services = [s["id"] for s in json.loads((ROOT / "content/directory/services.json").read_text())]
    for language in LANGUAGES:
        for path in page_paths(base, language):
            requests += [("page, cached", "GET", path, None, {})] * 9
            requests.append(("page, uncached", "GET", path, None, {"Cookie": "sessionid=soak"}))
            page = urllib.request.urlopen(base + path).read().decode()
            beacon = re.search(r'<img class="beacon" src="([^"]+)"', page)
            if beacon:  # every page view a browser makes loads it
                requests += [("page-view beacon", "GET", html.unescape(beacon[1]), None, {})] * 5
            form = re.search(r'<form class="feedback-form" method="post" action="([^"]+)"', page)
            token = re.search(r'name="token" value="([^"]+)"', page)
            if form and token:
                requests += feedback_requests(html.unescape(form[1]), html.unescape(token[1]))
        for query in SEARCHES[language]:
            search = f"/{language}/search/?q={urllib.parse.quote(query)}"
            requests += [("search", "GET", search, None, {})] * 3
        for filters in SERVICE_FILTERS:
            requests += [("services list", "GET", f"/{language}/services/{filters}", None, {})] * 2
        for service in services:
            requests.append(("service page", "GET", f"/{language}/services/{service}/", None, {}))
    time.sleep(2.5)  # feedback tokens are refused in their first two seconds
    return requests


def client(port, requests, seconds, threads, seed, queue):
    """One load process: `threads` connections, each sending requests picked at random until
    the time is up."""
    results, lock = [], threading.Lock()
    end = time.monotonic() + seconds
    origin = f"http://127.0.0.1:{port}"

    def loop(number):
        pick = random.Random(seed * 1000 + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        found = []
        while time.monotonic() < end:
            category, method, path, body, headers = pick.choice(requests)
            headers = {"User-Agent": BROWSER, **headers}
            if "X-Forwarded-For" in headers:
                reader = ".".join(str(pick.randrange(1, 255)) for _ in range(3))
                headers |= {"Origin": origin, "X-Forwarded-For": f"10.{reader}"}
            start = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            found.append((category, status, time.perf_counter() - start, path))
        connection.close()
        with lock:
            results.extend(found)

    workers = [threading.Thread(target=loop, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(results)


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def sample_memory(master, samples, stop):
    while not stop.wait(SAMPLE_SECONDS):
        for pid in worker_pids(master):
            value = rss_mb(pid)
            if value is not None:
                samples.setdefault(pid, []).append(value)


def warm_up(port, requests):
    """Every distinct request once, so caches are full before memory is measured."""

    def send(request):
        _category, method, path, body, headers = request
        if method != "GET":
            return  # warm-up only reads
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request(method, path, body=body, headers=headers)
        connection.getresponse().read()
        connection.close()

    distinct = list({(r[1], r[2], tuple(r[4].items())): r for r in requests}.values())
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(send, distinct))
    return len(distinct)


def run_load(port, requests, seconds):
    """Results of every request: (category, status or error name, seconds, path)."""
    queue = multiprocessing.Queue()
    per_process = [CONNECTIONS // LOAD_PROCESSES + (i < CONNECTIONS % LOAD_PROCESSES)
                   for i in range(LOAD_PROCESSES)]  # fmt: skip
    processes = [
        multiprocessing.Process(target=client, args=(port, requests, seconds, n, i, queue))
        for i, n in enumerate(per_process)
        if n
    ]
    for process in processes:
        process.start()
    results = [row for _ in processes for row in queue.get()]
    for process in processes:
        process.join()
    return results


def percentile(values, share):
    values = sorted(values)
    return 1000 * values[min(len(values) - 1, int(len(values) * share))] if values else 0.0


def print_requests(results):
    print(f"\n{'requests':18} {'count':>7} {'errors':>7} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8}")
    categories = sorted({row[0] for row in results})
    for category in [*categories, "all"]:
        rows = [row for row in results if category in (row[0], "all")]
        errors = [row for row in rows if not ok(row[1])]
        latencies = [row[2] for row in rows]
        print(
            f"{category:18} {len(rows):7d} {len(errors):7d} {len(rows) / SECONDS:7.0f} "
            f"{percentile(latencies, 0.5):8.1f} {percentile(latencies, 0.99):8.1f}"
        )


def ok(status):
    return isinstance(status, int) and status < 400


def print_memory(samples):
    header = ("worker", "samples", "first MB", "last MB", "max MB", "growth MB")
    print("\n" + " ".join(f"{name:>9}" for name in header))
    growths = {}
    for pid, values in sorted(samples.items()):
        growth = values[-1] - values[0]
        growths[pid] = growth
        print(
            f"{pid:9d} {len(values):9d} {values[0]:9.1f} {values[-1]:9.1f} {max(values):9.1f} "
            f"{growth:+9.1f}"
        )
    return growths


def prepare(folder, port):
    env = production_env(
        port,
        os.environ.get("SOAK_DATABASE_URL", f"sqlite:///{folder / 'soak.db'}"),
        folder / "static",
        redis_url="redis://127.0.0.1:6379/4" if redis_answers() else None,
        workers=None,
    )
    env["GUNICORN_MAX_REQUESTS"] = "0"
    # As behind the production load balancer: the reader's address is the last X-Forwarded-For.
    env["TRUST_X_FORWARDED_PROTO"] = "1"
    env["TRUSTED_PROXY_COUNT"] = "1"
    prepare_site(env)
    if env.get("REDIS_URL"):
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    return env


def main():
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    port = free_port()
    print(f"{time.strftime('%Y-%m-%d %H:%M %Z')}: preparing a fresh site in {folder} …", flush=True)
    env = prepare(folder, port)
    failed = []
    base = f"http://127.0.0.1:{port}"
    with gunicorn(env, ready_url=f"{base}/nl/") as server:
        requests = traffic(base)
        distinct = warm_up(port, requests)
        workers = worker_pids(server.pid)
        config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        print(
            f"Soak: {SECONDS:.0f} s, {CONNECTIONS} connections, {len(workers)} gunicorn workers "
            f"x {config['threads']} threads, cache: "
            f"{'Redis' if env.get('REDIS_URL') else 'per process'}, {distinct} distinct "
            f"requests (each sent once to warm up); {os.cpu_count()} cores",
            flush=True,
        )
        samples, stop = {}, threading.Event()
        for pid in workers:
            samples[pid] = [rss_mb(pid)]
        sampler = threading.Thread(target=sample_memory, args=(server.pid, samples, stop))
        sampler.start()
        results = run_load(port, requests, SECONDS)
        stop.set()
        sampler.join()
        for pid in worker_pids(server.pid):
            samples.setdefault(pid, []).append(rss_mb(pid))
        print_requests(results)
        growths = print_memory(samples)
        errors = [row for row in results if not ok(row[1])]
        if errors:
            failed.append(f"{len(errors)} errors, e.g. {errors[0][1]} for {errors[0][3]}")
        if set(samples) != set(workers):
            failed.append("workers were restarted during the run")
        grown = {pid: g for pid, g in growths.items() if g > MAX_GROWTH_MB}
        if grown:
            failed.append(f"workers grew by more than {MAX_GROWTH_MB:.0f} MB: {grown}")
    shutil.rmtree(folder, ignore_errors=True)
    if failed:
        print("\nFAILED: " + "; ".join(failed))
        sys.exit(1)
    print(f"\nOK: no errors, no worker grew by more than {MAX_GROWTH_MB:.0f} MB")


if __name__ == "__main__":
    main()
