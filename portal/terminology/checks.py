"""Where the terminology check looks in the database: live pages, directory texts and search
synonyms; each finding carries the admin address that fixes it. The files (content, .po,
search terms) are checked by portal.glossary.checking.

This app stands on glossary, guides, directory and search (it reads them all); nothing imports it.
"""

from django.conf import settings
from modeltranslation.translator import translator
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from ..glossary.checking import check_files, find_in_text, rules_by_language
from ..glossary.terms import avoid_rules
from ..search.entries import page_texts
from ..search.models import SynonymGroup

CHECKED_APPS = ("directory",)


def rules():
    return rules_by_language(avoid_rules())


def admin_url(instance):
    url = AdminURLFinder().get_edit_url(instance) or ""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{url}" if url else str(instance)


def page_findings(page, grouped, where=None):
    """Findings in one page's title, summary and body (in the page's language)."""
    code = page.locale.language_code
    where = where or admin_url(page)
    findings = []
    for field, text in page_texts(page).items():
        findings += find_in_text(text, f"{where} ({field})", code, grouped.get(code, []))
    return findings


def instance_findings(instance, grouped, where=None):
    """Findings in every language column of a modeltranslation model's texts."""
    options = translator.get_options_for_model(type(instance))
    where = where or admin_url(instance)
    findings = []
    for field in options.fields:
        for code, rules_of_language in grouped.items():
            text = getattr(instance, f"{field}_{code}", "") or ""
            findings += find_in_text(text, f"{where} ({field}_{code})", code, rules_of_language)
    return findings


def database_findings(grouped):
    findings = []
    pages = Page.objects.filter(depth__gte=2).live().select_related("locale").order_by("path")
    for page in pages:
        findings += page_findings(page.specific, grouped)
    for model in translator.get_registered_models():
        if model._meta.app_label in CHECKED_APPS and not model._meta.abstract:
            for instance in model.objects.all():
                findings += instance_findings(instance, grouped)
    for group in SynonymGroup.objects.all():
        where = admin_url(group)
        for code, rules_of_language in grouped.items():
            findings += find_in_text(group.terms, where, code, rules_of_language)
    return findings


def all_findings(files=True, database=True, base_dir=None):
    grouped = rules()
    findings = []
    if files:
        findings += check_files(base_dir or settings.BASE_DIR, grouped)
    if database:
        findings += database_findings(grouped)
    return findings
