"""The desk in the admin: a menu item and a panel on the admin home, for the staff who may use
the desk."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .views import is_staff_member


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return is_staff_member(request.user)


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(
        _("WIN-point desk"), reverse("desk:finder"), icon_name="mobile-alt", order=50
    )


class DeskPanel(Component):
    """On the admin home: the desk's search, so staff who open the CMS are one step away from
    handing a page over (the dashboard's own search box searches the CMS, not for visitors)."""

    name = "win_point_desk"
    order = 10
    template_name = "desk/home_panel.html"

    def get_context_data(self, parent_context):
        return {"finder_url": reverse("desk:finder")}


@hooks.register("construct_homepage_panels")
def add_desk_panel(request, panels):
    if is_staff_member(request.user):
        panels.append(DeskPanel())
