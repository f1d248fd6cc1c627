"""Finding "not to use" variants in text and in the project's files.

The rules come from the glossary (terms.avoid_rules): per language, each variant with the term
to use instead. Text in one language is checked against that language's rules; files that mix
languages (search terms) against every language's.

Files, with the language of each line:
- content/**/<lang>.md: page texts (front-matter addresses, `slug:` and `url:`, are addresses,
  not reader text; changing them needs redirects, so they are left out);
- content/directory/services.json: directory texts, Dutch unless inside a "<lang>": {…} block;
- locale/<lang>/LC_MESSAGES/django.po: interface strings (the msgstr lines);
- content/search/terms.yaml: search terms in every language.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.languages import language_codes

SKIPPED_KEYS = re.compile(r'^\s*(?:-\s*)?"?(slug|url|website|email|id)"?\s*:')
LANGUAGE_BLOCK = re.compile(r'^(\s*)"([a-z]{2})": \{\s*$')


@dataclass(frozen=True)
class Finding:
    where: str  # file:line, or an admin address
    language: str
    variant: str
    use_term: str
    term: str
    text: str  # the offending line or field, shortened

    @property
    def link(self):
        """The admin address of a finding in the database ("" for a file)."""
        return self.where.split(" (")[0] if "://" in self.where else ""

    def __str__(self):
        return (
            f"{self.where}: [{self.language}] “{self.variant}” → use “{self.use_term}” "
            f"(glossary: {self.term}): {self.text}"
        )


def rules_by_language(rules):
    """{language: [(variant, pattern, use term, term name)]} from terms.avoid_rules()."""
    grouped = {code: [] for code in language_codes()}
    for term, code, variant, pattern, use_term in rules:
        grouped.setdefault(code, []).append((variant, pattern, use_term, term.term))
    return grouped


def find_in_text(text, where, code, rules):
    """Findings for one text in language `code` (rules_by_language's lists for that code)."""
    findings = []
    for variant, pattern, use_term, term in rules:
        if pattern.search(text or ""):
            excerpt = " ".join((text or "").split())
            findings.append(Finding(where, code, variant, use_term, term, excerpt[:160]))
    return findings


def lines_of(path):
    return Path(path).read_text(encoding="utf-8").splitlines()


def check_markdown(path, code, grouped, label):
    findings = []
    for number, line in enumerate(lines_of(path), start=1):
        if SKIPPED_KEYS.match(line):
            continue
        findings += find_in_text(line, f"{label}:{number}", code, grouped.get(code, []))
    return findings


def check_po(path, code, grouped, label):
    """Only the translations (msgstr and its continuation lines), not the English msgid."""
    findings = []
    in_msgstr = False
    for number, line in enumerate(lines_of(path), start=1):
        if line.startswith("msgstr"):
            in_msgstr = True
        elif not line.startswith('"'):
            in_msgstr = False
        if in_msgstr:
            findings += find_in_text(line, f"{label}:{number}", code, grouped.get(code, []))
    return findings


def check_directory_json(path, grouped, label, source_language="nl"):
    """services.json: the top-level texts are Dutch; a "pl": {…} block holds Polish."""
    findings = []
    stack = []  # (indent, language)
    for number, line in enumerate(lines_of(path), start=1):
        block = LANGUAGE_BLOCK.match(line)
        if block and block.group(2) in grouped:
            stack.append((block.group(1), block.group(2)))
            continue
        if stack and line.rstrip().rstrip(",") == stack[-1][0] + "}":
            stack.pop()
            continue
        if SKIPPED_KEYS.match(line):
            continue
        code = stack[-1][1] if stack else source_language
        findings += find_in_text(line, f"{label}:{number}", code, grouped.get(code, []))
    return findings


def check_mixed(path, grouped, label):
    """A file with words in every language (search terms): every language's rules."""
    findings = []
    for number, line in enumerate(lines_of(path), start=1):
        for code, rules in grouped.items():
            findings += find_in_text(line, f"{label}:{number}", code, rules)
    return findings


def check_files(base_dir, grouped):
    """Findings in the project's page, directory, interface and search-term files."""
    base = Path(base_dir)
    codes = set(grouped)
    findings = []

    def label(path):
        return str(path.relative_to(base))

    for path in sorted((base / "content").rglob("*.md")):
        if path.stem in codes:
            findings += check_markdown(path, path.stem, grouped, label(path))
    directory = base / "content" / "directory" / "services.json"
    if directory.exists():
        findings += check_directory_json(directory, grouped, label(directory))
    for path in sorted((base / "locale").glob("*/LC_MESSAGES/django.po")):
        code = path.parent.parent.name
        if code in codes:
            findings += check_po(path, code, grouped, label(path))
    terms = base / "content" / "search" / "terms.yaml"
    if terms.exists():
        findings += check_mixed(terms, grouped, label(terms))
    return findings
