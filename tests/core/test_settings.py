"""Settings refuse to start without the values production needs."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(env_overrides, *args):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "BASE_URL", "SECURE_SSL_REDIRECT"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-7Gk2pQx9Lm4Vz8Rt1Ws",
    "ALLOWED_HOSTS": "win.example.nl",
    "BASE_URL": "https://win.example.nl",
}


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_check({"ALLOWED_HOSTS": "x", "BASE_URL": "https://x"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_refuses_to_start_without_allowed_hosts_when_debug_is_off():
    result = run_check({"SECRET_KEY": PRODUCTION["SECRET_KEY"], "BASE_URL": "https://x"})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_debug_runs_without_any_configuration():
    result = run_check({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = run_check(PRODUCTION, "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr


def test_debug_is_off_unless_set():
    from django.conf import settings

    assert settings.DEBUG is False
