from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceEdit(models.Model):
    """When a Dutch source page last changed in a way its translations must follow.

    Every publish of a source page moves `content_changed_at` forward, unless the editor chose
    "Publish as minor change" (a typo, layout): then it goes back to the previous value, so
    translations do not become "outdated" for nothing.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    content_changed_at = models.DateTimeField(_("content changed at"))
    previous_content_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("source page change")

    def __str__(self):
        return f"{self.page_id}: {self.content_changed_at:%Y-%m-%d %H:%M}"


class LanguageSync(models.Model):
    """When one language's translators last took in the source text of a page.

    localize keeps one source text per page for every language. Taking in the latest Dutch for
    one language updates that shared text, so each language remembers on its own which version
    it last accepted: its status stays "outdated" until its own editor takes the change in.
    """

    source = models.ForeignKey(
        "wagtail_localize.TranslationSource", on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    synced_at = models.DateTimeField(_("source text taken in at"))

    class Meta:
        verbose_name = _("source text taken in")
        constraints = [
            models.UniqueConstraint(fields=["source", "locale"], name="one_sync_per_language")
        ]

    def __str__(self):
        return f"{self.source_id} {self.locale_id}: {self.synced_at:%Y-%m-%d %H:%M}"


class PieceReview(models.Model):
    """A piece whose Dutch changed: its previous translation was kept and awaits review (what
    PO tools call "fuzzy"). Cleared when the editor confirms or edits the piece."""

    translation = models.OneToOneField(
        "wagtail_localize.StringTranslation",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="review",
    )
    previous_source = models.TextField(_("previous Dutch text"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("piece to review")

    def __str__(self):
        return f"{self.translation_id}"


class DigestSetting(models.Model):
    """A user's choice about the daily e-mail on outdated translations (Account › Notifications).
    Without a row the e-mail is on: language editors must hear of changes by default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translation_digest_setting",
    )
    translation_digest = models.BooleanField(
        _("daily e-mail about outdated translations"),
        default=True,
        help_text=_(
            "Once a day at most: the pages whose Dutch text changed and whose translation in "
            "your languages is now outdated."
        ),
    )

    class Meta:
        verbose_name = _("translation e-mail setting")

    def __str__(self):
        return f"{self.user_id}: {self.translation_digest}"


class DigestSent(models.Model):
    """One daily e-mail sent to one editor, and what it listed: a second run the same day sends
    that editor nothing, and the next e-mail lists only changes made after `changes_until`."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent at"))
    changes_until = models.DateTimeField(_("changes up to"))
    # [{"page": Dutch page id, "language": code, "title": translated title}, …]
    items = models.JSONField(_("pages listed"), default=list)

    class Meta:
        verbose_name = _("translation e-mail sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_translation_digest_a_day")
        ]

    def __str__(self):
        return f"{self.user_id} {self.day}"


class UntranslatedPiece(models.Model):
    """A piece of a live translated page that was published in Dutch, having no translation
    yet (wagtail-localize publishes the source text then). Recorded at each publish of the
    translation, so the page marks it lang="nl" (core.source_pieces); the text is normalised."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("Dutch text"))

    class Meta:
        verbose_name = _("piece published in Dutch")

    def __str__(self):
        return f"{self.page_id}: {self.text[:40]}"
