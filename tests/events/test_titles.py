"""Event titles a reader understands without the article: sentences from
Reuters articles of 2017, parsed with the shipped model (loaded once)."""

from __future__ import annotations

import pytest

from events_helpers import parse
from timeline.events.describe import Describer
from timeline.events.titles import MAX_TITLE_WORDS

DESCRIBER = Describer()


def title(text: str, trigger: str, date_phrase: str) -> str:
    """The title of ``trigger`` (its first occurrence) dated by ``date_phrase``."""
    parsed = parse(text)
    start = text.index(date_phrase)
    skip = {t.i for t in parsed.tokens(start, start + len(date_phrase))}
    at = text.index(trigger)
    token = parsed.token_at(at)
    assert token is not None and token.text == trigger
    return DESCRIBER.title(token, skip)


@pytest.mark.parametrize("text, trigger, date_phrase, expected", [
    # a bare event noun under a preposition: the clause before it says who did what
    ("FBI agents seized documents and other material in a raid on Wednesday, the newspaper said.", "raid",
     "Wednesday", "FBI agents seized documents and other material in raid"),
    ("Reuters could not reach LAPD officials for comment on Sunday.", "comment", "Sunday",
     "Reuters could not reach LAPD officials for comment"),
    # the dateline is not the actor; what the statement says is the news
    ("BRUSSELS (Reuters) - U.S. Secretary of State Rex Tillerson on Tuesday said the United States remains "
     "committed to Europe.", "said", "Tuesday",
     "U.S. Secretary of State Rex Tillerson said United States remains committed to Europe"),
    # a particle belongs to the verb
    ("A federal judge in New York on Thursday threw out a lawsuit that had accused President Donald Trump of "
     "violating the U.S. Constitution.", "threw", "Thursday", "Federal judge in New York threw out lawsuit"),
    # the speaker a reported "she" stands for
    ("Representative Carolyn Maloney said she will introduce a bill on Friday that says companies cannot block "
     "sexual harassment victims from publicly disclosing the details of their allegations.", "introduce", "Friday",
     "Representative Carolyn Maloney will introduce bill"),
    # "prompting the committee to launch": the committee launches
    ("Lawmakers from both U.S. political parties have recently been ensnared in allegations of sexual misconduct, "
     "prompting the committee to launch a probe this month of all House members and their staffs.", "launch",
     "this month", "Committee to launch probe"),
    # "is expected to": the verb it completes stays
    ("Mattis is expected to meet South Korean leaders on Friday before he joins the top U.S. military officer.",
     "meet", "Friday", "Mattis is expected to meet South Korean leaders"),
    # an adjective under a copula: the copula's subject
    ("In a court filing on Monday U.S. prosecutors said the settlement payment was due on Oct. 31.", "due",
     "Oct. 31", "Settlement payment was due"),
    # "the same day" is not who imposed the freeze
    ("The Netherlands lifted the hold on the money on October 10, but the same day imposed a new freeze on the "
     "account.", "imposed", "October 10", "Netherlands imposed new freeze on account"),
    # "after falling short": the subject of the clause it belongs to
    ("The two contests will be closely watched to see if Democrats can convert the grassroots resistance to Trump "
     "into electoral wins after falling short earlier this year in four competitive special congressional "
     "elections.", "falling", "earlier this year",
     "Democrats falling short in four competitive special congressional elections"),
    # a relative clause's object is the noun it describes, not a dangling "that"
    ("We did a thorough assessment and this was the number that we put forward to Congress today, she said.",
     "put", "today", "We put number to Congress"),
    # "had yet to": the adverb that reverses the meaning stays
    ("The message had yet to be carried by Chinese state media as of Thursday afternoon.", "carried",
     "Thursday afternoon", "Message had yet to be carried by Chinese state media"),
    # a bare noun borrows its clause; under four words, its date puts back the day
    ("Thursday’s incident also raised questions about how Twitter secures the official @potus presidential "
     "account.", "incident", "Thursday", "Thursday’s incident raised questions"),
    ("Their offices did not return requests for comment on Wednesday.", "comment", "Wednesday",
     "Their offices did not return requests for comment"),
    # a source that lost its apostrophes: "Korea s" is shown "Korea's"
    ("Xi Jinping replied to Kim Jong Un s message, North Korea s state news agency said on Thursday.", "said",
     "Thursday", "Xi Jinping replied to Kim Jong Un's message"),
    # a statement says what was said, also as "there was ...", and a noun's own clause is not cut into it
    ("The lawyer said on Monday there was no evidence that his client colluded with the Russian government.",
     "said", "Monday", "Lawyer said there was no evidence"),
    # the "no" of "no longer" is not lost
    ("Prosecutors said on Thursday they no longer could agree to more lenient bail terms.", "said", "Thursday",
     "Prosecutors said they no longer could agree to more lenient bail terms"),
    # a particle parsed as an adverb stays with its verb
    ("Senator Al Franken stepped aside on Thursday.", "stepped", "Thursday", "Senator Al Franken stepped aside"),
])
def test_title_reads_as_a_headline(text: str, trigger: str, date_phrase: str, expected: str) -> None:
    assert title(text, trigger, date_phrase) == expected


@pytest.mark.parametrize("text, trigger, date_phrase, held", [
    # a participle clause gets the finite verb of its tense: "Governor winning" is no headline
    ("The governor has never been more popular, winning re-election by a wide margin last month.", "winning",
     "last month", "Governor won re-election"),
    # a verb with no subject of its own: its conjunct says who did what
    ("On Monday, that changed, and the senator resigned from the committee.", "changed", "Monday",
     "senator resigned from committee"),
    # a coordination is never cut
    ("The hearing on Thursday will include aides from the offices of Senators John Smith of Ohio and Mary Jones of "
     "Iowa.", "hearing", "Thursday", "John Smith and Mary Jones"),
    # the infinitive that says what the object was picked for
    ("The president on Tuesday picked Jane Doe, 52, a former judge, to lead the commission.", "picked", "Tuesday",
     "picked Jane Doe to lead commission"),
    # a noun event keeps its named agent
    ("Officials said the Oct. 1 attack in the capital by John Roe killed three people.", "attack", "Oct. 1",
     "attack in capital by John Roe"),
    # a plan reported with a past modal keeps that it was said
    ("The Senate Finance Committee said it would investigate the agency's handling of the audits next month.",
     "investigate", "next month", "Committee said it would investigate"),
    # a condition of the verb is kept
    ("Without the subsidy, premiums would rise 10 percent next year, the agency said.", "rise", "next year",
     "premiums would rise without subsidy"),
])
def test_title_keeps_what_the_news_needs(text: str, trigger: str, date_phrase: str, held: str) -> None:
    headline = title(text, trigger, date_phrase)
    assert held.lower() in headline.lower(), headline


def test_a_complement_is_not_cut_to_a_bare_noun() -> None:
    headline = title("The mayor will host talks between the two unions on Friday in hopes of ending the strike.",
                     "host", "Friday")
    assert not headline.endswith("hopes"), headline


def test_long_title_drops_whole_phrases_not_the_end_of_one() -> None:
    text = ("The leaders of the U.S. intelligence community on Thursday pressed Congress to renew the National "
            "Security Agency’s expiring surveillance law, warning in a rare public statement that national security "
            "may be endangered.")
    headline = title(text, "pressed", "Thursday")
    assert len(headline.split()) <= MAX_TITLE_WORDS
    assert headline.startswith("Leaders of U.S. intelligence community pressed Congress to renew")
    assert headline.endswith("surveillance law")


def test_a_quotation_is_quoted_not_cut_into_the_title() -> None:
    # a statement that only quotes says what was said, in the speaker's words, as an editor heads it
    text = "Twitter said in a tweet on Friday: “We have implemented safeguards to prevent this from happening.”"
    assert title(text, "said", "Friday") == "Twitter: “We have implemented safeguards to prevent this from happening”"
    closing = "“Frankly, I am appalled by the allegations, and so is everyone in this building,” Baker told reporters on Thursday."
    assert title(closing, "told", "Thursday") == "Baker: “Frankly, I am appalled by the allegations”"
    # too long to end at a pause within a title's length: no words of it are cut into the title
    long = ("Twitter said in a tweet on Friday: “We have taken a number of steps to keep an incident like this "
            "from happening again.”")
    assert title(long, "said", "Friday") == "Twitter said in tweet"


def test_heading_and_link_are_not_words_of_the_title() -> None:
    heading = "MEDICAL EXPENSES: Temporarily expands the deductibility of out-of-pocket medical expenses through 2019."
    # no subject: the whole clause, word for word, without its heading
    assert title(heading, "expands", "2019") == "Temporarily expands deductibility of out-of-pocket medical expenses"
    caption = "(Graphic: Dollar Rise During 2005 Tax Holiday - reut.rs/2A77Y5o)"
    assert "reut.rs" not in title(caption, "Rise", "2005")


def test_a_relative_pronoun_stands_for_its_noun() -> None:
    text = "Obama carried Virginia, which Democrat Hillary Clinton won in 2016 by 5 percentage points."
    assert title(text, "won", "2016") == "Democrat Hillary Clinton won Virginia by 5 percentage points"


def test_it_stands_for_a_reporting_organisation_not_a_person() -> None:
    committee = ("The House Ethics Committee said on Friday it had begun an investigation into public reports "
                 "that Democrat Ruben Kihuen engaged in sexual harassment.")
    assert title(committee, "begun", "Friday").startswith("House Ethics Committee had begun investigation")
    person = "Trump said on Friday it had begun an investigation into public reports."
    assert title(person, "begun", "Friday").startswith("It had begun investigation")


def test_a_denied_expectation_keeps_its_denial() -> None:
    text = "Yet he does not expect a dollar rally to continue beyond the second quarter of 2018."
    assert title(text, "continue", "the second quarter of 2018") == "He does not expect dollar rally to continue"


def test_a_word_in_quote_marks_is_not_a_quotation() -> None:
    text = ("U.S. Senate Majority Leader Mitch McConnell on Wednesday said he would bring a “Dreamers” "
            "immigration bill to the Senate floor.")
    assert title(text, "said", "Wednesday") == (
        "Mitch McConnell said he would bring Dreamers immigration bill to Senate floor"
    )  # (his long title goes before what he said is shortened)


def test_a_long_report_keeps_the_name_of_its_object() -> None:
    text = ("WASHINGTON (Reuters) - U.S. President Donald Trump on Monday said he plans to nominate Liberty University "
            "School of Law professor Caren Harp to oversee the Justice Department’s Office of Juvenile Justice.")
    assert title(text, "said", "Monday") == "U.S. President Donald Trump said he plans to nominate Caren Harp"


def test_a_dateline_that_lost_its_agency_is_still_a_dateline() -> None:
    text = ("WASHINGTON () - The top Democrat on the Senate environment committee on Monday asked the Environmental "
            "Protection Agency’s internal watchdog to audit a recent trip to Morocco.")
    assert title(text, "asked", "Monday").startswith("Top Democrat asked")


def test_a_relative_pronoun_never_ends_a_title() -> None:
    text = ("Credico has also interviewed Roger Stone, a longtime Trump ally, who he worked with in the past to "
            "reform New York’s drug laws.")
    # (what he worked for is kept: the purpose of a verb without an object)
    assert title(text, "worked", "in the past") == "He worked to reform New York’s drug laws"



def test_a_parenthesis_split_off_a_word_is_kept() -> None:
    text = "House Republicans said on Monday they could permit higher 401(k) contribution limits."
    assert title(text, "said", "Monday") == "House Republicans said they could permit higher 401(k) contribution limits"


def test_an_adjective_only_object_borrows_its_light_verb() -> None:
    text = "The U.S. House of Representatives gave final approval on Wednesday to a sweeping tax bill in a vote."
    assert title(text, "approval", "Wednesday") == "U.S. House of Representatives gave final approval"
    # "which" that the parser did not attach as a relative pronoun stands for no one
    owned = ("Trump, a real estate developer, wants to sign the Republican tax bill into law this week, which would "
             "give Republicans their first major legislative victory of 2017.")
    assert title(owned, "victory", "2017") == "Their first major legislative victory"


def test_the_lead_event_takes_the_article_headline():
    from timeline import extract

    text = (
        "SEOUL/BEIJING (Reuters) - Chinese President Xi Jinping replied to North Korean leader Kim Jong Un's "
        "congratulatory message on China's Communist Party Congress, North Korea's state news agency said on "
        "Thursday. Kim had sent the message on Oct. 25."
    )
    headline = "Xi replies to North Korea's Kim congratulatory message"
    document = extract(text, "2017-11-02", title=headline)
    titles = {e.trigger.text: e.title for e in document.events}
    assert titles["said"] == headline  # the lead's main news
    assert titles["sent"] != headline  # a later sentence keeps its own
    untitled = {e.trigger.text: e.title for e in extract(text, "2017-11-02").events}
    assert untitled["said"].startswith("Chinese President Xi Jinping replied")
    unrelated = extract(text, "2017-11-02", title="Markets rally on strong jobs data")
    assert all(e.title != "Markets rally on strong jobs data" for e in unrelated.events)


def test_lead_sentence_skips_an_editors_note():
    from timeline.text.sentences import lead_sentence

    text = "(This story corrects the date.)\nWASHINGTON (Reuters) - The Senate passed the bill on Friday. More."
    start, end = lead_sentence(text)
    assert text[start:end] == "WASHINGTON (Reuters) - The Senate passed the bill on Friday."


def test_a_name_the_parser_took_for_a_verb_is_the_subject():
    from datetime import date

    from timeline import extract

    (event,) = extract("Trump on Thursday nominated Powell to replace Yellen.", date(2017, 11, 2)).events
    assert event.title == "Trump nominated Powell to replace Yellen"  # not "Trump"


@pytest.mark.parametrize("text, trigger, date_phrase, expected", [
    # the infinitive a verb takes keeps what completes it (not "moved to make", "voted")
    ("Yun flew to Pyongyang in June to medically evacuate Warmbier.", "flew", "June",
     "Yun flew to Pyongyang to evacuate Warmbier"),
    ("In October, Trump declined to certify that Iran was complying with the nuclear agreement reached among "
     "Tehran, the United States and others in 2015.", "declined", "October",
     "Trump declined to certify Iran was complying with nuclear agreement"),
    # a range is never cut in half
    ("Trump pledged on the campaign trail last year that he would move the embassy from Tel Aviv to Jerusalem.",
     "pledged", "last year", "Trump pledged that he would move embassy from Tel Aviv to Jerusalem"),
    # a denial keeps what it denies: the manner, a preposition's own "not"
    ("A spokesman said on Thursday that the senator had not acted improperly.", "said", "Thursday",
     "Spokesman said senator had not acted improperly"),
    # what a verb that takes a clause wants, shows or rumours is said, with its "whether"
    ("On Monday, Trump told reporters he wanted Hatch to seek re-election.", "told", "Monday",
     "Trump told reporters he wanted Hatch to seek re-election"),
    ("On Thursday the ethics committee voted unanimously to investigate whether Farenthold used his "
     "congressional staff to further his political campaign.", "voted", "Thursday",
     "Ethics committee voted to investigate whether Farenthold used congressional staff to further political campaign"),
    # a plural possessive's apostrophe opens no quotation
    ("Perkins Coie, Elias’ law firm, confirmed on Tuesday that it had hired Fusion GPS in April 2016.",
     "confirmed", "Tuesday", "Perkins Coie confirmed it had hired Fusion GPS in April 2016"),
    # a noun event says what it did through its relative clause
    ("In a day of harsh recriminations over Tuesday’s attack that killed eight people, Trump assigned blame.",
     "attack", "Tuesday", "Attack killed eight people"),
])
def test_the_complement_that_carries_the_news_stays(text: str, trigger: str, date_phrase: str, expected: str) -> None:
    assert title(text, trigger, date_phrase) == expected


def test_a_statement_without_its_audience_says_said() -> None:
    # the audience goes before what is said is shortened; "told" without it reads "said"
    text = ("Gowdy told reporters later on Wednesday that he was not going to have the Oversight Committee look "
            "into the issues raised in the letter of the ranking member of the committee.")
    headline = title(text, "told", "Wednesday")
    assert len(headline.split()) <= MAX_TITLE_WORDS
    assert "not going" in headline and headline.endswith("look into issues")


def test_a_long_title_is_not_cut_mid_phrase() -> None:
    text = "Pai moved earlier this year to make it easier for some companies to own a larger number of local stations."
    headline = title(text, "moved", "earlier this year")
    assert headline == "Pai moved to make it easier for companies to own larger number"


def test_a_quotation_is_quoted_from_its_main_claim() -> None:
    # an opening phrase that would fill the title gives way to the claim
    text = ("“By CBO’s estimate, additional debt service would boost the 10-year increase in deficits to $1.7 "
            "trillion,” Smith said in a letter on Wednesday.")
    assert title(text, "said", "Wednesday") == \
        "Smith: “additional debt service would boost the 10-year increase in deficits to $1.7 trillion”"

@pytest.mark.parametrize("text, trigger, date_phrase, held", [
    # a participle with its agent, told actively
    ("It focused on the tax plan as approved on Nov. 16 by the Senate Finance Committee.", "approved", "Nov. 16",
     "Senate Finance Committee approved tax plan"),
    ("A report released on Tuesday by the Congressional Budget Office found that costs will rise.", "released",
     "Tuesday", "Congressional Budget Office released report"),
    # "according to" a source: what the source says
    ("China and the United States should resolve problems by expanding economic cooperation, Xi said, "
     "according to a statement issued by China's Ministry of Foreign Affairs on Thursday.", "issued", "Thursday",
     "Xi said China and United States should resolve problems"),
    # a passive gerund after its subject is a finite clause
    ("Flynn later became national security adviser before being fired in February.", "fired", "February",
     "Flynn was fired in February"),
    # a gerund whose subject is an accusation's object: the accusation
    ("Turkish President Recep Tayyip Erdogan accuses Gulen of instigating a failed coup in July 2016.",
     "instigating", "July 2016", "Erdogan accuses Gulen of instigating failed coup"),
    # a noun's "one": the noun it stands for
    ("Kim's congratulatory message was shorter than one sent after the previous congress in 2012.", "sent", "2012",
     "Congratulatory message sent after previous congress"),
])
def test_a_fragment_is_told_as_who_did_what(text: str, trigger: str, date_phrase: str, held: str) -> None:
    assert held in title(text, trigger, date_phrase)


def test_a_noun_after_a_time_preposition_does_not_take_the_clause_it_dates() -> None:
    # the crisis is when the powers were given, not what was given: the clause would date
    # "powers given" by the crisis years
    text = ("The bill would have eliminated several of the major powers given to regulators after the "
            "2007-2009 financial crisis and impose strict new limitations on their authority.")
    assert "given" not in title(text, "crisis", "2007-2009")


def test_a_denial_is_kept_in_a_shortened_object() -> None:
    # "number of Americans by 13 million" says the opposite of the sentence
    text = ("The Congressional Budget Office said last week that such a change would increase the number of "
            "Americans without health insurance by 13 million by 2027.")
    assert "without health insurance" in title(text, "said", "last week")


def test_a_gerund_whose_clause_went_is_left_out() -> None:
    # "released its rules for deciding" is cut mid-phrase; "released its rules" is whole
    text = ("The Trump administration publicly released on Wednesday its rules for deciding whether to disclose "
            "cyber security flaws or keep them secret, in an effort to bring more transparency to a process that "
            "has long been cloaked in mystery.")
    made = title(text, "released", "Wednesday")
    assert not made.endswith("deciding") and "rules" in made
