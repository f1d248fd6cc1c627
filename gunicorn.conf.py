"""gunicorn settings. Every value can be overridden from the environment (GUNICORN_*)."""

import multiprocessing
import os

from portal.environment import env_bool

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Slow mobile clients must not tie up workers forever.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
preload_app = True
# gunicorn 27's control socket (one fixed path per user) is not used here; several servers on
# one machine (deploys side by side, the test suites) would take it from each other.
control_socket_disable = True
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG") else None
errorlog = "-"
# Whether a request came over HTTPS: the same rule as Django's (TRUST_X_FORWARDED_PROTO). Only
# then does gunicorn believe X-Forwarded-Proto, and only from FORWARDED_ALLOW_IPS (the proxy
# in front). Left to its defaults, gunicorn would take X-Forwarded-Proto (and -Ssl, and
# -Protocol) from 127.0.0.1 whatever Django was told, and pages would link to https on http.
if env_bool("TRUST_X_FORWARDED_PROTO"):
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
