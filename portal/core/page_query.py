"""The query parameters that change what a public page shows.

Each app registers the parameters its public pages read, with a function that gives a value's
canonical form ("" when it means the same as leaving it out). The page cache keys pages on
these alone, sorted and canonical, so any other parameter (?utm_source=…, ?fbclid=…) and any
spelling of the same filter lands on one cached page, and the number of cached pages stays
bounded by what the site offers. A page that finds a registered value it does not accept
answers `Cache-Control: no-store`, so made-up values are rendered but never stored.
"""

PARAMETERS = {}


def page_query_parameter(name, canonical=str):
    PARAMETERS[name] = canonical


def checkbox(value):
    """A checkbox as Django's BooleanField reads it: "false" and "0" are off."""
    return "" if value.strip().lower() in ("", "false", "0") else "on"


def canonical_query(query):
    """(name, value) pairs of the registered parameters in `query` (a QueryDict), by name.
    The last value of a repeated parameter counts, as forms read it."""
    pairs = []
    for name in sorted(PARAMETERS.keys() & query.keys()):
        value = PARAMETERS[name](query.get(name, ""))
        if value:
            pairs.append((name, value))
    return tuple(pairs)
