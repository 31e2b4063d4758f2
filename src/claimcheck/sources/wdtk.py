"""Freedom of Information requests from WhatDoTheyKnow (an Alaveteli site) as evidence.

The request's JSON gives its title, authority, state and events, but no message text and no
attachment names: those are only on the request's HTML page, which is read for attachment links.
The evidence is disclosed on the date of the authority's first response.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from claimcheck.errors import InputError, ResponseError
from claimcheck.sources.http import HttpClient
from claimcheck.sources.parliament import conform, uk_date
from claimcheck.sources.writer import Item, Provenance

DEFAULT_SITE = "https://www.whatdotheyknow.com"
API = "WhatDoTheyKnow request JSON"

REQUEST = {"url_title": str, "title": str, "public_body": {"name": str}, "user": {"name": str},
           "described_state": str, "created_at": str, "info_request_events": list}
EVENT = {"event_type": str, "created_at": str}
_URL_TITLE = re.compile(r"^[a-z0-9_]+$")
_ATTACHMENT = re.compile(r"/request/[^/]+/response/\d+/attach/\d+/")


def site_from_env(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return env.get("CLAIMCHECK_WDTK_URL", DEFAULT_SITE).rstrip("/")


def url_title_of(text: str) -> str:
    """The request's URL title, from itself or from a link to the request."""
    text = text.strip()
    if match := re.search(r"/request/([^/?#]+)", text):
        text = match.group(1)
    if not _URL_TITLE.match(text):
        raise InputError(f"'{text}' is not a WhatDoTheyKnow request; give the part of its "
                         "address after /request/, e.g. pupil_nationality_data", field="REQUEST")
    return text


def event_day(timestamp: Any) -> date | None:
    """The local (London) day of ``"2023-07-07T18:13:51.629+01:00"``: the offset is kept."""
    try:
        return datetime.fromisoformat(str(timestamp)).date()
    except ValueError:
        return None


@dataclass(frozen=True)
class FoiRequest:
    url_title: str
    title: str
    authority: str
    status: str
    requester: str
    created: date | None
    first_response: date

    @classmethod
    def from_api(cls, payload: Any, url: str) -> FoiRequest:
        if not isinstance(payload, dict) or not payload.get("url_title"):
            raise ResponseError("not a request: no 'url_title'; is the WhatDoTheyKnow URL right?",
                                url)
        conform(payload, REQUEST, url)
        for event in payload.get("info_request_events") or []:
            conform(event if isinstance(event, dict) else {}, EVENT, url,
                    where="info_request_events.")
        title = payload["url_title"]
        if not isinstance(title, str) or not _URL_TITLE.match(title):
            raise ResponseError(f"the request's url_title {str(title)[:60]!r} is "
                                "not a WhatDoTheyKnow URL title", url)
        responses = sorted(day for event in payload.get("info_request_events") or []
                           if isinstance(event, dict) and event.get("event_type") == "response"
                           and (day := event_day(event.get("created_at"))))
        if not responses:
            raise ResponseError("the authority has not responded to this request yet, so "
                                "nothing has been disclosed", url)
        return cls(
            url_title=str(payload["url_title"]),
            title=str(payload.get("title") or payload["url_title"]).strip(),
            authority=str((payload.get("public_body") or {}).get("name") or "").strip(),
            status=str(payload.get("described_state") or "").strip(),
            requester=str((payload.get("user") or {}).get("name") or "").strip(),
            created=event_day(payload.get("created_at")),
            first_response=responses[0],
        )


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def attachment_links(html: str, site: str) -> list[str]:
    """Absolute links to the attachments on a request page, once each, in page order.

    The HTML previews (``/attach/html/...``) are left out: they are views of the same files.
    """
    parser = _Links()
    parser.feed(html)
    links = []
    for href in parser.hrefs:
        path = urlsplit(href).path
        if _ATTACHMENT.search(path) and "/attach/html/" not in path:
            links.append(urljoin(site + "/", path))
    return list(dict.fromkeys(links))


def foi_item(request: FoiRequest, attachments: list[str], provenance: Provenance,
             site: str) -> Item:
    made = f" on {uk_date(request.created)}" if request.created else ""
    by = f" by {request.requester}" if request.requester else ""
    lines = [
        f'Freedom of Information request "{request.title}" to '
        f"{request.authority or 'a public body'}, made{made}{by}. The authority first "
        f"responded on {uk_date(request.first_response)}. Status: {request.status or 'unknown'}.",
    ]
    if attachments:
        lines.append("Attachments (add their text with `claimcheck add`):\n"
                     + "\n".join(f"- {link}" for link in attachments))
    fields = {
        "title": request.title,
        "kind": "foi-response",
        "date": request.first_response.isoformat(),
        "disclosed": request.first_response.isoformat(),
        "authority": request.authority or None,
        "status": request.status or None,
        "url": f"{site}/request/{request.url_title}",
        "attachments": attachments or None,
    }
    present = {k: v for k, v in fields.items() if v is not None}
    stem = f"{request.first_response.isoformat()}-foi-{request.url_title}"
    return Item("evidence", f"wdtk/{request.url_title}", stem, present, "\n\n".join(lines),
                provenance)


class WhatDoTheyKnow:
    def __init__(self, http: HttpClient, site: str | None = None) -> None:
        self.http = http
        self.site = (site or DEFAULT_SITE).rstrip("/")

    def request(self, url_title: str) -> Item:
        """A request as evidence: its JSON for the facts, its page for attachment links."""
        url_title = url_title_of(url_title)
        page_url = f"{self.site}/request/{url_title}"
        response = self.http.get(f"{page_url}.json",
                                 validate=lambda p: FoiRequest.from_api(p, f"{page_url}.json"))
        request = FoiRequest.from_api(response.json(), response.url)
        page = self.http.get(page_url, expect_json=False)
        provenance = Provenance(response.url, API, response.fetched_at, response.sha256)
        return foi_item(request, attachment_links(page.text, self.site), provenance, self.site)
