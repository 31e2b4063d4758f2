"""Sentence boundaries fit for parliamentary text.

The statistical parser ends a sentence at "hon." in "the right hon. and learned Gentleman", at
"col." in "col. 909", at "para." before "15.2.6", and makes "[...]" a sentence of its own. This
component runs before the parser and marks the tokens after such abbreviations, and the
ellipsis of an editor's cut, as not starting a sentence; the parser respects the marks.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.extract.nlp import SEGMENTER as NAME
from claimcheck.prose import ABBREVIATIONS, ends_sentence

ELLIPSES = frozenset({"...", "…", "[...]", "[…]"})
BULLETS = frozenset({"-", "*", "•", "–", "—", "·"})


@Language.component(NAME)
def parliamentary_sentences(doc: Doc) -> Doc:
    for i, token in enumerate(doc[:-1]):
        following = doc[i + 1]
        word = token.text.lower().rstrip(".")
        dotted = token.text.endswith(".") and word in ABBREVIATIONS
        bare_then_dot = (token.text == "." and i > 0 and doc[i - 1].lower_ in ABBREVIATIONS
                         and not doc[i - 1].whitespace_)
        if dotted or bare_then_dot:
            # "No. 10" is a number; "No. They were right." is an answer, then a sentence.
            abbreviation = word if dotted else doc[i - 1].lower_
            following.is_sent_start = ends_sentence(abbreviation, following.text)
        # "[...]": an editor's cut inside a quotation, not a sentence.
        if token.text in ("[", "(") and following.text in ELLIPSES:
            following.is_sent_start = False
            if i + 2 < len(doc):
                doc[i + 2].is_sent_start = False
                if i + 3 < len(doc) and doc[i + 2].text in ("]", ")") and doc[i + 3].is_lower:
                    doc[i + 3].is_sent_start = False
        if token.text in ELLIPSES and following.is_lower:
            following.is_sent_start = False
        # A blank line ends a paragraph, and so a sentence, whatever the parser makes of a
        # closing quotation mark before it; but not a list the sentence introduces ("the
        # results are:" then "- TURNOUT - 68%"), nor after an editor's cut ("[…"), which the
        # parser is left to read.
        if token.is_space and token.text.count("\n") >= 2 and i > 0 \
                and not doc[i - 1].text.endswith(":") and following.text not in BULLETS \
                and doc[i - 1].text not in ELLIPSES and doc[i - 1].text not in ("]", ")"):
            following.is_sent_start = True
    return doc


def add_to(nlp) -> None:
    """Put the component before the parser (once)."""
    if NAME not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(NAME, before=before) if before else nlp.add_pipe(NAME, first=True)
