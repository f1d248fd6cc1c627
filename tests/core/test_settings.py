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
    "EMAIL_HOST": "smtp.example.nl",
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


def debug_setting(env_overrides):
    """settings.DEBUG as a fresh process sees it (pytest-django forces DEBUG off in this one)."""
    env = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    env.update(env_overrides, DJANGO_SETTINGS_MODULE="portal.settings")
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_debug_is_off_unless_set():
    assert debug_setting(PRODUCTION) == "False"
    assert debug_setting({**PRODUCTION, "DEBUG": "0"}) == "False"
    assert debug_setting({**PRODUCTION, "DEBUG": ""}) == "False"
    assert debug_setting({"DEBUG": "1"}) == "True"


def test_deploy_check_warns_about_a_base_url_that_handouts_cannot_use():
    """QR codes and short links take their host from BASE_URL: `check --deploy` says when it is
    not an https address of this site (portal/core/checks.py)."""
    for base_url, warning in (
        ("http://win.example.nl", "portal.W002"),
        ("https://localhost:8000", "portal.W003"),
    ):
        result = run_check({**PRODUCTION, "BASE_URL": base_url}, "--deploy")
        assert warning in result.stderr, (base_url, result.stderr)
    # DEBUG on without BASE_URL starts (a local address is filled in), but a deploy check says so.
    result = run_check({"DEBUG": "1"}, "--deploy")
    assert "portal.W001" in result.stderr


def test_deploy_check_warns_when_mail_would_only_be_logged():
    without_mail = {key: value for key, value in PRODUCTION.items() if key != "EMAIL_HOST"}
    result = run_check(without_mail, "--deploy")
    assert "portal.W004" in result.stderr
    result = run_check(PRODUCTION, "--deploy")
    assert "portal.W004" not in result.stderr
