"""Telling readers apart from bots, without keeping anything about the reader. (Limits per
client - feedback, page views - are core.ratelimit's, kept only in the cache.)"""

import re

# A simple rule, as the issue asks: crawlers, link previews, monitors, scripts and headless
# browsers name themselves; real browsers all send "Mozilla/".
BOT_WORDS = re.compile(
    r"bot|crawl|spider|slurp|preview|monitor|uptime|check|scan|fetch|headless|lighthouse|"
    r"python|curl|wget|http|java/|go-http|okhttp|axios|node|facebookexternalhit|embedly",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return (
        not user_agent or "mozilla/" not in user_agent.lower() or bool(BOT_WORDS.search(user_agent))
    )
