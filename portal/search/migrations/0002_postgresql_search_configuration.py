"""On PostgreSQL: the "portal_search" text search configuration (the simple dictionary after
unaccent, so "sănătate" and "sanatate" are the same word in every language) and pg_trgm for
matching small typos. Other databases need neither: there search compares folded text."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_search') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_search (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION portal_search
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_search;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
