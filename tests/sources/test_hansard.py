"""Hansard: contributions with column numbers, debate titles and the questions they answer."""

from __future__ import annotations

from datetime import date

import frontmatter
from responses import matchers

from claimcheck.sources.parliament import HansardSearch, hansard_slug, parse_attribution

from .replay import HANSARD, serve

DEBATE = "6A0C5A5E-3B1A-4D47-9B61-2E1F4C0B5D21"
DEBATE_URL = f"{HANSARD}/debates/debate/{DEBATE}.json"


def test_a_lords_debate_gives_each_contribution_its_column(mocked, parliament, writer):
    serve(mocked, DEBATE_URL, "hansard_debate_lords_2016-10-12.json")

    items = list(parliament.debate_items(DEBATE))

    assert [(i.fields["speaker"], i.fields["reference"]) for i in items] == [
        ("Lord Storey", "HL Deb 12 October 2016, col 2369"),
        ("Viscount Younger of Leckie", "HL Deb 12 October 2016, col 2369"),
        # The column changed inside the previous contribution (a data-column-number span).
        ("Lord Storey", "HL Deb 12 October 2016, col 2370"),
        ("Viscount Younger of Leckie", "HL Deb 12 October 2016, col 2370"),
        ("Baroness Jones of Moulsecoomb", "HL Deb 12 October 2016, col 2371"),
        ("Viscount Younger of Leckie", "HL Deb 12 October 2016, col 2371"),
    ]
    reassurance = writer.write(items[3])
    post = frontmatter.load(reassurance.path)
    assert reassurance.path.name == "2016-10-12-hl-deb-col2370-3f1e2d4c.md"
    assert post["date"] == "2016-10-12"
    assert post["role"] == "The Lord-in-Waiting"
    assert post["venue"] == "oral"
    assert post["house"] == "lords"
    assert post["title"] == "Schools: Pupil Nationality Data"
    assert post["question"].endswith("will not be passed to the Home Office?")
    assert post["url"] == (f"https://hansard.parliament.uk/Lords/2016-10-12/debates/{DEBATE}/"
                           "SchoolsPupilNationalityData#contribution-"
                           "3F1E2D4C-0000-4A1B-8C2D-000000000004")
    assert post.content == ("My Lords, I reassure the House that the information is kept within "
                            "the Department for Education and is not passed on to the Home Office.")
    assert post["provenance"]["api"] == "UK Parliament Hansard API"


def test_only_a_contribution_after_a_question_carries_one(mocked, parliament):
    serve(mocked, DEBATE_URL, "hansard_debate_lords_2016-10-12.json")

    questions = [i.fields.get("question") for i in parliament.debate_items(DEBATE)]

    assert questions[0] is None
    assert questions[1].startswith("To ask Her Majesty’s Government what assessment")
    assert questions[5] is None  # Baroness Jones made a point, she did not ask


def test_a_search_finds_contributions_whatever_the_case_of_their_ids(mocked, parliament):
    serve(mocked, f"{HANSARD}/search/contributions/Spoken.json", "hansard_search_home_office.json",
          match=[matchers.query_param_matcher({
              "queryParameters.house": "Lords",
              "queryParameters.startDate": "2016-10-12",
              "queryParameters.endDate": "2016-10-12",
              "queryParameters.searchTerm": "Home Office",
              "queryParameters.orderBy": "SittingDateAsc",
              "queryParameters.skip": "0",
              "queryParameters.take": "20",
          })])
    serve(mocked, f"{HANSARD}/debates/debate/{DEBATE.lower()}.json",
          "hansard_debate_lords_2016-10-12.json")

    items = list(parliament.hansard(HansardSearch(on=date(2016, 10, 12), text="Home Office",
                                                  house="lords")))

    assert [i.key for i in items] == ["hansard/3f1e2d4c-0000-4a1b-8c2d-000000000002",
                                      "hansard/3f1e2d4c-0000-4a1b-8c2d-000000000004"]


def test_attributions_split_into_speaker_and_post():
    assert parse_attribution("Lord Storey (LD)") == ("Lord Storey", None)
    assert parse_attribution("The Minister of State, Department for Education (Lord Nash) (Con)") \
        == ("Lord Nash", "The Minister of State, Department for Education")
    assert parse_attribution("The Minister for School Standards (Nick Gibb)") == (
        "Nick Gibb", "The Minister for School Standards")
    assert parse_attribution("Nick Gibb") == ("Nick Gibb", None)


def test_slugs_follow_the_title():
    assert hansard_slug("Schools: Pupil Nationality Data") == "SchoolsPupilNationalityData"
