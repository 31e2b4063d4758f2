"""Extraction with the real small English pipeline: polarity, modality, arguments, context."""

import pytest

from claimcheck.dates import PartialDate, parse_date
from claimcheck.model import Evidence, Modality, Polarity, Statement

PQ_QUESTION = ("To ask the Secretary of State for Education, whether information on country of "
               "birth collected in the school census will be shared with other Government "
               "departments.")


def statement(text, question=None, department="Department for Education"):
    return Statement(id="s", date=parse_date("2016-07-25"), speaker="Nick Gibb",
                     venue="written-answer", text=text, department=department, question=question)


def only_claim(extractor, text, **kwargs):
    claim, = extractor.claims(statement(text, **kwargs))
    return claim.analysis


def test_no_plans_to_share_is_a_denied_plan(extractor):
    a = only_claim(extractor, "There are currently no plans to share the data with other "
                              "government departments.", question=PQ_QUESTION)
    assert (a.main.action, a.main.polarity, a.main.modality) == ("share", Polarity.DENIED,
                                                                  Modality.PLAN)
    assert a.main.recipients == {"other_government_departments"}


def test_the_data_resolves_against_the_question(subject_extractor):
    a = only_claim(subject_extractor, "There are no plans to share the data.", question=PQ_QUESTION)
    assert "nationality_data" in a.main.things
    assert a.resolved == (("data", "country of birth"),)


def test_without_a_question_the_data_stays_unresolved(extractor):
    a = only_claim(extractor, "There are no plans to share the data.")
    assert a.main.things == {"data"} and a.resolved == ()


def test_will_not_be_passed_is_a_denied_future(extractor):
    a = only_claim(extractor, "These data will not be passed to the Home Office.")
    assert (a.main.polarity, a.main.modality, a.main.recipients) == (
        Polarity.DENIED, Modality.FUTURE, frozenset({"home_office"}))


def test_kept_within_the_department_denies_sharing(extractor):
    a = only_claim(extractor, "I reassure the House that the information is kept within the "
                              "Department for Education and is not passed on to the Home Office.")
    share = [p for p in a.propositions if p.action == "share"]
    assert share and all(p.polarity is Polarity.DENIED for p in share)
    assert any("home_office" in p.recipients for p in share)


def test_affirmed_present_fact(subject_extractor):
    a = only_claim(subject_extractor, "The Department shares pupils' addresses with the Home Office.")
    assert (a.main.action, a.main.polarity, a.main.modality) == ("share", Polarity.AFFIRMED,
                                                                  Modality.FACT)
    assert a.main.things == {"address_data"}


def test_no_agreement_in_place_is_denied(extractor):
    a = only_claim(extractor, "Officials told us that no data sharing agreement is yet firm or "
                              "in place.")
    assert (a.main.action, a.main.polarity) == ("in_force", Polarity.DENIED)
    assert "agreement" in a.main.things


def test_a_reported_refusal_is_not_a_denial(extractor):
    claims = extractor.claims(statement("The Department declined to give the numbers."))
    assert all(p.action != "share" for c in claims for p in c.analysis.propositions)


def test_relative_clauses_in_statements_describe_rather_than_assert(extractor):
    a = only_claim(extractor, "There is no sanction for parents who choose not to provide the data.")
    assert [p.action for p in a.propositions] == ["sanction"]
    assert a.main.polarity is Polarity.DENIED


def test_courtesies_and_questions_are_not_claims(extractor):
    claims = extractor.claims(statement("I thank the noble Lord for his question. Will the "
                                        "Minister share the data? The Department shares the "
                                        "data with the Home Office."))
    assert [c.text for c in claims] == ["The Department shares the data with the Home Office."]


def test_quantities_and_dates(extractor):
    a = only_claim(extractor, "Between July 2015 and September 2016 requests relating to a total "
                              "of 2,462 individuals have been made by the Home Office.")
    assert [(q.value, q.unit) for q in a.quantities] == [(2462.0, "individual")]
    assert a.dates == (PartialDate(2015, 7), PartialDate(2016, 9))


def test_hedged_and_wished_clauses(extractor):
    assert only_claim(extractor, "The data may be shared with the police.").main.modality \
        is Modality.POSSIBILITY
    assert extractor.claims(statement("We want to share the data with schools.")) == [] or all(
        p.action != "share" for c in extractor.claims(statement("We want to share the data with "
                                                                "schools."))
        for p in c.analysis.propositions)


def evidence(text, **kw):
    fields = dict(id="e", title="Letter", kind="letter", date=parse_date("2022-01-31"), text=text)
    fields.update(kw)
    return Evidence(**fields)


def test_a_fact_takes_the_date_of_the_event_the_text_gives(extractor):
    fact, = extractor.facts(evidence("On 19 June 2020 the Department shared the data with the "
                                     "Home Office."))
    assert (fact.arose, fact.arose_from) == (PartialDate(2020, 6, 19), "text")


def test_a_date_modifying_a_noun_is_not_the_events_date(extractor):
    fact, = extractor.facts(evidence("The data collected between 2016 and 2018 were destroyed by "
                                     "the Department in autumn 2020."))
    assert fact.arose == PartialDate(2020)


@pytest.mark.parametrize("text, arose", [
    ("In the version finalised on 18 December 2015, paragraph 15.2.6 lists nationality among the "
     "data items shared.", PartialDate(2015, 12, 18)),
    # The twin: the dated version is the sentence's subject, not a frame it reads within.
    ("The version signed on 18 December 2015 was replaced by a new agreement.",
     PartialDate(2015, 7)),
])
def test_a_dated_version_a_sentence_reads_within_dates_the_fact(extractor, text, arose):
    fact, = extractor.facts(evidence(text, effective_from=parse_date("2015-07")))
    assert fact.arose == arose


@pytest.mark.parametrize("text, arose", [
    ("The National Audit Office found that in April 2019 the council had signed the contract.",
     (PartialDate(2019, 4), "text")),
    ("It reported that the inspectors found that eight officials were given access in September "
     "2019.", (PartialDate(2019, 9), "text")),
    ("The inspectors found that eight officials were given access last year.",
     (PartialDate(2021), "text")),
    # The twins: a date on a noun inside the reported clause is not its event's, nor is the
    # date of what is foretold.
    ("The inspectors found that records kept in 2019 had been destroyed.",
     (PartialDate(2022, 1, 31), "date")),
    ("The minister said that the audit would be published by 22 July 2022.",
     (PartialDate(2022, 1, 31), "date")),
    # A date between "that" and its clause dates the clause, however the parser hangs it; a
    # US-style "April 1" takes the document's year.
    ("We can confirm that on April 1, an officer from the constabulary spoke to the father.",
     (PartialDate(2021, 4, 1), "text")),
])
def test_a_later_record_of_an_earlier_event_is_dated_by_the_event(extractor, text, arose):
    """What a report, a finding or a statement reports keeps the date the text gives it: the
    reporting is the document's own act."""
    fact, = [f for f in extractor.facts(evidence(text)) if not f.implicit]
    assert (fact.arose, fact.arose_from) == arose


def test_without_a_date_in_the_text_a_fact_takes_the_documents_dates(extractor):
    fact, = extractor.facts(evidence("The Department shares pupil data with the Home Office.",
                                     effective_from=parse_date("2015-07")))
    assert (fact.arose, fact.arose_from) == (PartialDate(2015, 7), "effective_from")


def test_in_evidence_a_relative_clause_records_a_fact(subject_extractor):
    facts = subject_extractor.facts(evidence('Paragraph 15.2.6 lists "(once collected) Nationality" among '
                                     "the pupil data items that the Department shares with the "
                                     "Home Office."))
    share = [p for f in facts for p in f.analysis.propositions if p.action == "share"]
    assert share and share[0].polarity is Polarity.AFFIRMED
    assert "nationality_data" in share[0].things


def test_an_agreement_is_itself_a_fact_that_it_is_in_force(extractor):
    facts = extractor.facts(evidence("It covers pupil records.", kind="agreement",
                                     title="Memorandum of Understanding between the Home Office "
                                           "and the Department for Education"))
    implicit = [f for f in facts if f.implicit]
    assert implicit and implicit[0].analysis.main.action == "in_force"
    assert {"home_office", "department_for_education"} <= implicit[0].analysis.main.entities


def test_a_comparison_with_an_earlier_time_is_a_rise_or_fall(subject_extractor):
    a = only_claim(subject_extractor, "There are 430,000 more people in employment now than there were "
                              "before the pandemic began.")
    assert a.main.action == "increase" and "employment" in a.main.things
    fall = only_claim(subject_extractor, "The employment rate was 1.0 percentage points lower than before "
                                 "the pandemic.")
    assert fall.main.action == "decrease"


def test_more_than_a_number_is_not_a_comparison(extractor):
    claims = extractor.claims(statement("More than 11,000 staff have accessed the programme."))
    assert all(p.action != "increase" for c in claims for p in c.analysis.propositions)


def test_a_refuted_clause_is_denied(extractor):
    a = only_claim(extractor, "It is wrong to claim that there are now more people in work than "
                              "before the pandemic began.")
    increase = [p for p in a.propositions if p.action == "increase"]
    assert increase and increase[0].polarity is Polarity.DENIED


@pytest.mark.parametrize("text, polarity", [
    ("It is not true that the council closed the depot.", Polarity.DENIED),
    # The twins: said to be true; and a denial said not to be true, which affirms.
    ("It is true that the council closed the depot.", Polarity.AFFIRMED),
    ("It is not true that the council did not close the depot.", Polarity.AFFIRMED),
])
def test_a_clause_said_not_to_be_true_is_denied(extractor, text, polarity):
    close = [p for p in only_claim(extractor, text).propositions if p.action == "close"]
    assert close and close[0].polarity is polarity


@pytest.mark.parametrize("text, operated", [
    ("The new contract to operate the ferry service will not proceed.", None),
    # The twin: a noun of intending is about its "to" clause; denying it denies the operating.
    ("There are no plans to operate the ferry service.", Polarity.DENIED),
])
def test_what_a_thing_is_for_is_not_asserted(extractor, text, operated):
    found = [p.polarity for p in only_claim(extractor, text).propositions
             if p.action_text == "operate"]
    assert found == ([operated] if operated else [])


@pytest.mark.parametrize("text, asserted", [
    ("What I believe the survey has established beyond doubt is that the wall has failed.", True),
    # The twin says nothing was settled by it: no "that" clause is what was established.
    ("What the survey has established beyond doubt is unclear.", False),
])
def test_a_pseudo_cleft_asserts_its_what_clause(extractor, text, asserted):
    found = [p for p in only_claim(extractor, text).propositions if p.action == "establish"]
    assert bool(found and found[0].polarity is Polarity.AFFIRMED) is asserted


def test_not_involved_in_an_action_denies_it(extractor):
    a = only_claim(extractor, "Civil servants were not involved in the calculation of the figure.")
    cost = [p for p in a.propositions if p.action == "cost"]
    assert cost and cost[0].polarity is Polarity.DENIED
    assert "civil_service" in cost[0].entities


def test_a_breach_is_always_about_rules(extractor):
    a = only_claim(extractor, "The Prime Minister received a fixed penalty notice for the "
                              "gathering on 19 June 2020.")
    assert a.main.action == "breach" and "guidance" in a.main.things


def test_unknown_nouns_and_other_actions_become_topics(extractor):
    a = only_claim(extractor, "We don't have targets for the HS2 line.")
    assert "~hs2" in a.main.topics


@pytest.mark.parametrize("text, arose", [
    ("The employment rate was 1.0 points lower than before the pandemic (December 2019 to "
     "February 2020).", PartialDate(2022, 2, 15)),
    ("The business case sets the budget at £410 million, up from the £240 million estimate of "
     "2018.", PartialDate(2022, 2, 15)),
    # The twin: the date is the setting's own.
    ("In 2018 the business case set the budget at £240 million.", PartialDate(2018)),
])
def test_a_baseline_date_is_not_the_date_of_the_fact(extractor, text, arose):
    fact, = extractor.facts(evidence(text, date=parse_date("2022-02-15")))
    assert fact.arose == arose


@pytest.mark.parametrize("text", [
    "I thank the right hon. and learned Gentleman for his question.",
    "As hon. Members know, No. 10 was told on 3 May.",
    "See col. 909 and vol. 705 of the Official Report.",
    "Mr. Smith said that para. 15.2.6 applies to the data.",
    "Between July 2015 and September 2016, 2,462 requests were made [...] and data on 520 "
    "children were passed.",
])
def test_parliamentary_abbreviations_never_end_a_sentence(nlp, text):
    assert [s.text for s in nlp(text).sents] == [text]


def test_a_one_word_answer_still_ends_its_sentence(nlp):
    assert len(list(nlp("No. They were right.").sents)) == 2


def test_the_data_resolves_against_the_question_with_no_subject_lexicon(extractor):
    a = only_claim(extractor, "There are no plans to share the data.",
                   question="Whether the Department required country of birth to be gathered "
                            "in the school census, and whether that information will be shared.")
    assert a.resolved == (("the data", "country of birth"),)


@pytest.mark.parametrize("text, verb, asserted", [
    # An embedded question asks; its twin tells.
    ("The campaign asked the Board what it knew of the existing access.", "knew", False),
    ("The campaign told the Board that it knew of the existing access.", "knew", True),
    # Whose role a thing is says nothing of whether it happens; its twin says it happens.
    ("It's not for schools to provide food to pupils during the holidays.", "provide", False),
    ("Schools do not provide food to pupils during the holidays.", "provide", True),
    # A duty says nothing of whether it was done; its twin says it was.
    ("The company was required to consult the unions.", "consult", False),
    ("The company consulted the unions.", "consulted", True),
])
def test_clauses_that_assert_nothing(extractor, text, verb, asserted):
    a = only_claim(extractor, text)
    assert any(p.action_text == verb for p in a.propositions) is asserted


def test_a_list_item_takes_the_predicate_that_began_the_list(extractor):
    claims = extractor.claims(statement(
        "We will deliver the new northern line. The A14 link to Cambridge. And the airport "
        "extension."))
    link = next(c.analysis for c in claims if c.analysis.text.startswith("The A14"))
    assert (link.main.action, link.main.modality, link.main.polarity) == (
        "deliver", Modality.FUTURE, Polarity.AFFIRMED)
    assert "a14" in link.keywords
    assert ("The A14 link to Cambridge", "We will deliver The A14 link to Cambridge") \
        in link.resolved
    extension = next(c.analysis for c in claims if "extension" in c.analysis.text)
    assert extension.main.action == "deliver"


def test_a_heading_after_a_sentence_with_nothing_to_take_is_not_a_list_item(extractor):
    # The twin: "Ministers met." has no object, auxiliary or complement to hand on.
    analyses = extractor.analyse(extractor.nlp("Ministers met. The A14 link to Cambridge."))
    assert not analyses[-1].propositions


# Minimal pairs, each a rule of English clauses: the clause's own words decide its polarity.
@pytest.mark.parametrize("text, verb, polarity", [
    # An adverbial clause with its own subordinator asserts its own event: the main clause's
    # "not" does not deny it. Its twin: the negation is the signing's own.
    ("The board, when it signed off the collection in November 2015, was not told about the "
     "other use.", "signed", Polarity.AFFIRMED),
    ("The board did not sign off the collection in November 2015.", "sign", Polarity.DENIED),
    # A record that shows nothing denies the clause; one that shows it affirms it.
    ("Nothing in the minutes shows that the Board was told about the use.", "told",
     Polarity.DENIED),
    ("The minutes show that the Board was told about the use.", "told", Polarity.AFFIRMED),
    # "end" negates what it ends, not a participle that says how: the limit is raised.
    ("These changes will end the lottery of care costs, raising the upper limit from £23,350 "
     "to £100,000.", "raising", Polarity.AFFIRMED),
    ("These changes will stop raising the upper limit each year.", "raising", Polarity.DENIED),
    # "At no stage" is a "never", even where the parser takes the inverted "was" for the verb;
    # "at no cost" says how. "End up" says how things turned out, and ends nothing.
    ("At no stage was he or his family spoken to by the police about this matter.", "spoken",
     Polarity.DENIED),
    ("At one stage he was spoken to by the police about this matter.", "spoken",
     Polarity.AFFIRMED),
    ("At no point did officials share the data.", "share", Polarity.DENIED),
    ("Officials shared the data at no cost.", "shared", Polarity.AFFIRMED),
    ("About half of them ended up being given a penalty of £50.", "given", Polarity.AFFIRMED),
    # A verb whose object is "no" something does not do it; finding no evidence is a finding.
    ("The police are taking no action against him.", "taking", Polarity.DENIED),
    ("The police are taking action against him.", "taking", Polarity.AFFIRMED),
    ("There is no intention to take retrospective action.", "is", Polarity.DENIED),
])
def test_a_clause_takes_the_polarity_its_own_words_give(extractor, text, verb, polarity):
    a = only_claim(extractor, text)
    found = [p for p in a.propositions if p.action_text == verb]
    assert found and found[0].polarity is polarity


@pytest.mark.parametrize("text, lowered", [
    ("The reform sets the lower capital limit at £20,000.", False),
    ("The reform will lower the capital limit to £20,000.", True),
])
def test_a_comparative_adjective_names_a_level_not_a_fall(extractor, text, lowered):
    a = only_claim(extractor, text)
    assert any(p.action == "decrease" for p in a.propositions) is lowered


@pytest.mark.parametrize("text, increase", [
    ("The committee raised concerns about the harbour figures.", False),
    # The twin: raising a charge is an increase.
    ("The council raised the harbour charge by 5%.", True),
])
def test_raising_a_concern_is_no_increase(extractor, text, increase):
    fact, = [f for f in extractor.facts(evidence(text)) if not f.implicit]
    assert ("increase" in {p.action for p in fact.analysis.propositions}) is increase


@pytest.mark.parametrize("text, absent", [
    ("No formal complaint was made against the governor.", ("formal complaint",)),
    ("The consultation received no objections.", ("objection",)),
    ("The trust did not receive any objections to the plan.", ("objection",)),
    ("The depot was closed without consultation.", ("without consultation",)),
    # "No" on the subject of another verb denies the predicate of things that exist.
    ("No depots have been closed.", ()),
    ("None of the payments were recovered.", ()),
])
def test_what_a_sentence_says_there_was_none_of(extractor, text, absent):
    assert only_claim(extractor, text).absent == absent


@pytest.mark.parametrize("verb, polarity", [("refuses", Polarity.DENIED),
                                            ("agrees", Polarity.AFFIRMED)])
def test_an_act_refused_across_an_aside_is_denied(extractor, verb, polarity):
    """ "refuses, in a written reply, to destroy": the aside makes the parser hang "to destroy"
    as an adverbial clause; refused all the same. Agreeing, across the same aside, affirms."""
    fact, = extractor.facts(evidence(f"The Department for Transport {verb}, in a written reply, "
                                     "to destroy the data."))
    destroy, = [p for p in fact.analysis.propositions if p.action == "delete"]
    assert destroy.polarity is polarity


@pytest.mark.parametrize("text, absent", [
    # A quoted name is the thing said not to exist, in its own words and capitals, though the
    # parser tags it a proper noun and hangs its closing quote elsewhere.
    ("There is no 'Harbour Levy' and there never will be.", ("Harbour Levy",)),
    ('There is no "Northgate Bypass Fund".', ("Northgate Bypass Fund",)),
    ("There is no Northgate Bypass Fund.", ("Northgate Bypass Fund",)),
    ("We have no 'Harbour Levy' plans.", ("Harbour Levy plan",)),
    # The twins: a capitalised title under "no" is a kind of person, not a name said not to
    # exist, and a name that is not under "no" is not absent.
    ("No Minister has received the Brackwater report.", ()),
    ("No Minister has visited Carlisle.", ()),
])
def test_a_quoted_or_proper_name_can_be_what_there_is_none_of(extractor, text, absent):
    assert only_claim(extractor, text).absent == absent


@pytest.mark.parametrize("text, falls", [
    ("The trust declined, after a review, to publish the figures.", False),
    ("The trust declined to publish the figures.", False),
    ("Admissions to the trust declined sharply after the review.", True),
])
def test_declining_to_do_something_is_no_fall(extractor, text, falls):
    """A verb of refusing that governs a "to" clause frames the act refused; the same verb on
    its own says something fell."""
    fact, = extractor.facts(evidence(text))
    assert any(p.action == "decrease" for p in fact.analysis.propositions) is falls


def test_a_report_said_to_be_untrue_in_the_next_sentence_is_denied(extractor):
    """ "X told reporters that Y. That was not accurate." records not-Y, in one fact quoting
    both sentences; a next sentence that confirms Y leaves the report as it was."""
    told = ("On 3 March 2021 the press office told reporters that the council had closed the "
            "depot. ")
    refuted = extractor.facts(evidence(told + "That was not accurate."))
    confirmed = extractor.facts(evidence(told + "The council confirmed it the next day."))
    [fact] = [f for f in refuted if "closed the depot" in f.analysis.text]
    assert fact.analysis.text.endswith("closed the depot. That was not accurate.")
    close = [p for p in fact.analysis.propositions if p.action == "close"]
    assert close and close[0].polarity is Polarity.DENIED
    assert all(p.polarity is Polarity.AFFIRMED for p in fact.analysis.propositions
               if p.action in ("tell", "say"))
    [plain] = [f for f in confirmed if "closed the depot" in f.analysis.text]
    assert "confirmed" not in plain.analysis.text
    close = [p for p in plain.analysis.propositions if p.action == "close"]
    assert close and close[0].polarity is Polarity.AFFIRMED


def test_a_paragraph_ends_a_sentence_but_a_list_it_introduces_does_not(extractor):
    """A closing quotation mark before a blank line must not join two paragraphs into one
    sentence; a list after "are:" stays with the sentence that introduces it."""
    joined = extractor.facts(evidence('He wrote: "I am sorry we did not do so."\n\nThe adviser '
                                      'said the failure exposed a deficiency.'))
    assert not any("sorry" in f.analysis.text and "adviser" in f.analysis.text for f in joined)
    listed = extractor.facts(evidence("The results of the ballot are:\n\n- TURNOUT - 68%\n\n"
                                      "- NO - 58%"))
    assert any("68%" in f.analysis.text and "ballot" in f.analysis.text for f in listed)


@pytest.mark.parametrize("text, polarity", [
    ("The failure to provide the messages exposed a deficiency.", Polarity.DENIED),
    ("Their refusal to publish the report was criticised.", Polarity.DENIED),
    # The twin: a noun of intending, not of failing.
    ("The decision to publish the report was welcomed.", Polarity.AFFIRMED),
])
def test_what_a_noun_of_failing_governs_was_not_done(extractor, text, polarity):
    [fact] = [f for f in extractor.facts(evidence(text)) if not f.implicit]
    done = [p for p in fact.analysis.propositions if p.action_text in ("provide", "publish")]
    assert done and done[0].polarity is polarity


def test_a_gerund_a_noun_names_as_an_activity_asserts_nothing(extractor):
    """ "its contribution to reducing the cost" says nothing fell; "progress in reducing the
    backlog" (a verb's preposition) and "success in reducing it" claim that it did."""
    def falls(text):
        return [p for c in extractor.claims(statement(text)) for p in c.analysis.propositions
                if p.action == "decrease"]
    assert not falls("The scheme was chosen for its contribution to reducing the cost of the "
                     "railway.")
    assert falls("We have made real progress in reducing the backlog.")
    assert falls("The scheme has had great success in reducing the backlog.")


@pytest.mark.parametrize("text, approves", [
    ("The board cleared the plan in March.", True),
    # The twins: the adjective approves nothing.
    ("The police have made clear they are taking no action.", False),
    ("It was not clear how their earnings would affect their entitlement.", False),
])
def test_clear_approves_only_as_a_verb(extractor, text, approves):
    actions = {p.action for p in only_claim(extractor, text).propositions}
    assert ("approve" in actions) is approves


def test_finding_no_evidence_is_a_finding_made(extractor):
    """ "found no evidence of problems" records an absence; the finding itself was made."""
    facts = extractor.facts(evidence("On the core software, Second Sight reported that it had "
                                     "so far found no evidence of system-wide problems."))
    found = [p for f in facts for p in f.analysis.propositions if p.action_text == "found"]
    assert found and found[0].polarity is Polarity.AFFIRMED


@pytest.mark.parametrize("text, located", [
    ("We were able to locate a copy of the letter from the Minister.", True),
    # The twin is unable to: a statement of what could not be done, not of something done.
    ("We regret that we are unable to locate a copy of the letter from the Minister.", False),
])
def test_being_unable_to_do_a_thing_is_not_doing_it(extractor, text, located):
    fact, = extractor.facts(evidence(text))
    assert any(p.action_text == "locate" and p.polarity is Polarity.AFFIRMED
               for p in fact.analysis.propositions) is located


def test_forms_of_address_say_who_not_what_about(extractor):
    fact, = extractor.facts(evidence("An error has been identified in the response I gave to "
                                     "the hon. Member for Luton North during the debate."))
    topics = set().union(*(p.topics for p in fact.analysis.propositions))
    assert "~hon" not in topics and "~error" in topics


QUESTION_ASKED = ('Jo Example MP: "Was there any discussion in your Department before 25th July '
                  'about the closure of the Kelby depot?"')


@pytest.mark.parametrize("answer, answers_the_question", [
    ("Not that I am aware of.", True),
    ("No.", True),
    # The twin says something of its own: its words are its own.
    ("The depot remains open to the public.", False),
])
def test_an_answer_that_says_nothing_alone_is_read_with_its_question(extractor, answer,
                                                                    answers_the_question):
    a = only_claim(extractor, answer, question=QUESTION_ASKED)
    assert ("depot" in a.keywords and "discussion" in a.keywords) is answers_the_question
    assert bool(a.resolved and a.resolved[0][1].startswith("Was there any discussion")) \
        is answers_the_question
