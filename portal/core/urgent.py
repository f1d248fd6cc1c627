"""The urgent numbers every reader may need, in one place: the header strip, the footer, the
offline page and the 500 and 503 pages all show them from here.

They are plain values (no database), so the error pages can show them when everything else is
down. Templates get them as `urgent` (the context processor, or passed by hand where there is
no request context): `<a href="tel:{{ urgent.emergency.dial }}">{{ urgent.emergency }}</a>`.
"""

from typing import NamedTuple


class UrgentNumber(NamedTuple):
    shown: str  # as readers see it
    dial: str  # as a tel: link wants it

    def __str__(self):
        return self.shown


URGENT_NUMBERS = {
    "emergency": UrgentNumber("112", "112"),
    "police": UrgentNumber("0900-8844", "09008844"),
    "doctor_after_hours": UrgentNumber("079 343 1600", "+31793431600"),
    "suicide_line": UrgentNumber("113", "113"),
    "suicide_line_free": UrgentNumber("0800-0113", "08000113"),
}


def urgent_context():
    return {"urgent": URGENT_NUMBERS}
