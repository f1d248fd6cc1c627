"""Seed data for browser tests, written into the served site's own database.

The site runs in other processes (gunicorn) on its own SQLite file, so the data is made in a
process of its own with the server's environment: `seed(env, "polish_editor", password)` runs
`python -m tests.e2e.seed polish_editor <password>`, which calls the function of that name
here and hands its JSON answer back.
"""

import json
import subprocess
import sys

from tests.serving import ROOT


def seed(env, name, *args):
    """Run the seed function `name` against the served site; what it returns."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.e2e.seed", name, *args],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def user_in_group(username, password, group, **fields):
    from django.contrib.auth.models import Group, User

    user, _created = User.objects.get_or_create(username=username, defaults=fields)
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def loaded_page(key, language):
    from portal.guides.models import LoadedContent

    return LoadedContent.objects.get(key=key, locale__language_code=language).page


def polish_editor(password):
    """Anna edits Polish; the Dutch "renting your rights" changed, so its Polish translation is
    outdated."""
    user_in_group("anna", password, "Editors: Polski")
    dutch = loaded_page("housing/renting-your-rights", "nl").specific
    dutch.summary += " Een nieuwe zin over de huur."
    dutch.save_revision().publish()
    romanian = loaded_page("housing/renting-your-rights", "ro")
    return {"username": "anna", "romanian_page": romanian.pk}


def bulgarian_editor(password):
    """Boris edits Bulgarian and reads the admin in Bulgarian."""
    from wagtail.users.models import UserProfile

    user = user_in_group("boris", password, "Editors: Български")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "bg"
    profile.save()
    page = loaded_page("housing/renting-your-rights", "bg")
    return {"username": "boris", "page_id": page.pk}


def dutch_editor(password):
    user_in_group("daan", password, "Editors: Nederlands")
    page = loaded_page("duties/keeping-documents", "nl")
    return {"username": "daan", "page_id": page.pk, "title": page.title}


def polish_translator(password, key):
    """Piotr edits Polish, in a Polish admin; the Polish guide `key` (its Dutch title too, to
    find its piece)."""
    from wagtail.users.models import UserProfile

    user = user_in_group("piotr", password, "Editors: Polski")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "pl"
    profile.save()
    dutch = loaded_page(key, "nl")
    polish = loaded_page(key, "pl")
    return {
        "username": "piotr",
        "page_id": polish.pk,
        "dutch_title": dutch.title,
        "url": polish.url,
    }


def changed_guide(password):
    """Issue 17's story: a Moderator changes one sentence of the Dutch "losing your job" guide
    (no other browser test uses it) and publishes it; Ewa edits Polish, in a Polish admin."""
    from wagtail.users.models import UserProfile

    moderator = user_in_group("mona", password, "Moderators")
    editor = user_in_group("ewa", password, "Editors: Polski")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "pl"
    profile.save()
    old = "Regel dan snel je WW-uitkering en controleer je laatste loon."
    new = "Regel dan snel je WW-uitkering en controleer je laatste loonstrook."
    dutch = loaded_page("rights/losing-your-job", "nl").specific
    for block in dutch.body:
        if block.block_type == "text" and old in block.value.source:
            # In place, so the block keeps its id and localize sees a changed piece.
            block.value.source = block.value.source.replace(old, new)
    dutch.save_revision(user=moderator).publish(user=moderator)
    pages = {code: loaded_page("rights/losing-your-job", code) for code in ("pl", "ro", "bg")}
    return {
        "username": "ewa",
        "polish_id": pages["pl"].pk,
        "urls": {code: page.url for code, page in pages.items()},
        "old": old,
        "new": new,
    }


def desk_staff(password):
    from portal.guides.models import GuidePage

    user_in_group("desk-ivo", password, "WIN-point staff")
    guides = GuidePage.objects.filter(locale__language_code="nl")
    return {
        "username": "desk-ivo",
        "guides": [str(guide.translation_key) for guide in guides],
        "romanian_path": loaded_page("healthcare/health-insurance", "ro").url_path,
    }


def csp_admin(password):
    """A superuser in the desk group, and the admin and public addresses the CSP test opens."""
    from django.urls import reverse

    from portal.directory.models import Service
    from portal.search.models import SynonymGroup

    user_in_group("csp-admin", password, "WIN-point staff", is_superuser=True, is_staff=True)
    dutch = loaded_page("housing/renting-your-rights", "nl")
    polish = loaded_page("housing/renting-your-rights", "pl")
    service = Service.objects.filter(status=Service.Status.ACTIVE).order_by("pk").first()
    synonyms = SynonymGroup.objects.order_by("pk").first()
    return {
        "page_editor": reverse("wagtailadmin_pages:edit", args=[dutch.pk]),
        "translation_editor": reverse("wagtailadmin_pages:edit", args=[polish.pk]),
        "service_editor": reverse(Service.snippet_viewset.get_url_name("edit"), args=[service.pk]),
        "synonyms_editor": reverse(
            SynonymGroup.snippet_viewset.get_url_name("edit"), args=[synonyms.pk]
        ),
        "public_guide": polish.url,
        "public_service": f"/pl/services/{service.pk}/",
    }


def otp_editor(password):
    """A superuser with a confirmed authenticator app; its key in hex."""
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _created = User.objects.get_or_create(
        username="otp-editor", defaults={"is_superuser": True}
    )
    user.set_password(password)
    user.save()
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="phone", defaults={"confirmed": True}
    )
    return {"username": "otp-editor", "key": device.key}


SEEDS = {
    function.__name__: function
    for function in (
        polish_editor,
        bulgarian_editor,
        dutch_editor,
        polish_translator,
        changed_guide,
        desk_staff,
        csp_admin,
        otp_editor,
    )
}


if __name__ == "__main__":
    import django

    django.setup()
    name, *arguments = sys.argv[1:]
    print(json.dumps(SEEDS[name](*arguments)))
