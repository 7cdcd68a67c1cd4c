"""Video meeting links in an invitation's text: Meet, Teams, Zoom, Webex, unwrapped from the link wrappers
mail systems put around them (Outlook Safe Links, Google's redirect). Pure: text in, a link out."""

from __future__ import annotations

import re

MEETING_HOSTS = (
    ("meet.google.com", "Google Meet"),
    ("teams.microsoft.com", "Microsoft Teams"),
    ("teams.live.com", "Microsoft Teams"),
    ("zoom.us", "Zoom"),
    ("zoomgov.com", "Zoom"),
    ("webex.com", "Webex"),
)
"""Hosts of the video meetings an invitation may link to (a subdomain counts: ``acme.zoom.us``)."""

_LINK = re.compile(r"https://[^\s<>\"'()\[\]]+", re.IGNORECASE)
_REDIRECTS = (
    ("safelinks.protection.outlook.com", "url"),
    ("www.google.com", "q"),
    ("google.com", "q"),
)
"""Link wrappers (host, and the query parameter holding the real link): Outlook Safe Links, and Google's
redirect (``https://www.google.com/url?q=...``, only under the path ``/url``)."""


def meeting_link(texts: list[str]) -> str | None:
    """The first Meet, Teams, Zoom or Webex link in ``texts``, unwrapped from Outlook Safe Links or Google's
    redirect (see :func:`unwrap_link`)."""
    from urllib.parse import urlsplit

    for text in texts:
        for match in _LINK.finditer(text):
            link = unwrap_link(match.group(0).rstrip(".,;>"))
            # a browser reads a backslash as "/" in an http(s) address (WHATWG URL), so
            # evil.example\@acme.zoom.us goes to evil.example: the host is checked as the browser sees it
            host = (urlsplit(link.replace("\\", "/")).hostname or "").lower()
            if any(host == known or host.endswith("." + known) for known, _ in MEETING_HOSTS):
                return link
    return None


def unwrap_link(link: str) -> str:
    """The link a wrapper points to: ``https://*.safelinks.protection.outlook.com/?url=<link>&...`` (Outlook
    Safe Links) and ``https://www.google.com/url?q=<link>&...`` (Google's redirect) give ``<link>``, nested
    wrappers too; any other link is itself. Only an https link is taken out of a wrapper."""
    from urllib.parse import parse_qs, urlsplit

    for _ in range(3):
        parts = urlsplit(link.replace("\\", "/"))
        host = (parts.hostname or "").lower()
        key = next(
            (
                key
                for wrapper, key in _REDIRECTS
                if (host == wrapper or host.endswith("." + wrapper))
                and (wrapper != "google.com" or host in ("google.com", "www.google.com"))
                and (not wrapper.endswith("google.com") or parts.path == "/url")
            ),
            None,
        )
        inner = parse_qs(parts.query).get(key or "", [""])[0] if key else ""
        if not inner.lower().startswith("https://"):
            return link
        link = inner
    return link
