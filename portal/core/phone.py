"""Phone numbers as the portal accepts and links them.

Dutch numbers (14 079, 0800 5151, (079) 343 1600, 0900-8844, 112) and international ones
(+31 70 333 56 78): an optional +, then digits, spaces, hyphens and brackets, 3 to 15 digits.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]+$")


def validate_phone_number(value):
    value = (value or "").strip()
    if not PHONE_PATTERN.match(value):
        raise ValidationError(
            _("Enter a Dutch or international phone number, for example 14 079."),
            code="invalid_phone",
        )
    digit_count = sum(ch.isdigit() for ch in value)
    if not 3 <= digit_count <= 15:
        raise ValidationError(
            _("A phone number has between 3 and 15 digits."), code="invalid_phone"
        )


def phone_digits(number):
    """The number as a `tel:` link wants it: digits and a leading +."""
    number = number.strip()
    digits = "".join(ch for ch in number if ch.isdigit())
    return ("+" + digits) if number.startswith("+") else digits
