"""CSV files people open in a spreadsheet: the one place where cells are made safe.

Excel, LibreOffice and Google Sheets run a cell that starts with = + - or @ as a formula (and
strip a leading tab or carriage return first), so a reader who searches for or comments
`=HYPERLINK(...)` or `=cmd|...` could plant a formula in an editor's spreadsheet. Every CSV the
admin offers goes through `safe_cell`: such a cell gets a leading apostrophe, which spreadsheets
show as plain text. Numbers, dates and other cells are written as they are.

Not used for the HSDS open-data files (/api/hsds/export.zip): they are data for programs in a
published standard, not for spreadsheets, and their phone numbers rightly start with "+".
"""

import csv

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(row):
    return [safe_cell(cell) for cell in row]


def csv_download(filename, headings, rows):
    """A CSV attachment whose every cell has gone through `safe_cell`."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(safe_row(str(heading) for heading in headings))
    for row in rows:
        writer.writerow(safe_row(row))
    return response


class SafeSpreadsheetExportMixin:
    """For Wagtail's listing and report views with `list_export`: the CSV download's cells go
    through `safe_cell`. (Its XLSX download already stores every text as text.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return safe_cell(value)
        return value
