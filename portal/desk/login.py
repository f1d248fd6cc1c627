"""After logging in, members of "WIN-point staff" land on the desk, not on the CMS dashboard:
the desk is what they came for. A login with a `next` address still goes there, unless that is
the dashboard itself (Wagtail's login form sends it when no other address was asked for).
Administrators who are also in the staff group keep the dashboard: they came to run the site."""

from django.urls import reverse
from wagtail.admin.views.account import LoginView

from ..core.groups import WIN_POINT_STAFF, is_in_group


def belongs_to_staff_group(user):
    return user.is_authenticated and is_in_group(user, WIN_POINT_STAFF)


class DeskLoginView(LoginView):
    def get_success_url(self):
        dashboard = reverse("wagtailadmin_home")
        explicit = self.get_redirect_url()
        if explicit and explicit != dashboard:
            return explicit
        user = self.request.user
        if belongs_to_staff_group(user) and not user.is_superuser:
            return reverse("desk:finder")
        return dashboard
