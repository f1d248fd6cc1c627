"""Parse one content file: YAML front matter plus a small Markdown dialect.

The dialect is described in content/README.md. Every problem is reported as a ContentError that
names the file and line, so the person who wrote the file can fix it without reading this code.
"""

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError

from ...core import yaml_files
from ..blocks import PhoneBlock


@dataclass
class ContentError(Exception):
    path: Path
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Block:
    """One StreamField block: its type, its value in Wagtail's raw form, and where it starts."""

    type: str
    value: object
    line: int


@dataclass
class ContentFile:
    path: Path
    meta: dict
    blocks: list = field(default_factory=list)
    body_line: int = 1


DIRECTIVES = {"tip", "warning", "question", "contact"}
CONTACT_KEYS = {"name", "phone", "email", "url", "text"}
NUMBERED = re.compile(r"^\d+[.)]\s+(.*)$")
CHECKBOX = re.compile(r"^[-*]\s+\[[ xX]?\]\s+(.*)$")
BULLET = re.compile(r"^[-*]\s+(.*)$")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
SAFE_URL = re.compile(r"^(https?://|mailto:|tel:)[^\s\"<>]+$")
# [WIN-punt](service:<uuid>) links a directory service; Wagtail's "service" link type renders it
# in the reader's language at view time (see portal/directory/rich_text.py).
SERVICE_LINK = re.compile(
    r"^service:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$"
)


def inline_html(text, path, line):
    """Turn **bold**, *italic* and [text](url) into the HTML Wagtail's rich text stores."""
    links = []

    def keep_link(match):
        label, url = match.group(1), match.group(2)
        if not (SAFE_URL.match(url) or SERVICE_LINK.match(url)):
            raise ContentError(
                path, line, f"link address must start with https:// or be service:<id>: {url}"
            )
        links.append((label, url))
        return f"\x00{len(links) - 1}\x00"

    text = LINK.sub(keep_link, text)
    text = html.escape(text, quote=False)
    text = BOLD.sub(r"<b>\1</b>", text)
    text = ITALIC.sub(r"<i>\1</i>", text)

    def put_link(match):
        label, url = links[int(match.group(1))]
        label = html.escape(label, quote=False)
        label = BOLD.sub(r"<b>\1</b>", label)
        service = SERVICE_LINK.match(url)
        if service:
            return f'<a linktype="service" id="{service.group(1)}">{label}</a>'
        return f'<a href="{html.escape(url)}">{label}</a>'

    return re.sub(r"\x00(\d+)\x00", put_link, text)


def rich_text(lines, path):
    """Paragraphs and bullet lists (a list of (line number, text)) as one rich text value."""
    parts = []
    paragraph = []
    bullets = []

    def flush():
        if paragraph:
            text = " ".join(t for _n, t in paragraph)
            parts.append(f"<p>{inline_html(text, path, paragraph[0][0])}</p>")
            paragraph.clear()
        if bullets:
            items = "".join(f"<li>{inline_html(t, path, n)}</li>" for n, t in bullets)
            parts.append(f"<ul>{items}</ul>")
            bullets.clear()

    for number, text in lines:
        stripped = text.strip()
        bullet = BULLET.match(stripped)
        if not stripped:
            flush()
        elif bullet and not CHECKBOX.match(stripped):
            if paragraph:
                flush()
            bullets.append((number, bullet.group(1)))
        elif bullets and text.startswith((" ", "\t")):
            n, previous = bullets[-1]
            bullets[-1] = (n, previous + " " + stripped)
        else:
            if bullets:
                flush()
            paragraph.append((number, stripped))
    flush()
    return "".join(parts)


def split_front_matter(path, text):
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "the file must start with front matter between '---' lines")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            front = "\n".join(lines[1:index])
            try:
                meta = yaml_files.load(front) or {}
            except RecursionError:
                raise ContentError(path, 2, "front matter is nested too deeply") from None
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line = mark.line + 2 if mark else 2
                problem = getattr(error, "problem", None) or str(error)
                raise ContentError(path, line, f"broken front matter: {problem}") from None
            if not isinstance(meta, dict):
                raise ContentError(path, 2, "front matter must be 'key: value' lines")
            return meta, lines[index + 1 :], index + 2
    raise ContentError(path, 1, "front matter is not closed with a '---' line")


def read_directive(path, lines, start, first_line):
    """Collect the lines of a ':::name' block up to its closing ':::'."""
    inner = []
    index = start
    while index < len(lines):
        number, text = lines[index]
        if text.strip() == ":::":
            return inner, index + 1
        inner.append((number, text))
        index += 1
    raise ContentError(path, first_line, "this ':::' block is never closed with a ':::' line")


def contact_value(path, inner, line):
    value = {"name": "", "phone": "", "email": "", "url": "", "text": ""}
    for number, text in inner:
        if not text.strip():
            continue
        key, sep, rest = text.partition(":")
        key = key.strip().lower()
        if not sep or key not in CONTACT_KEYS:
            raise ContentError(
                path, number, "a contact line must be one of name:, phone:, email:, url:, text:"
            )
        value[key] = rest.strip()
    if not value["name"]:
        raise ContentError(path, line, "a contact block needs a 'name:' line")
    if value["phone"]:
        try:
            PhoneBlock().clean(value["phone"])
        except ValidationError as error:
            raise ContentError(
                path, line, f"phone {value['phone']!r}: {error.messages[0]}"
            ) from None
    if value["url"] and not value["url"].startswith(("https://", "http://")):
        raise ContentError(path, line, "a contact url must start with https://")
    return value


def parse_body(path, body_lines, first_number):
    """The body as a list of Blocks."""
    lines = [(first_number + offset, text.rstrip()) for offset, text in enumerate(body_lines)]
    blocks = []
    text_lines = []

    def flush_text():
        if any(t.strip() for _n, t in text_lines):
            start = next(n for n, t in text_lines if t.strip())
            blocks.append(Block("text", rich_text(text_lines, path), start))
        text_lines.clear()

    index = 0
    while index < len(lines):
        number, text = lines[index]
        stripped = text.strip()
        if stripped.startswith(":::"):
            flush_text()
            name, _sep, argument = stripped[3:].strip().partition(" ")
            if name not in DIRECTIVES:
                raise ContentError(
                    path,
                    number,
                    f"unknown block ':::{name}' (use tip, warning, question or contact)",
                )
            inner, index = read_directive(path, lines, index + 1, number)
            if name in ("tip", "warning"):
                content = rich_text(inner, path)
                if not content:
                    raise ContentError(path, number, f"the ':::{name}' block is empty")
                blocks.append(Block("callout", {"kind": name, "text": content}, number))
            elif name == "question":
                if not argument.strip():
                    raise ContentError(path, number, "write the question after ':::question'")
                answer = rich_text(inner, path)
                if not answer:
                    raise ContentError(path, number, "the question has no answer")
                blocks.append(
                    Block("question", {"question": argument.strip(), "answer": answer}, number)
                )
            else:
                blocks.append(Block("contact", contact_value(path, inner, number), number))
            continue
        if stripped.startswith("#"):
            if not stripped.startswith("## ") or stripped.startswith("###"):
                raise ContentError(path, number, "headings are written as '## Heading'")
            flush_text()
            blocks.append(Block("heading", stripped[3:].strip(), number))
        elif NUMBERED.match(stripped):
            flush_text()
            items = []
            while index < len(lines):
                n, t = lines[index]
                match = NUMBERED.match(t.strip())
                if match:
                    items.append([n, match.group(1)])
                elif t.startswith((" ", "\t")) and t.strip() and items:
                    items[-1][1] += " " + t.strip()
                else:
                    break
                index += 1
            blocks.append(
                Block("steps", [f"<p>{inline_html(t, path, n)}</p>" for n, t in items], number)
            )
            continue
        elif CHECKBOX.match(stripped):
            flush_text()
            items = []
            while index < len(lines) and CHECKBOX.match(lines[index][1].strip()):
                items.append(CHECKBOX.match(lines[index][1].strip()).group(1))
                index += 1
            blocks.append(Block("checklist", items, number))
            continue
        elif stripped.startswith((">", "|", "```", "<")):
            raise ContentError(
                path, number, f"unknown block syntax {stripped[:3]!r}: see content/README.md"
            )
        else:
            text_lines.append((number, text))
        index += 1
    flush_text()
    return blocks


def parse_file(path):
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(path, 1, "the file is not UTF-8 text") from None
    text = text.replace("\r\n", "\n")
    if "\x00" in text:
        # The parser uses NUL to hold links' places; a file can never bring its own.
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ContentError(path, line, "the text contains a NUL character")
    meta, body_lines, body_line = split_front_matter(path, text)
    blocks = parse_body(path, body_lines, body_line)
    return ContentFile(path=Path(path), meta=meta, blocks=blocks, body_line=body_line)
