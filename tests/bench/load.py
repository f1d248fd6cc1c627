"""A bounded HTTP load generator for the benchmark, used when `wrk` is not installed.

Several processes, each keeping one connection open per "connection", request one URL in a
loop for a fixed time and report every latency. Python is slower than wrk, so on a small
machine the figures are a lower bound; the ratio between URLs is what counts.
"""

import http.client
import multiprocessing
import time
from urllib.parse import urlsplit


def worker(url, headers, seconds, queue):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    latencies = []
    errors = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status >= 400:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            continue
        latencies.append(time.perf_counter() - start)
    connection.close()
    queue.put((latencies, errors))


def run(url, seconds=5.0, connections=4, headers=None):
    """{"requests", "errors", "rps", "p50_ms", "p99_ms"} for `connections` parallel loops."""
    queue = multiprocessing.Queue()
    processes = [
        multiprocessing.Process(target=worker, args=(url, headers or {}, seconds, queue))
        for _ in range(connections)
    ]
    for process in processes:
        process.start()
    results = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    latencies = sorted(latency for found, _errors in results for latency in found)
    errors = sum(errors for _found, errors in results)
    if not latencies:
        return {"requests": 0, "errors": errors, "rps": 0.0, "p50_ms": 0.0, "p99_ms": 0.0}
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / seconds,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
    }
