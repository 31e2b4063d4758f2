"""Writing items: the same file on a re-fetch, hand edits kept and reported, no partial files."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.errors import OutputError
from claimcheck.sources.writer import CorpusWriter, Item, KeptEdit, Provenance, merge, value_hash


def answer(**changes) -> Item:
    fields = {"date": "2016-07-25", "speaker": "Nick Gibb",
              "role": "Minister of State for School Standards", "venue": "written-answer",
              "reference": "PQ 42842"}
    fields.update(changes.pop("fields", {}))
    values = {"kind": "statement", "key": "pq/410212/answer", "stem": "2016-07-25-pq-42842",
              "fields": fields, "body": "The data will be collected solely for internal use.",
              "provenance": Provenance("https://api.test/q/410212", "test", "2024-03-01T12:00:00",
                                       "a" * 64)}
    values.update(changes)
    return Item(**values)


def edit(path: Path, **fields) -> None:
    post = frontmatter.load(path)
    post.metadata.update(fields)
    path.write_text(frontmatter.dumps(post) + "\n", encoding="utf-8")


def test_refetching_updates_the_same_file(writer, tmp_path):
    first = writer.write(answer())
    again = CorpusWriter(tmp_path / "claims", tmp_path / "evidence").write(answer(
        body="The data will be collected solely for internal use. Updated.",
        provenance=Provenance("https://api.test/q/410212", "test", "2024-03-02T09:00:00",
                              "b" * 64)))

    assert first.action == "created"
    assert (again.action, again.path, again.kept) == ("updated", first.path, ())
    assert list((tmp_path / "claims").iterdir()) == [first.path]
    assert frontmatter.load(first.path).content.endswith("Updated.")


def test_refetching_the_same_content_changes_nothing(writer):
    path = writer.write(answer()).path
    before = path.read_text(encoding="utf-8")

    later = answer(provenance=Provenance("https://api.test/q/410212", "test",
                                         "2025-01-01T00:00:00", "a" * 64))
    assert writer.write(later).action == "unchanged"
    assert path.read_text(encoding="utf-8") == before


def test_a_hand_edit_is_kept_and_reported(writer, tmp_path):
    path = writer.write(answer()).path
    edit(path, role="Minister of State for Schools", effective_from="2016-07")

    fresh = CorpusWriter(tmp_path / "claims", tmp_path / "evidence")
    result = fresh.write(answer(fields={"speaker": "Rt Hon Nick Gibb"}))

    post = frontmatter.load(path)
    assert post["role"] == "Minister of State for Schools"  # the person's edit
    assert post["effective_from"] == "2016-07"  # a field the person added
    assert post["speaker"] == "Rt Hon Nick Gibb"  # not edited, so the source's new value
    assert result.kept == (KeptEdit("role", "Minister of State for School Standards"),)
    # The edit is still recognised as one on the next fetch.
    assert fresh.write(answer(fields={"speaker": "Rt Hon Nick Gibb"})).kept == result.kept


def test_a_renamed_file_is_found_by_its_key(writer, tmp_path):
    path = writer.write(answer()).path
    renamed = path.with_name("gibb-census-answer.md")
    path.rename(renamed)

    result = CorpusWriter(tmp_path / "claims", tmp_path / "evidence").write(answer())

    assert result.path == renamed
    assert sorted(p.name for p in (tmp_path / "claims").iterdir()) == ["gibb-census-answer.md"]


def test_a_different_item_with_the_same_name_gets_its_own_file(writer):
    writer.write(answer())
    other = writer.write(answer(key="pq/999999/answer"))
    assert other.path.name == "2016-07-25-pq-42842-2.md"


def test_a_hand_written_file_of_the_same_name_is_merged_not_replaced(writer, tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "2016-07-25-pq-42842.md").write_text(
        "---\ndate: 2016-07-25\nspeaker: Nick Gibb MP\nvenue: written-answer\n---\n"
        "Typed by hand.\n",
        encoding="utf-8")

    result = writer.write(answer())

    post = frontmatter.load(result.path)
    assert post["speaker"] == "Nick Gibb MP"
    assert post.content == "Typed by hand."
    assert post["reference"] == "PQ 42842"  # added from the source
    assert {k.field for k in result.kept} == {"speaker", "body"}


def test_a_hand_written_file_of_the_same_citation_is_merged(writer, tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    typed = claims / "2016-07-25-gibb-pq-42842.md"
    typed.write_text("---\ndate: 2016-07-25\nspeaker: Nick Gibb\nvenue: written-answer\n"
                     "reference: PQ 42842\n---\nTyped by hand.\n", encoding="utf-8")

    result = writer.write(answer())

    assert result.path == typed
    assert sorted(p.name for p in claims.iterdir()) == ["2016-07-25-gibb-pq-42842.md"]


def test_a_failed_write_leaves_no_partial_file(writer, tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("claimcheck.atomic.os.replace", broken_replace)

    with pytest.raises(OutputError, match="No space left on device"):
        writer.write(answer())

    assert list((tmp_path / "claims").iterdir()) == []


def test_an_unreadable_file_is_not_overwritten(writer, tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    target = claims / "2016-07-25-pq-42842.md"
    target.write_text("---\ndate: [unclosed\n---\nx\n", encoding="utf-8")

    with pytest.raises(OutputError, match="exists but cannot be read"):
        writer.write(answer())
    assert target.read_text(encoding="utf-8") == "---\ndate: [unclosed\n---\nx\n"


def test_merge_keeps_a_deleted_field_deleted():
    fetched = {"role": "Minister", "body": "text"}
    hashes = {name: value_hash(v) for name, v in fetched.items()}
    merged, kept = merge({"body": "text"}, fetched, hashes)
    assert merged == {"body": "text"}
    assert kept == [KeptEdit("role", "Minister")]


values = st.dictionaries(st.sampled_from(["date", "speaker", "role", "reference", "body"]),
                         st.one_of(st.text(), st.lists(st.text(), max_size=3)), min_size=1)


@given(fetched=values, refetched=values)
def test_without_hand_edits_a_refetch_takes_the_source_as_it_is(fetched, refetched):
    hashes = {name: value_hash(v) for name, v in fetched.items()}
    merged, kept = merge(fetched, refetched, hashes)
    assert (merged, kept) == (refetched, [])
