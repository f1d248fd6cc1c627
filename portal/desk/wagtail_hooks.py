"""A "WIN-point desk" item in the admin menu, for the staff who may use the desk."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import is_staff_member


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return is_staff_member(request.user)


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(
        _("WIN-point desk"), reverse("desk:finder"), icon_name="mobile-alt", order=50
    )
