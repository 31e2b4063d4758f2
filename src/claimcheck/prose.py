"""Plain facts about how parliamentary prose is written, shared by the readers above."""

from __future__ import annotations

import re

# Written with a full stop in Hansard and in citations; never the end of a sentence there.
ABBREVIATIONS = frozenset({
    "hon", "rt", "col", "cols", "vol", "vols", "para", "paras", "no", "nos", "mr", "mrs", "ms",
    "dr", "st", "cl", "sch", "art", "arts", "reg", "regs", "pp", "p", "c", "cc", "ch", "sec",
    "fig", "approx", "cf", "ibid", "op", "cit", "sq", "gov", "dept", "govt", "hansard", "wq",
})

# Abbreviations that are also words: "No. 10" is a number, but "No. They were right." is an
# answer, then a sentence.
ALSO_WORDS = frozenset({"no", "p", "c"})


def ends_sentence(abbreviation: str, following: str) -> bool:
    """Does a sentence end after this abbreviation, given the word that follows it?"""
    return abbreviation in ALSO_WORDS and following.istitle() and following.isalpha()

_STOP = re.compile(r"(?<=[.!?])\s+")


def plain_sentences(text: str) -> list[str]:
    """A document's sentences, split at full stops, question and exclamation marks, but never
    after "hon." or "col.": enough to find the sentence that names or corrects something,
    without parsing the document again."""
    sentences: list[str] = []
    start = 0
    for stop in _STOP.finditer(text):
        before = text[start:stop.start()]
        last = before.rsplit(None, 1)[-1] if before.split() else ""
        word = last.rstrip(".").lstrip("([").lower()
        following = re.match(r"\w*", text[stop.end():])[0]
        if last.endswith(".") and word in ABBREVIATIONS and not ends_sentence(word, following):
            continue   # "the right hon. and learned Member", "col. 909"; but "No. They were."
        sentences.append(text[start:stop.start()].strip())
        start = stop.end()
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


# A sentence whose whole subject is the sentence before it: "That is factually incorrect.",
# "This was not accurate.", "That claim was untrue." ("It is not true that X" carries its own
# clause, so an "it" followed by "that" or "to" is not one.)
_REFUTES_BEFORE = re.compile(
    r"^[\s\"'\u201c\u201d\u2018\u2019(\[\].\u2026]*(?:(?:that|this|these|those|the)\s+(?:claim|claims|"
    r"statement|statements|figure|figures|assertion|suggestion|answer|remark|remarks|account|"
    r"assurance|description|impression|position|line)|that|this|it|which)\s+(?:is|was|were|are|has\s+been|"
    r"had\s+been)\s+(?:(?:simply|plainly|clearly|entirely|wholly|completely|factually|also|"
    r"therefore|however|now\s+known\s+to\s+be|not\s+only)\s+|,\s*however,\s*)?"
    r"(?:not\s+(?:correct|accurate|true|right|the\s+case)|incorrect|inaccurate|untrue|false|"
    r"wrong|mistaken|misleading)\b(?!\s+(?:that|to|for)\b)", re.I)


def refutes_the_sentence_before(sentence: str) -> bool:
    """Does ``sentence`` say that what the sentence before it said is untrue ("The press office
    told reporters that X. That was not accurate.")?"""
    return _REFUTES_BEFORE.search(sentence) is not None
