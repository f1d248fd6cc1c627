"""Reading settings from environment variables: shared by settings.py and gunicorn.conf.py, so
one variable means the same to Django and to the server (TRUST_X_FORWARDED_PROTO)."""

import os


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]
