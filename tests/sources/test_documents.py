"""Local documents (`claimcheck add`): PDF, HTML and text into evidence or statements."""

from __future__ import annotations

import shutil
from pathlib import Path

import frontmatter
import pytest

from claimcheck.errors import DocumentError, InputError
from claimcheck.sources.documents import Document, document_item, extract_text, html_to_text

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
    assert post.content == ("Memorandum of Understanding between the Home Office and the "
                            "Department for Education\nVersion 1.0, 18 December 2015\n"
                            "15.2.6 (once collected) Nationality")
    assert post["provenance"]["source_url"] == str(pdf.resolve())
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
    (Document(Path("x.txt"), "25/07/2016"), False,
     "field '--date': '25/07/2016' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"),
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
