from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "portal.desk"
    label = "desk"
    verbose_name = _("WIN-point desk")
    default_auto_field = "django.db.models.BigAutoField"
