from datetime import date

import frontmatter
from responses import matchers

from claimcheck.sources.parliament import (
    LICENCE,
    OPEN_PARLIAMENT_LICENCE,
    ParliamentApis,
    QuestionSearch,
    government_posts_on,
)

from .replay import QUESTIONS, serve, serve_gibb, serve_question


def test_a_single_question_by_date_tabled_and_uin(mocked, parliament, writer, tmp_path):
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_gibb(mocked)

    results = [writer.write(item) for item in
               parliament.question(tabled=date(2016, 7, 18), uin="42842")]

    assert [(r.action, r.path) for r in results] == [
        ("created", tmp_path / "claims" / "2016-07-25-pq-42842.md")]
    post = frontmatter.load(results[0].path)
    assert post["date"] == "2016-07-25"
    assert post["speaker"] == "Nick Gibb"
    assert post["role"] == "Minister of State for School Standards"
    assert post["department"] == "Department for Education"
    assert post["venue"] == "written-answer"
    assert post["house"] == "commons"
    assert post["reference"] == "PQ 42842"
    assert post["url"] == ("https://questions-statements.parliament.uk/written-questions/"
                           "detail/2016-07-18/42842")
    assert post["question"].startswith("To ask the Secretary of State for Education, whether")
    assert post["licence"] == LICENCE
    assert post["provenance"]["source_url"] == (
        f"{QUESTIONS}/api/writtenquestions/questions/2016-07-18/42842?expandMember=true")
    assert post["provenance"]["api"] == "UK Parliament Written Questions API"
    assert len(post["provenance"]["sha256"]) == 64
    # HTML stripped, entities decoded, paragraphs kept apart.
    paragraphs = post.content.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("The data will be collected solely for the Department’s "
                                    "internal use")


def test_a_single_question_by_id(mocked, parliament):
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_gibb(mocked)

    [item] = parliament.question(question_id=410212)

    assert item.stem == "2016-07-25-pq-42842"
    assert item.key == "pq/410212/answer"


def test_the_post_held_on_the_answer_date():
    posts = [
        {"name": "Minister of State (Education)", "startDate": "2014-07-15T00:00:00",
         "endDate": "2016-07-17T00:00:00"},
        {"name": "Minister of State for School Standards", "startDate": "2016-07-17T00:00:00",
         "endDate": None},
    ]
    assert government_posts_on(posts, date(2016, 7, 16)) == ["Minister of State (Education)"]
    assert government_posts_on(posts, date(2016, 7, 17)) == [
        "Minister of State for School Standards"]
    assert government_posts_on(posts, date(2014, 1, 1)) == []


def test_a_two_page_search_refetches_each_truncated_answer_by_id(mocked, http, writer):
    from claimcheck.sources.parliament import Parliament

    from .replay import APIS
    parliament = Parliament(http, APIS, page_size=2)
    listing = f"{QUESTIONS}/api/writtenquestions/questions"
    wanted = {"searchTerm": "pupil", "answeringBodies": "60", "answered": "Answered",
              "answeredWhenFrom": "2016-07-01", "answeredWhenTo": "2016-10-31", "take": "2"}
    serve(mocked, listing, "questions_search_page1.json",
          match=[matchers.query_param_matcher({**wanted, "skip": "0"})])
    serve(mocked, listing, "questions_search_page2.json",
          match=[matchers.query_param_matcher({**wanted, "skip": "2"})])
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_question(mocked, "question_42942.json", 410318, "2016-07-19", "42942")
    serve_question(mocked, "question_48635.json", 462871, "2016-10-18", "48635")
    serve_gibb(mocked)

    search = QuestionSearch(text="pupil", answered_from=date(2016, 7, 1),
                            answered_to=date(2016, 10, 31), department=60)
    results = [writer.write(item) for item in parliament.questions(search)]

    assert [r.path.name for r in results] == [
        "2016-07-25-pq-42842.md", "2016-07-26-pq-42942.md", "2016-10-27-pq-48635.md"]
    for result in results:
        body = frontmatter.load(result.path).content
        assert not body.endswith("...")
        assert len(body) > 258  # longer than the list's 255 characters and "..."
    fetched_by_id = [call.request.url for call in mocked.calls
                     if "/questions/4" in call.request.url]
    assert len(fetched_by_id) == 3


def test_a_corrected_answer_yields_the_statement_and_the_correction(mocked, parliament, writer):
    serve_question(mocked, "question_48635_corrected.json", 462871, "2016-10-18", "48635")
    serve_gibb(mocked)

    statement, correction = [writer.write(item) for item in
                             parliament.question(question_id=462871)]

    answer = frontmatter.load(statement.path)
    assert statement.path.name == "2016-10-27-pq-48635.md"
    assert answer["date"] == "2016-10-27"
    assert "2,462 individuals" in answer.content

    fix = frontmatter.load(correction.path)
    assert correction.path.parent.name == "evidence"
    assert correction.path.name == "2017-11-27-pq-48635-correction.md"
    assert fix["kind"] == "correction"
    assert fix["date"] == "2017-11-27"
    assert fix["corrects"] == ["PQ 48635"]
    assert fix["licence"] == LICENCE
    assert fix.content.startswith("Correction to the answer to PQ 48635 of 27 October 2016.\n\n")
    assert "1,989 individuals" in fix.content


def test_lords_questions_are_cited_with_their_hl_uin():
    from claimcheck.sources.parliament import pq_reference, pq_references_in
    assert pq_reference("HL1234") == "PQ HL1234"
    assert pq_references_in("(PQ48634, PQ 48635 and UIN HL1234)") == [
        "PQ 48634", "PQ 48635", "PQ HL1234"]


def test_base_urls_come_from_the_environment():
    apis = ParliamentApis.from_env({"CLAIMCHECK_QUESTIONS_API": "http://127.0.0.1:8000/",
                                    "CLAIMCHECK_MEMBERS_API": "http://mirror.test"})
    assert apis == ParliamentApis("http://127.0.0.1:8000",
                                  "https://hansard-api.parliament.uk", "http://mirror.test")
    assert ParliamentApis.from_env({}) == ParliamentApis()


def test_the_licence_notice_is_the_one_parliament_asks_for():
    assert OPEN_PARLIAMENT_LICENCE == ("Contains Parliamentary information licensed under the "
                                       "Open Parliament Licence v3.0.")
