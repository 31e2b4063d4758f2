"""Version links (``judge.rules.supersession``) found by grouping titles give exactly the links
that scoring every pair of agreements gave."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from claimcheck.dates import Order, PartialDate
from claimcheck.judge.rules import VERSION, _unversioned, supersession
from claimcheck.model import Evidence


def all_pairs(items: list[Evidence]) -> dict[str, list[str]]:
    """The links as they were first built: every pair of versioned agreements scored."""
    ids = {e.id for e in items}
    successors: dict[str, list[Evidence]] = defaultdict(list)
    declared = [(old, item) for item in items for old in item.supersedes if old in ids]
    for old, item in declared:
        successors[old] += [] if item in successors[old] else [item]
    versioned = [(e, _unversioned(e.title)) for e in items
                 if e.kind == "agreement" and (e.version or VERSION.search(e.title))]
    for a, a_title in versioned:
        for b, b_title in versioned:
            if a is b or fuzz.token_sort_ratio(a_title, b_title) < 85:
                continue
            if a.date.compare(b.date) is Order.BEFORE and b not in successors[a.id]:
                successors[a.id].append(b)
    return {k: [e.id for e in sorted(v, key=lambda e: e.date.start)]
            for k, v in successors.items()}


TITLES = ["Memorandum of Understanding between the Home Office and the Department for Education",
          "Memorandum of Understanding between the Home Office and the Department of Health",
          "Data sharing agreement: HMRC and DWP", "Data Sharing Agreement HMRC and DWP (draft)",
          "MoU", "Agreement on landing cards", ""]


def corpus(rng: random.Random, size: int) -> list[Evidence]:
    items = []
    for n in range(size):
        month = rng.choice([None, rng.randint(1, 12)])
        day = rng.randint(1, 28) if month and rng.random() < 0.7 else None
        title = rng.choice(TITLES) + rng.choice(["", " v1.0", " v2", " version 3", " 12 May 2016"])
        items.append(Evidence(
            id=f"e{n}", title=title, kind=rng.choice(["agreement", "agreement", "foi"]),
            date=PartialDate(rng.randint(2014, 2016), month, day), text="",
            path=Path(f"e{n}.md"), version=rng.choice([None, "1"]),
            supersedes=tuple(f"e{rng.randrange(size)}" for _ in range(rng.randint(0, 2)))))
    return items


def test_grouped_links_are_the_all_pairs_links():
    rng = random.Random(14)
    for _ in range(150):
        items = corpus(rng, rng.randint(2, 60))
        found = {k: [e.id for e in v] for k, v in supersession(items).items()}
        assert found == all_pairs(items)


def test_versions_of_one_agreement_link_in_date_order():
    def mou(ident: str, title: str, date: PartialDate) -> Evidence:
        return Evidence(id=ident, title=title, kind="agreement", date=date, text="")

    items = [mou("v2", "MoU on pupil data v2.0", PartialDate(2016, 6, 1)),
             mou("v1", "MoU on pupil data v1.0", PartialDate(2015, 12, 18)),
             mou("v3", "MoU on pupil data v3.0 (17 October 2016)", PartialDate(2016, 10, 17)),
             mou("same-month", "MoU on pupil data v2.1", PartialDate(2016, 6))]
    links = {k: [e.id for e in v] for k, v in supersession(items).items()}
    # "June 2016" cannot be placed against 1 June 2016: neither replaces the other.
    assert links == {"v1": ["v2", "same-month", "v3"], "v2": ["v3"], "same-month": ["v3"]}
