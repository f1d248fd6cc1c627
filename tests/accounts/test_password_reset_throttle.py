"""Password-reset e-mails are throttled per account and per client address (issue 16, item 13);
the answer is the same either way, so it tells nobody which addresses have accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from portal.accounts import forms

pytestmark = pytest.mark.django_db
URL = "/admin/password_reset/"


def ask(client, email, address):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


def test_one_account_gets_a_few_reset_emails_a_day(client):
    get_user_model().objects.create_user("eva", email="eva@example.org", password="x-long-pass-1")
    answers = {ask(client, "eva@example.org", f"203.0.113.{n}").status_code for n in range(10)}
    assert answers == {302}
    assert len(mail.outbox) == forms.PER_ACCOUNT


def test_one_address_sends_a_few_reset_emails_an_hour(client):
    for n in range(10):
        get_user_model().objects.create_user(
            f"user{n}", email=f"user{n}@example.org", password="x-long-pass-1"
        )
    for n in range(10):
        assert ask(client, f"user{n}@example.org", "198.51.100.9").status_code == 302
    assert len(mail.outbox) == forms.PER_ADDRESS
    assert ask(client, "user9@example.org", "198.51.100.10").status_code == 302
    assert len(mail.outbox) == forms.PER_ADDRESS + 1
