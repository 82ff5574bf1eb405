"""The kind of a dated event: happenings go on the timeline; negated and
hypothetical happenings, refusals to comment, statistics, states, bare
statements and the edges of spans are mentions kept off it."""

from __future__ import annotations

import pytest

import timeline
from timeline.events.kinds import MENTION_KINDS, kind_cues

PUBLISHED = "2017-06-14"

CASES = [
    ("The ministry declined to comment on Monday.", "no_comment"),
    ("The embassy did not respond to a request for comment on Friday.", "no_comment"),
    ("The storm did not disrupt the ceremony on Tuesday.", "negated"),
    ("No arrests were made on Sunday.", "negated"),
    # not (yet) happened
    ("The message had yet to be carried by state media on Thursday.", "negated"),
    ("Yet the senator voted for the bill on Thursday.", "happening"),
    ("A ruling could be issued in August.", "hypothetical"),
    ("If parliament approves the plan on Friday, elections follow.", "hypothetical"),
    ("Retail sales rose 3 percent in May.", "statistic"),
    ("Ms. Ortega has served as the agency's treasurer since 2012.", "state"),
    ("The canal has been closed since 2009.", "span_edge"),
    ("Troops have been deployed there until 2001.", "span_edge"),
    # a range is read as one interval (issue 16): what happened over it, no edge of a span
    ("Troops were deployed there from 1994 to 2001.", "happening"),
    ("The mayor said in a statement on Monday.", "statement_without_content"),
    ("The mayor resigned on Monday.", "happening"),
    ("Parliament will vote on the budget on Friday.", "happening"),
    ("The court said on Tuesday that the law was void.", "happening"),
    ("Talks on the budget are close to a deal, the senator said on Tuesday.", "happening"),
    ("The ambassador's wife said on Friday her husband would not resign.", "happening"),
    ("Rebels seized the airport in March.", "happening"),
    # what holds at the time of writing, or whatever the date: a state
    ("Republicans currently control both chambers.", "state"),
    ("The senator will remain on the ballot on Dec. 12.", "state"),
    ("Japan had a $69 billion trade surplus with the United States last year.", "statistic"),
    # inside a condition or an open question, however deep
    ("Lawmakers have contingency plans if Congress fails to reach a deal on funding the government by a Dec. 8 "
     "deadline.", "hypothetical"),
    ("It was unclear whether the plan would be rushed through Congress this week or await votes early next year.",
     "hypothetical"),
    ("The investigation should continue without interference in 2018.", "negated"),
    ("Lawmakers hope to leave Washington for a winter break on Dec. 22.", "hypothetical"),
    ("De Blasio held a comfortable lead in opinion polls leading up to Election Day.", "state"),
    # figures told with other verbs: a change of a price, a finding of polls or data, a projection
    ("RINs prices have surged this year.", "statistic"),
    ("The dollar edged higher against a basket of major currencies on Thursday.", "statistic"),
    ("Data on Wednesday showed strong demand for U.S. goods.", "statistic"),
    ("The Centers for Disease Control estimated that 20,000 Americans were killed by fentanyl last year.",
     "statistic"),
    ("That led to a trade surplus of $26.62 billion with the U.S. last month.", "statistic"),
    ("Independent analysts forecast last month that corporations would benefit the most.", "statistic"),
    # deadlines and expiries ahead, the start of a calendar period: edges of spans
    ("The caucus has pressed Republican leaders to consider a spending measure that expires on Dec. 30.",
     "span_edge"),
    ("The refining industry has been seeking an overhaul of the RFS before it expires in 2022.", "span_edge"),
    ("The bill is expected to be passed by Dec. 22, when current funding runs out.", "span_edge"),
    ("Congress takes up a catch-all spending bill that faces a Dec. 8 deadline.", "span_edge"),
    # an expiry told in the past did happen, and so does the start of anything but a calendar period
    ("A temporary measure that suspended the debt limit expired on Dec. 8.", "happening"),
    ("The trial began on Monday.", "happening"),
    # what someone holds; a note on the news itself (sourcing, correction); a slogan
    ("She agreed that the 2016 nominating process was rigged.", "opinion"),
    ("The lawmakers wrote to Pruitt in a letter Reuters reviewed on Thursday.", "note"),
    ("This December 4 story has been corrected to change last year to 2015 in sixth paragraph.", "note"),
    # the tweet "[1018 EST] - MAKE AMERICA GREAT AGAIN!" with a date of its own: a shout, no content
    ("On Friday: MAKE AMERICA GREAT AGAIN!", "statement_without_content"),
    # happenings told near those cues stay happenings
    ("Twenty people were killed in an attack on a mosque on Friday.", "happening"),
    ("The Fed raised interest rates on Wednesday.", "happening"),
    ("Democrats argued on Tuesday that the bill was rushed.", "happening"),
    ("Prosecutors accused Manafort on Monday of laundering money.", "happening"),
    ("A poll released on Monday showed Jones leading Moore.", "happening"),
]


@pytest.mark.parametrize(("sentence", "kind"), CASES)
def test_kind_of_each_dated_event(sentence: str, kind: str) -> None:
    doc = timeline.extract(sentence, PUBLISHED)
    assert doc.events, sentence
    assert {e.kind for e in doc.events} == {kind}


def test_every_mention_kind_has_a_reason_and_cues_are_data() -> None:
    assert {kind for _, kind in CASES} == {*MENTION_KINDS, "happening"}
    cues = kind_cues()
    assert "comment" in cues["no_comment_nouns"] and "since" in cues["span_edge_prepositions"]


def test_mentions_are_kept_off_the_ordered_timeline_but_in_the_json() -> None:
    from timeline.assemble import Timeline

    doc = timeline.extract("The mayor resigned on Monday. The ministry declined to comment on Tuesday.", PUBLISHED)
    assembled = Timeline.from_documents([doc])
    assert [e.kind for e in assembled.entries] == ["happening"]
    assert {e.kind for e in assembled.mentions} == {"no_comment"}
    assert "no_comment" not in assembled.to_html()


def test_what_a_negated_verb_expects_is_not_asserted_but_its_saying_is() -> None:
    doc = timeline.extract("The White House said on Wednesday that it does not expect the government to shut down "
                           "next month.", "2017-11-29")
    assert {e.trigger.text: e.kind for e in doc.events} == {"said": "happening", "shut": "negated"}


def test_the_start_of_a_fiscal_year_is_a_span_edge_not_what_is_dated_by_it() -> None:
    doc = timeline.extract("For months, leaders in Congress have been working to hammer out a deal to fund "
                           "government for fiscal 2018, which began on Oct. 1.", "2017-12-08")
    kinds = {e.trigger.text: e.kind for e in doc.events}
    assert kinds["began"] == "span_edge"


def test_a_poll_finding_is_a_statistic_and_its_content_a_state() -> None:
    doc = timeline.extract("Two opinion polls last week showed Moore now trailing Jones.", "2017-11-21")
    assert {e.trigger.text: e.kind for e in doc.events} == {"showed": "statistic", "trailing": "state"}


def test_a_deadline_set_on_a_day_is_a_happening_of_that_day_and_the_deadline_an_edge() -> None:
    doc = timeline.extract("A U.S. congressional committee on Thursday set a Nov. 2 deadline for the Puerto Rico "
                           "Electric Power Authority to provide information related to its contract.", "2017-10-26")
    assert {e.date.value: e.kind for e in doc.events if e.trigger.text == "set"} == {"2017-10-26": "happening"}


@pytest.mark.parametrize(("sentence", "trigger", "kind"), [
    # what one came close to, or nearly did, did not happen
    ("The talks nearly collapsed on Friday.", "collapsed", "negated"),
    ("Nearly 500 people were killed on Monday.", "killed", "happening"),
    ("Reagan, who had come close to winning the Republican presidential nomination in 1976, quickly moved to the "
     "front of the race.", "winning", "negated"),
    # what a chance is for, what only appeared to happen
    ("In 1980, many Republicans jumped into the party's presidential primaries for a chance to oppose the Democrat "
     "in the November election.", "election", "hypothetical"),
    ("But the administration's position appeared to start evolving this week when Conway criticized Jones.",
     "evolving", "hypothetical"),
    # an activity going on over a whole period; a happening of one day told in the progressive stays
    ("Conservative groups that just last month were criticizing Senate Majority Leader Mitch McConnell for the "
     "pace of confirmations are now applauding him.", "criticizing", "state"),
    ("Lawmakers were meeting with the president on Tuesday.", "meeting", "happening"),
    # the funding bill keeps the government open beyond Friday: no happening on Friday
    ("Lawmakers weighed a temporary funding bill to keep the government operating beyond Friday.", "operating",
     "state"),
    # expectations, and what a noun names when its verb is not asserted: the noun is a reference point
    ("Before the allegations came to light, Moore was heavily favored to defeat Jones in the special election on "
     "Dec. 12.", "election", "hypothetical"),
    ("They could, for example, meet the president during one of his weekend visits to his resort.", "visits",
     "hypothetical"),
    ("Ryan has told confidants he would like to retire after the 2018 congressional elections, Politico reported "
     "on Thursday.", "elections", "hypothetical"),
    ("The Fed has raised rates twice this year and is widely expected to do so again next month.", "do",
     "hypothetical"),
    ("The Fed has raised rates twice this year and is widely expected to do so again next month.", "raised",
     "happening"),
    ("A vote was expected later Friday.", "expected", "hypothetical"),
    ("Bannon has vowed to support grassroots challengers next year.", "support", "hypothetical"),
    # "could" under a reporting verb in the present is a modal, under one in the past the future of the past
    ("The plan is a framework that aides say could be released early next year.", "released", "hypothetical"),
    ("The minister said the plan could be released on Friday.", "released", "happening"),
    # what a plan or a schedule says will happen, and what was said would happen, stay
    ("Dina Powell plans to resign early next year.", "resign", "happening"),
    ("Trump and Xi were scheduled to hold formal talks on Thursday.", "hold", "happening"),
    ("He said he would attend the summit in Manila in November.", "attend", "happening"),
    # a noun reached through "be" is no reference point of a verb ("a violation of her Nov. 8 gag order")
    ("Jackson said she would consider any similar future behavior to be a violation of her Nov. 8 gag order not "
     "to discuss the case with the media.", "violation", "happening"),
    # a period of life, years up to now, a mood that changes, a term that ends ahead
    ("Anderson was educated at the University of Illinois and Harvard Law School in the 1940s.", "educated", "state"),
    # the date of "Born ..., Anderson was educated" is the birth's: the birth is the happening
    ("Born in Rockford, Illinois, on Feb. 15, 1922, Anderson was educated at the University of Illinois and "
     "Harvard Law School.", "Born", "happening"),
    ("Powell, who in the last 25 years has done a circuit of government and think tank jobs, was nominated.",
     "done", "state"),
    ("Concerns intensified this month after four soldiers were killed in Niger.", "intensified", "state"),
    ("Yellen's four-year term as Fed chief ends in early February 2018.", "ends", "span_edge"),
    ("The senator's term ends in January.", "ends", "span_edge"),
    ("Kabila refused to step down when his second elected term ended in December.", "ended", "happening"),
    # a share of a population, not who did something
    ("The tax agency reported that approximately one in three residents took a local deduction in 2015.", "took",
     "statistic"),
    ("Thousands of Nicaraguans received the special status in 1999.", "received", "happening"),
    # an editor's note says what was corrected: no happening of the timeline either
    ("(This version of the Nov. 2 story corrects paragraph 8 to say that Trump lost Nevada in 2016, instead of "
     "that he won Nevada)", "lost", "note"),
    # how someone is seen; what has not been done so far, what is averted; a failed vote of a day happened
    ("In the 2000 presidential election, Anderson was seen as a possible presidential candidate for the Reform "
     "Party.", "election", "opinion"),
    ("That is because Congress has failed to approve the regular appropriations bills for the fiscal year that "
     "began on Oct. 1.", "approve", "negated"),
    ("The Senate failed to pass the bill on Friday.", "pass", "happening"),
    ("Lawmakers voted on Friday to avert a shutdown next week.", "avert", "negated"),
    ("Lawmakers voted on Friday to avert a shutdown next week.", "voted", "happening"),
    # a state over a whole range; a happening over one stays (see CASES)
    ("The countries maintained interests sections in each other's capitals from 1977 to 2015.", "maintained",
     "state"),
    # having something is a state, having a happening is not
    ("“I feel like we’re going to have a majority... for passing the CR (spending measure) we have this week,” "
     "House Speaker Paul Ryan told reporters.", "have", "state"),
    ("Trump had lunch with senators on Tuesday.", "had", "happening"),
    ("Trump had talks with Abe on Monday.", "had", "happening"),
    # a figure the noun is the reference point of; a figure won is a happening; a happening the clause follows,
    # or one that names its own actor, keeps its kind
    ("Since Trump’s inauguration in January, the attorneys general have sued the administration at least 25 "
     "times.", "inauguration", "happening"),
    ("Mulvaney and English are in a legal fight over who should control the agency following the Friday "
     "resignation of Director Richard Cordray.", "resignation", "happening"),
    # a name the parser took for a verb is no exhortation
    ("Trump returns to Washington on Tuesday evening from a 12-day trip to Asia, and McConnell said he planned "
     "to discuss the situation with the president.", "Trump", "happening"),
    ("Before the Nov. 7 general election, Virginia Republicans held 66 seats to the Democrats’ 34 in the House of "
     "Delegates.", "election", "statistic"),
    ("Democrats won 15 seats in the election on Nov. 7.", "won", "happening"),
    ("Jones won 50 percent of the vote in the election on Tuesday.", "won", "happening"),
    # the end of an extension; an open question; a plan that was changed
    ("A 2012 law extended the program to September.", "extended", "span_edge"),
    ("Lawmakers are wrestling with how to handle the flood insurance program’s expiration on Dec. 8.", "handle",
     "hypothetical"),
    ("The decision to put off the lotto, originally scheduled for Wednesday, marks the latest twist in the "
     "recount.", "scheduled", "negated"),
    # what a chance is of, through complements; not what poses a threat
    ("The upset would improve Democratic chances of regaining control of the Senate in next year’s congressional "
     "elections.", "elections", "hypothetical"),
    ("The world condemned the threat posed by North Korea's nuclear test on Sept. 3.", "test", "happening"),
    # the alternative not taken; what may happen; what is needed; a standing in a poll
    ("Trump said he wanted to sign the tax bill before leaving Washington on Friday, rather than stage a more "
     "formal ceremony in January.", "stage", "negated"),
    ("Trump said he wanted to sign the tax bill before leaving Washington on Friday, rather than stage a more "
     "formal ceremony in January.", "leaving", "happening"),
    ("Lawmakers warned of a possible shutdown on Dec. 8.", "shutdown", "hypothetical"),
    ("White House aides said Trump’s poll numbers needed to start rising to limit the damage in 2018 elections.",
     "elections", "hypothetical"),
    ("Trump was at 41 percent in a mid-December poll from NBC News and the Wall Street Journal.", "poll",
     "statistic"),
    # a rallying cry: a phase verb with "we" and nothing begun
    ("“Tomorrow, we begin again,” Whitbeck said.", "begin", "statement_without_content"),
    ("“Tomorrow, we begin the hearings,” Whitbeck said.", "begin", "happening"),
    # a non-comment; what a proposal asks for; an exhortation; the consequence of what is only likely
    ("A spokesman told a regular news briefing on Tuesday that he was not aware of the details of the case.",
     "told", "no_comment"),
    ("A spokesman told a news briefing on Tuesday that the talks had ended.", "told", "happening"),
    ("Rod Rosenstein said on Tuesday that he was not aware of any impropriety by Mueller’s team.", "said",
     "happening"),
    ("The senator said on Monday he was still undecided about the tax plan.", "undecided", "happening"),
    ("She indicated an openness to a proposal from the defense to begin the trial in April.", "begin",
     "hypothetical"),
    ("The defense began the trial in April.", "began", "happening"),
    ("An Alabama judge denied Moore’s request to block certification of the results of the Dec. 12 election.",
     "election", "happening"),
    ("See you in court next week.", "See", "hypothetical"),
    ("Republican leaders are pushing for the House to vote on a revised tax bill on Nov. 23.", "vote",
     "hypothetical"),
    ("“The best thing for our family now would be for me to tender my resignation effective today, December 8th, "
     "2017,” Franks said.", "tender", "happening"),
    ("Congress is likely to miss a Dec. 8 deadline, kicking the contentious debate into next year, an aide said.",
     "kicking", "hypothetical"),
    ("Congress missed a Dec. 8 deadline, kicking the contentious debate into next year.", "kicking", "happening"),
    # "could" under a report in the present perfect is a modal
    ("They have said a draft Senate bill could be ready at the end of this week.", "ready", "hypothetical"),
    # what someone was; a figure said; a sum spent
    ("The tax code has not been overhauled since 1986, when Ronald Reagan was president.", "was", "state"),
    ("In the last five months she has been responsible for several controversial decisions.", "responsible",
     "state"),
    ("The Pew Research Center said in June that weekday circulation fell 8 percent in 2016.", "said",
     "statistic"),
    ("The Pew Research Center said in June that it would close its Washington office.", "said", "happening"),
    ("The Joint Committee on Taxation said on Thursday the Senate bill would increase deficits by $1 trillion.",
     "said", "happening"),
    ("In 2015, the company spent $11.5 billion on shipping.", "spent", "statistic"),
    ("The senator spent the weekend in Mobile.", "spent", "happening"),
    ("Some congressional Republicans were quick on Wednesday to slam Steve Bannon.", "quick", "happening"),
    # an order whose verb the parser took for a noun ("to “disregard” instructions") has its content
    ("Mulvaney on Tuesday told staff at the bureau to “disregard” instructions from English.", "told",
     "happening"),
])
def test_kind_of_one_trigger(sentence: str, trigger: str, kind: str) -> None:
    doc = timeline.extract(sentence, "2017-12-06")
    assert {e.kind for e in doc.events if e.trigger.text == trigger} == {kind}


def test_a_posted_greeting_is_a_statement_without_content() -> None:
    from datetime import date

    text = ("@realDonaldTrump : - Wishing all of those celebrating #Hanukkah around the world a happy and healthy "
            "eight nights in the company of those they love. [1713 EST] -- Source link: (bit.ly/2jBh4LU)")
    assert {e.kind for e in timeline.extract(text, date(2017, 12, 12)).events} == {"statement_without_content"}
