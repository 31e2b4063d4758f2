"""Written ministerial statements: corrections of the record, and following their links."""

from __future__ import annotations

from datetime import date

import frontmatter

from claimcheck.sources.parliament import LICENCE

from .replay import QUESTIONS, serve

STATEMENTS = f"{QUESTIONS}/api/writtenstatements/statements"


def serve_hcws272(mocked):
    serve(mocked, f"{STATEMENTS}/2017-11-27/HCWS272", "statement_HCWS272.json")
    # Its CorrectedAnswer link names the question by id.
    serve(mocked, f"{QUESTIONS}/api/writtenquestions/questions/462871", "question_48635.json")


def test_a_correcting_statement_is_evidence_of_kind_correction(mocked, parliament, writer):
    serve_hcws272(mocked)

    [result] = [writer.write(item) for item in parliament.statement(date(2017, 11, 27), "HCWS272")]

    assert result.path.parent.name == "evidence"
    assert result.path.name == "2017-11-27-hcws272.md"
    post = frontmatter.load(result.path)
    assert post["title"] == "Ministerial Correction: National Pupil Database"
    assert post["kind"] == "correction"
    assert post["date"] == "2017-11-27"
    assert post["reference"] == "HCWS272"
    assert post["url"] == ("https://questions-statements.parliament.uk/written-statements/"
                           "detail/2017-11-27/HCWS272")
    # The linked answer first, then every other question the text names.
    assert post["corrects"] == ["PQ 48635", "PQ 48634", "PQ 52645"]
    assert post["licence"] == LICENCE
    assert "(PQ48634, PQ48635 and PQ52645)" in post.content
    assert post["provenance"]["api"] == "UK Parliament Written Statements API"


def test_as_claim_a_statement_is_written_as_a_statement(mocked, parliament, writer):
    serve_hcws272(mocked)

    [result] = [writer.write(item) for item in
                parliament.statement(date(2017, 11, 27), "HCWS272", as_claim=True)]

    post = frontmatter.load(result.path)
    assert result.path.parent.name == "claims"
    assert post["speaker"] == "Nick Gibb"
    assert post["role"] == "Minister of State for School Standards"
    assert post["venue"] == "written-statement"
    assert post["house"] == "commons"
    assert post["department"] == "Department for Education"
    assert post["reference"] == "HCWS272"


def test_a_statement_with_a_linked_correction_follows_the_link(mocked, parliament, writer):
    serve(mocked, f"{STATEMENTS}/2016-10-25/HCWS201", "statement_HCWS201.json")
    # The API finds statements by date and UIN, so the linked id is looked up in its day's list.
    serve(mocked, STATEMENTS, "statements_2017-11-27.json")
    serve_hcws272(mocked)

    original, correction = [writer.write(item) for item in
                            parliament.statement(date(2016, 10, 25), "HCWS201")]

    first = frontmatter.load(original.path)
    assert original.path.name == "2016-10-25-hcws201.md"
    assert first["kind"] == "statement"  # it is corrected, it corrects nothing
    assert "corrects" not in first.metadata
    fix = frontmatter.load(correction.path)
    assert correction.path.name == "2017-11-27-hcws272.md"
    assert fix["kind"] == "correction"
    assert "PQ 48635" in fix["corrects"]
    assert "Lords Debate on the 31 of October 2016" in fix.content  # the full text, not the list's
    listing = [c.request.url for c in mocked.calls if c.request.url.startswith(STATEMENTS + "?")]
    assert listing == [f"{STATEMENTS}?madeWhenFrom=2017-11-27&madeWhenTo=2017-11-27"
                       "&expandMember=true&take=100"]


def test_links_can_be_left_alone(mocked, parliament):
    serve(mocked, f"{STATEMENTS}/2016-10-25/HCWS201", "statement_HCWS201.json")

    items = parliament.statement(date(2016, 10, 25), "HCWS201", follow=False)

    assert [item.stem for item in items] == ["2016-10-25-hcws201"]
