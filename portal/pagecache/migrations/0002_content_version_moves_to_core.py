"""The content version moved to core (portal.core.freshness): carry the number over, so no
cache key of an old version is ever reused, then drop the old table."""

from django.db import migrations


def carry_over(apps, schema_editor):
    old = apps.get_model("pagecache", "ContentVersion").objects.filter(pk=1).first()
    if old is not None:
        apps.get_model("core", "ContentVersion").objects.update_or_create(
            pk=1, defaults={"number": old.number}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pagecache", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.DeleteModel(name="ContentVersion"),
    ]
