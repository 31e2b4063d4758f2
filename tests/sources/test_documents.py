"""Local documents (`claimcheck add`): PDF, HTML and text into evidence or statements."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import frontmatter
import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.errors import DocumentError, InputError
from claimcheck.sources.documents import (
    Document,
    document_item,
    extract_text,
    html_to_text,
    web_page,
)

from .pdfs import make_pdf
from .replay import RECORDINGS

NOW = "2024-03-01T12:00:00+00:00"


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    return Path(shutil.copy(RECORDINGS / "mou_extract.pdf", tmp_path / "mou_extract.pdf"))


def test_a_pdf_becomes_evidence(pdf, writer):
    document = Document(pdf, "2015-12-18", kind="agreement", disclosed="2016-12-15")

    result = writer.write(document_item(document, as_claim=False, fetched_at=NOW))

    assert result.path.name == "2015-12-18-mou-extract.md"
    post = frontmatter.load(result.path)
    assert post["title"] == "MOU DfE HO v1.0"  # from the PDF's metadata
    assert post["kind"] == "agreement"
    assert post["date"] == "2015-12-18"
    assert post["disclosed"] == "2016-12-15"
    # Two lines drawn alike, with no gap between them, read as one paragraph.
    assert post.content == ("<!-- page 1 -->\n\nMemorandum of Understanding between the Home "
                            "Office and the Department for Education Version 1.0, 18 December "
                            "2015\n\n15.2.6 (once collected) Nationality")
    assert post["provenance"]["source_url"] == str(pdf.resolve())
    assert post["provenance"]["item"] == pdf.resolve().as_uri()  # file:///..., with its colon
    assert post["provenance"]["api"] == "local file"
    assert len(post["provenance"]["sha256"]) == 64


def test_a_document_can_be_a_statement(tmp_path, writer):
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ms Persson,\n\nThe data will not be\nshared with the Home Office.\n",
                      encoding="utf-8")
    document = Document(letter, "2016-09-01", speaker="Nick Gibb", venue="correspondence")

    result = writer.write(document_item(document, as_claim=True, fetched_at=NOW))

    post = frontmatter.load(result.path)
    assert result.path.parent.name == "claims"
    assert (post["speaker"], post["venue"], post["date"]) == (
        "Nick Gibb", "correspondence", "2016-09-01")
    assert post.content == "Dear Ms Persson,\n\nThe data will not be shared with the Home Office."


def test_html_keeps_paragraphs_and_drops_scripts():
    html = ("<html><head><title>x</title><script>var a;</script></head><body><h1>Minutes</h1>"
            "<p>The board <b>approved</b>&nbsp;the change.</p><ul><li>one</li><li>two</li></ul>"
            "</body></html>")
    assert html_to_text(html) == "Minutes\n\nThe board approved the change.\n\none\n\ntwo"


def test_unsupported_files_say_what_to_do(tmp_path):
    doc = tmp_path / "minutes.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(DocumentError) as error:
        extract_text(doc)
    assert str(error.value) == (f"{doc}: cannot read '.docx' files; save it as PDF, HTML or "
                                "plain text (.txt) first")


def test_a_broken_pdf_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really")
    with pytest.raises(DocumentError, match=r"broken\.pdf: "):
        extract_text(broken)


@pytest.mark.parametrize(("document", "as_claim", "message"), [
    (Document(Path("x.txt"), "07/25/2016"), False,
     "field '--date': '07/25/2016' is read day first (DD/MM/YYYY), never month first, and there "
     "is no month 25; if you meant 25 July 2016, write 2016-07-25"),
    (Document(Path("x.txt"), "soon"), False, "field '--date': 'soon' is not a date"),
    (Document(Path("x.txt"), "2016", kind="rumour"), False,
     "field '--kind': 'rumour' is not a kind of evidence"),
    (Document(Path("x.txt"), "2016"), True, "field '--speaker': a statement needs a speaker"),
])
def test_options_are_checked(tmp_path, monkeypatch, document, as_claim, message):
    monkeypatch.chdir(tmp_path)
    Path("x.txt").write_text("text", encoding="utf-8")
    with pytest.raises(InputError) as error:
        document_item(document, as_claim=as_claim, fetched_at=NOW)
    assert str(error.value).startswith(message)


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pupil data: letter to the Home Office - GOV.UK</title></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a>
</nav></header>
<main><article>
<h1>Pupil data: letter to the Home Office</h1>
<p>The Department for Education will not share pupils' nationality data with the Home
Office.</p>
<p>The data collected in the school census is used for statistical purposes only, and the
Department has no plans to pass it on.</p>
</article>
<aside><h2>Related content</h2><ul><li><a href="/a">School census guide</a></li></ul></aside>
</main>
<footer><p>All content is available under the Open Government Licence, except where otherwise
stated.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/cookies">Cookies</a></li></ul>
</footer>
</body></html>
"""


def test_a_web_page_gives_its_title_and_main_content_without_navigation(tmp_path, writer):
    page = tmp_path / "letter.html"
    page.write_text(PAGE, encoding="utf-8")
    document = Document(page, "2016-09-01", kind="letter")

    post = frontmatter.load(writer.write(document_item(document, as_claim=False,
                                                       fetched_at=NOW)).path)

    assert post["title"] == "Pupil data: letter to the Home Office"
    assert post.content == (
        "Pupil data: letter to the Home Office\n\n"
        "The Department for Education will not share pupils' nationality data with the Home "
        "Office.\n\n"
        "The data collected in the school census is used for statistical purposes only, and the "
        "Department has no plans to pass it on.")


def test_a_page_too_small_for_the_extractor_is_read_whole_less_its_navigation():
    page = ("<html><head><title>x</title></head><body><nav>Home | News</nav><h1>Minutes</h1>"
            "<p>The board <b>approved</b> the change.</p><footer>Contact us</footer></body></html>")
    assert web_page(page).text == "Minutes\n\nThe board approved the change."


def test_a_pdf_s_wrapped_lines_become_paragraphs_with_their_page_numbers(tmp_path, writer):
    pdf = make_pdf(tmp_path / "inspection.pdf", [
        ["Inspection summary",
         "",
         "The local authority has commissioned new places in the",
         "special school for 40",
         "children. The places open in Sep-",
         "tember 2024 and are funded by the Department for",
         "Education.",
         "\tA second paragraph starts with an indent and wraps onto",
         "the next line.",
         "15.2.6 (once collected) Nationality"],
        ["The Home Office will use the data for immigration",
         "enforcement."],
    ], title="Inspection of local area SEND provision")
    document = Document(pdf, "2024-03-01", kind="report")

    result = writer.write(document_item(document, as_claim=False, fetched_at=NOW))

    post = frontmatter.load(result.path)
    assert post["title"] == "Inspection of local area SEND provision"
    assert post.content.split("\n\n") == [
        "<!-- page 1 -->",
        "Inspection summary",
        "The local authority has commissioned new places in the special school for 40 "
        "children. The places open in September 2024 and are funded by the Department for "
        "Education.",
        "A second paragraph starts with an indent and wraps onto the next line.",
        "15.2.6 (once collected) Nationality",
        "<!-- page 2 -->",
        "The Home Office will use the data for immigration enforcement.",
    ]
    # The page lines are for the reader checking a quote; the check reads past them.
    claims = result.path.parent.parent / "claims"
    claims.mkdir(exist_ok=True)
    corpus = load_corpus(claims, result.path.parent)
    assert corpus.problems == ()
    (evidence,) = corpus.evidence
    assert "page" not in evidence.text
    assert "for 40 children." in evidence.text


@pytest.mark.parametrize(("given", "written"), [
    ("25/07/2016", "2016-07-25"), ("25.07.2016", "2016-07-25"), ("25 July 2016", "2016-07-25"),
    ("July 2016", "2016-07"), ("2016", "2016"), ("2016-07-25", "2016-07-25"),
])
def test_dates_are_read_as_corpus_files_read_them(tmp_path, monkeypatch, writer, given, written):
    monkeypatch.chdir(tmp_path)
    Path("x.txt").write_text("The board approved the change.", encoding="utf-8")
    item = document_item(Document(Path("x.txt"), given, disclosed=given), as_claim=False,
                         fetched_at=NOW)
    assert (item.fields["date"], item.fields["disclosed"]) == (written, written)


def test_a_file_added_with_the_old_colonless_key_is_found_again(tmp_path, writer):
    letter = tmp_path / "letter.txt"
    letter.write_text("The data will not be shared.", encoding="utf-8")
    document = Document(letter, "2016-09-01", kind="letter")
    item = document_item(document, as_claim=False, fetched_at=NOW)
    first = writer.write(replace(item, key=f"file/{letter.resolve()}", former_keys=()))

    again = writer.write(document_item(document, as_claim=False, fetched_at=NOW))

    assert again.path == first.path
    assert frontmatter.load(again.path)["provenance"]["item"] == letter.resolve().as_uri()
    assert sorted(p.name for p in first.path.parent.iterdir()) == [first.path.name]
