"""Short links and referral counts for the WIN-point desk.

- ShortLink: /s/<code> for one page (all its translations, by translation key) or one service,
  in one language. The code never changes; the address it leads to is looked up on every visit,
  so it survives slug changes and moves.
- Referral: hand-overs counted per day, language, channel and subject (a topic or a service
  category), and nothing about the visitor.
"""

import secrets

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from ..core.models import DailyCount

# No 0/o, 1/l/i: a code must survive being read aloud and typed on a phone.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 5


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class ShortLink(models.Model):
    code = models.CharField(max_length=12, unique=True)
    language = models.CharField(max_length=10)
    translation_key = models.UUIDField(null=True)
    service = models.ForeignKey(
        "directory.Service", null=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "translation_key"], name="one_link_per_page_language"
            ),
            models.UniqueConstraint(
                fields=["language", "service"], name="one_link_per_service_language"
            ),
        ]

    def __str__(self):
        return f"/s/{self.code}"

    @classmethod
    def for_target(cls, language, translation_key=None, service=None):
        """The link of a page or service in a language, made on first use."""
        target = {"translation_key": translation_key} if service is None else {"service": service}
        existing = cls.objects.filter(language=language, **target).first()
        if existing:
            return existing
        for _attempt in range(10):
            try:
                with transaction.atomic():
                    return cls.objects.create(code=new_code(), language=language, **target)
            except IntegrityError:
                # Either the random code was taken or another request made this link first.
                existing = cls.objects.filter(language=language, **target).first()
                if existing:
                    return existing
        raise RuntimeError("no free short-link code")


class Referral(DailyCount):
    class Channel(models.TextChoices):
        QR = "qr", _("QR code")
        LINK = "link", _("Short link")
        SHARE = "share", _("Shared link")
        PRINT = "print", _("Printout")
        SLIP = "slip", _("Referral slip")

    channel = models.CharField(max_length=10, choices=Channel.choices)
    subject = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["date", "language", "channel", "subject"], name="one_referral_count"
            )
        ]
        verbose_name = _("referral count")
        verbose_name_plural = _("referral counts")

    def __str__(self):
        return f"{self.date} {self.language} {self.channel} {self.subject}: {self.count}"

    @classmethod
    def record(cls, language, channel, subject):
        cls.count_today(language, channel=channel, subject=subject)
