"""Load facts from a content file (content/facts.yaml) into the database.

Format, one item per fact (see content/README.md):

    - key: minimum-wage-21
      kind: hourly
      label: {nl: …, en: …, pl: …, ro: …, bg: …}
      values:
        - value: "14.71"
          from: 2026-01-01
          until: 2026-06-30          # optional
          source: {title: …, url: https://…}
          checked: 2026-12-04        # optional, only when a person opened the source
          checked_by: Anna de Vries  # required with checked

A fact already in the database is left alone unless `update=True`: after the first load the
admin is where figures are kept. The loader never invents a "checked" date: it copies one only
when a person wrote it in the file, and never clears one a person recorded in the admin.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from ..core import yaml_files
from .models import KEY, Fact, FactValue, Kind, parse_value

FACT_KEYS = {"key", "kind", "label", "values"}
VALUE_KEYS = {"value", "from", "until", "source", "checked", "checked_by"}


@dataclass
class FactFileError(Exception):
    path: Path
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


def read_facts_file(path):
    """(list of fact dicts, list of FactFileError). Every problem is reported, nothing written."""
    path = Path(path)
    if not path.is_file():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
        items = yaml.compose(text)
        data = yaml_files.load(text) or []
    except RecursionError:
        return [], [FactFileError(path, 1, "broken file: nested too deeply")]
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        mark = getattr(error, "problem_mark", None)
        return [], [FactFileError(path, mark.line + 1 if mark else 1, f"broken file: {error}")]
    if not isinstance(data, list):
        return [], [FactFileError(path, 1, "the file must be a list of facts ('- key: …')")]
    lines = [node.start_mark.line + 1 for node in items.value] if items is not None else []
    facts, errors, seen = [], [], set()
    codes = [code for code, _name in settings.LANGUAGES]
    for item, line in zip(data, lines, strict=False):
        problems = check_fact(item, codes)
        if not problems and item["key"] in seen:
            problems = [f"fact {item['key']!r} appears twice"]
        errors.extend(FactFileError(path, line, problem) for problem in problems)
        if not problems:
            seen.add(item["key"])
            facts.append(item)
    return facts, errors


def check_fact(item, codes):
    if not isinstance(item, dict):
        return ["each fact is a 'key: …' block"]
    problems = []
    unknown = set(item) - FACT_KEYS
    if unknown:
        problems.append(
            f"unknown keys {', '.join(sorted(unknown))} (allowed: {', '.join(sorted(FACT_KEYS))})"
        )
    key = item.get("key")
    if not isinstance(key, str) or not KEY.match(key):
        return [*problems, "'key' must be lowercase letters, digits and '-'"]
    where = f"fact {key!r}"
    if item.get("kind") not in Kind.values:
        problems.append(f"{where}: 'kind' must be one of {', '.join(Kind.values)}")
        return problems
    label = item.get("label")
    if not isinstance(label, dict) or not all(
        isinstance(label.get(c), str) and label[c].strip() for c in codes
    ):
        problems.append(f"{where}: 'label' needs a text for each of {', '.join(codes)}")
    values = item.get("values") or []
    if not isinstance(values, list):
        return [*problems, f"{where}: 'values' must be a list"]
    starts = []
    for number, value in enumerate(values, start=1):
        problems.extend(f"{where}, value {number}: {p}" for p in check_value(item["kind"], value))
        if isinstance(value, dict):
            starts.append(value.get("from"))
    if len(set(map(str, starts))) != len(starts):
        problems.append(f"{where}: two values start on the same day")
    return problems


def check_value(kind, value):
    if not isinstance(value, dict):
        return ["write each value as 'value:', 'from:', 'source:' lines"]
    problems = []
    unknown = set(value) - VALUE_KEYS
    if unknown:
        problems.append(f"unknown keys {', '.join(sorted(unknown))}")
    try:
        parse_value(kind, str(value.get("value", "")))
    except ValueError as error:
        problems.append(f"value {value.get('value')!r}: {error}")
    start, end = value.get("from"), value.get("until")
    if not isinstance(start, datetime.date):
        problems.append("'from' must be a date written as YYYY-MM-DD")
    if end is not None and not isinstance(end, datetime.date):
        problems.append("'until' must be a date written as YYYY-MM-DD")
    elif isinstance(start, datetime.date) and end is not None and end < start:
        problems.append("'until' is before 'from'")
    source = value.get("source")
    if not isinstance(source, dict) or not source.get("title") or not source.get("url"):
        problems.append("'source' needs a title and a url")
    else:
        try:
            URLValidator(schemes=["https", "http"])(source["url"])
        except ValidationError:
            problems.append(f"source url {source['url']!r} is not a web address")
    checked = value.get("checked")
    if checked is not None and not isinstance(checked, datetime.date):
        problems.append("'checked' must be a date written as YYYY-MM-DD")
    if checked is not None and not str(value.get("checked_by") or "").strip():
        problems.append("'checked' needs 'checked_by': the person who opened the source")
    return problems


@transaction.atomic
def load_facts(facts, update=False):
    """Write checked fact dicts. Returns {"created": n, "updated": n, "kept": n}."""
    counts = {"created": 0, "updated": 0, "kept": 0}
    for item in facts:
        fact = Fact.objects.filter(key=item["key"]).first()
        if fact is not None and not update:
            counts["kept"] += 1
            continue
        outcome = "created" if fact is None else "updated"
        fact = fact or Fact(key=item["key"])
        fact.kind = item["kind"]
        for code, text in item["label"].items():
            setattr(fact, f"label_{code}", text.strip())
        fact.save()
        wanted = set()
        for value in item.get("values") or []:
            wanted.add(value["from"])
            row = FactValue.objects.filter(fact=fact, valid_from=value["from"]).first()
            row = row or FactValue(fact=fact, valid_from=value["from"])
            row.value = str(value["value"]).strip()
            row.valid_until = value.get("until")
            row.source_title = value["source"]["title"]
            row.source_url = value["source"]["url"]
            if value.get("checked"):
                # Only a date a person wrote down; an existing record is never cleared.
                row.checked_on = value["checked"]
                row.checked_by = str(value["checked_by"]).strip()
            row.save()
        FactValue.objects.filter(fact=fact).exclude(valid_from__in=wanted).delete()
        counts[outcome] += 1
    return counts


def known_keys(facts):
    return {item["key"] for item in facts} | set(Fact.objects.values_list("key", flat=True))
