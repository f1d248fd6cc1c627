from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views

app_urls = (
    [
        path("", views.settings_view, name="two_factor"),
        path("verify/", views.verify, name="verify"),
    ],
    "accounts",
)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(app_urls, namespace="accounts"))]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts:two_factor"),
        "label": _("Two-step login"),
        "help_text": _("Ask for a code from an authenticator app when you log in."),
    }
