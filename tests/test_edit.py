"""The edit ladder: each step conservative, quotes untouched, every change recorded."""

from summarize.edit import delete_asides, delete_leaners, delete_openers, expand_names, full_names, variants
from summarize.neutral import attribute_to, common_words, is_attributed, is_evaluative, loaded_terms, neutralize
from summarize.pipeline import measures_differ
from summarize.types import Document, Edit

SOURCE_3 = "Over the weekend, U.S. Secretary of State Antony Blinken paid a visit to Beijing."
SOURCE_1 = "During his two-day visit, Blinken met with People’s Republic of China leader Xi Jinping and foreign minister Qin Gang."


def test_editorial_openers_and_leaning_words_are_deleted():
    assert delete_openers("At long last, U.S. Secretary of State Antony Blinken traveled to Beijing.")[0] == \
        "U.S. Secretary of State Antony Blinken traveled to Beijing."
    text, edits = delete_leaners("Officials are also expected to travel, and he “also said” so.")
    assert text == "Officials are expected to travel, and he “also said” so."  # never inside quotes
    assert [e.text for e in edits] == ["also"]
    assert delete_leaners("He even called for Blinken to do more.")[0] == "He called for Blinken to do more."
    # A concession is no emphasis: "violence, when sober" says another thing than "violence, even when sober".
    for kept in ("The suit says he had a penchant for violence, even when sober.", "The vote ended in an even split.",
                 "They hope to even the score against Boston.", "Not even the mayor knew of the plan.",
                 "People must be free to share an opinion, even if others think it wrong."):
        assert delete_leaners(kept) == (kept, []), kept
    # "But …" and "So …" answer a sentence the reader never saw; "So far" is no conjunction.
    assert delete_openers("But the gene variant has been linked with osteoarthritis.")[0] == \
        "The gene variant has been linked with osteoarthritis."
    assert delete_openers("So fans will have to wait for the reissued albums.")[0] == "Fans will have to wait for the reissued albums."
    assert delete_openers("In the thread, Mr Pence claimed Soleimani had helped the hijackers.")[0] == \
        "Mr Pence claimed Soleimani had helped the hijackers."
    assert delete_openers("The upshot is that the agency is overstating its ability to test.")[0] == \
        "The agency is overstating its ability to test."
    assert delete_openers("So far, 12 people have died in the floods.") == ("So far, 12 people have died in the floods.", [])


def test_an_inserted_however_leans_on_the_sentence_before():
    """Held-out sample L printed "Trump, however, said infrastructure won't happen …": a contrast with a sentence
    the reader never saw. The aside goes, shown; inside a quotation it stays."""
    text, edits = delete_leaners("In a last-minute move, Trump, however, said infrastructure won't happen until a deal is struck.")
    assert text == "In a last-minute move, Trump said infrastructure won't happen until a deal is struck."
    assert [(e.text, e.reason) for e in edits] == [("however", "leans on context")]
    assert delete_leaners("He said, “We, however, disagree.”") == ("He said, “We, however, disagree.”", [])


def test_asides_with_names_or_numbers_stay():
    assert delete_asides("The talks were, by all accounts (and to everyone’s relief), cordial.")[0] == \
        "The talks were, by all accounts, cordial."
    kept = "Officials—including Treasury Secretary Janet Yellen—are expected to visit (in 2 weeks)."
    assert delete_asides(kept) == (kept, [])
    # An acronym the sentence goes on to use, a senator's party: held-out roundups lost both.
    for kept in ("The Multinational Force and Observers (MFO) said the soldiers were killed, the MFO said.",
                 "Sen. Susan Collins (R-ME) said she would oppose the bill.",
                 "Rep. Adam Schiff (D-Calif.) released the memo.",
                 # A state's abbreviation, with capitals or without (held-out sample Q kept "(Del.)", not "(R.I.)").
                 "Sens. Sheldon Whitehouse (R.I.) and Chris Coons (Del.) wrote a letter to the FBI.",
                 # … and in the style "(D., N.Y.)" (held-out sample R kept Schiff's and deleted Nadler's).
                 "Chairman Jerrold Nadler (D., N.Y.) and Chairman Adam Schiff (D., Calif.) said he agreed."):
        assert delete_asides(kept) == (kept, [])
    assert delete_asides("The vote (which was expected) passed easily.")[0] == "The vote passed easily."
    assert delete_asides("The Department of Justice (DOJ) on Monday sided with the ruling.")[0] == \
        "The Department of Justice on Monday sided with the ruling."
    # A dash aside that closed a fronted clause leaves its comma (sample K: "… the enemy of the people he's not …").
    assert delete_asides("When Trump derides the media as the enemy of the people — as he's doing more often — he's "
                         "not just venting.")[0] == "When Trump derides the media as the enemy of the people, he's not just venting."
    assert delete_asides("The senator — a former lawyer — said no.")[0] == "The senator said no."
    # A dash aside that also closes an appositive stays (sample N: "… helped get Donald Trump elected had tendered …").
    bannon = ("The White House confirmed that Steve Bannon, the embattled “economic nationalist” whose mastery of Breitbart "
              "News helped get Donald Trump elected—thus planting the seed of his own demise—had tendered his resignation.")
    assert delete_asides(bannon) == (bannon, [])
    assert delete_asides("The senator, who spoke Monday, said the bill — a costly one — would pass.")[0] == \
        "The senator, who spoke Monday, said the bill would pass."
    assert delete_asides("Many are destination weddings, which push up the cost of attending — including travel — for guests.")[0] \
        == "Many are destination weddings, which push up the cost of attending for guests."  # no verb after: it goes


def test_neutral_lexicon_outside_quotes_only():
    text, edits = neutralize("Blinken met Chinese authoritarian leader Xi Jinping, Blinken admitted, calling it “a disastrous trip.”")
    assert text == "Blinken met Chinese leader Xi Jinping, Blinken said, calling it “a disastrous trip.”"
    assert [(e.text, e.replacement) for e in edits] == [("authoritarian leader", "leader"), ("admitted", "said")]
    assert loaded_terms(text) == []  # the quoted "disastrous" is the speaker's, attributed


def test_a_loaded_word_in_a_title_stays_and_a_loaded_noun_is_replaced_not_deleted():
    # Capitalised inside a sentence, the word is part of a name ("The, remains a classic" was printed).
    for kept in ("Their 1995 follow-up The Infamous, remains a hardcore classic.", "In his autobiography, My Infamous Life, he wrote it."):
        assert neutralize(kept) == (kept, []), kept
    assert neutralize("Infamous gangsters ruled the city.")[0] == "Gangsters ruled the city."
    # A loaded label before a name is the writer's, capital or not (unseen NeuS roundups printed it).
    assert neutralize("Trump canceled the summit with North Korean Dictator Kim Jong Un.")[0] == \
        "Trump canceled the summit with North Korean leader Kim Jong Un."
    assert neutralize("He called the man an extremist.")[0] == "He called the man an extremist."  # not "an."
    assert neutralize("He called the man an extremist who should be jailed.")[0] == \
        "He called the man an extremist who should be jailed."
    # Held-out samples G-K: words the lexicon must leave alone, or replace so that the sentence still reads.
    for text, neutral in HELD_OUT_WORDINGS:
        assert neutralize(text)[0] == neutral, text


# (what an outlet wrote, the brief's wording): held-out samples G-K printed the broken ones in the comments.
HELD_OUT_WORDINGS = [
    # "Fake news" is mostly a speaker's own term (the topic of Clinton's speech: "false news" misquoted it).
    ("He understood the importance of tackling fake news.", "He understood the importance of tackling fake news."),
    # "slammed his hand on a table" is no criticism ("criticized his hand").
    ("President Trump slammed his hand on a table and walked out.", "President Trump slammed his hand on a table and walked out."),
    ("Trump slammed his critics on Monday.", "Trump criticized his critics on Monday."),
    # A party's name as its opponents write it, a verdict on an inquiry, praise of a bill.
    ("Democrat President Joe Biden signed the much-needed relief bill.", "Democratic President Joe Biden signed the relief bill."),
    ("He spoke of the Russia hoax.", "He spoke of the Russia investigation."),
    # "called for Republicans “finally get tough”"; an acronym keeps its article ("a mRNA").
    ("Trump demanded Republicans “finally get tough.”", "Trump demanded Republicans “finally get tough.”"),
    ("Protesters demanded an end to the war.", "Protesters called for an end to the war."),
    ("People may receive an mRNA booster dose, the so-called third shot.", "People may receive an mRNA booster dose, the third shot."),
    # "admitted" and "claimed" before an object are no reporting verbs ("said any minorities", "said a
    # religious exemption"); before a clause they are.
    ("He asked if the club had admitted any minorities.", "He asked if the club had admitted any minorities."),
    ("The senator admitted that he had lied.", "The senator said that he had lied."),
    ("Doctors could refuse treatment if they claimed a religious exemption.", "Doctors could refuse treatment if they claimed a religious exemption."),
    ("He claimed the election was stolen.", "He said the election was stolen."),
    # A loaded word used as the noun stays rather than leave a hole ("The fumed over …").
    ("The far-left fumed over an initial draft.", "The far-left fumed over an initial draft."),
    ("The far-left group fumed over the draft.", "The group fumed over the draft."),
    # Sample K: a party's noun as its opponents' adjective; a label and an intensifier in the outlet's voice;
    # "lambasting" as "lambasted" is; a predicate keeps its word (no hole).
    ("Ten Republicans will vote for a Democrat resolution.", "Ten Republicans will vote for a Democratic resolution."),
    ("The event will feature eight Democrat candidates.", "The event will feature eight Democratic candidates."),
    ("The Democrat said she would run.", "The Democrat said she would run."),
    ("The Senate confirmed a controversial new director.", "The Senate confirmed a new director."),
    ("The plan is controversial among Republicans.", "The plan is controversial among Republicans."),
    ("It marks the start of a fierce partisan battle.", "It marks the start of a partisan battle."),
    ("He criticized leaks, lambasting senior leakers.", "He criticized leaks, criticizing senior leakers."),
    # Sample L: "claimed to be" is no "said to be"; "sham" is a verdict.
    ("States imposed what they claimed to be preventative measures.", "States imposed what they claimed to be preventative measures."),
    ("Republicans ordered a sham audit of the vote.", "Republicans ordered an audit of the vote."),
    # Sample P: an edit elsewhere in the sentence turned "a U.S.-designated" into "an U.S.": an article stays
    # beside the word the writer put it before, and one beside a new word reads by its sound.
    ("The regime gave control of internal security to a U.S.-designated terrorist.",
     "The government gave control of internal security to a U.S.-designated terrorist."),
    ("The regime paid a one-time bonus to a European firm for an hour of work.",
     "The government paid a one-time bonus to a European firm for an hour of work."),
    ("The Senate confirmed an extremist judge.", "The Senate confirmed a judge."),
    # Sample P: "declared" before an object declares something ("said the restoration of …" is no sentence);
    # before a clause it reports speech.
    ("The Taliban declared the restoration of their Islamic Emirate.", "The Taliban declared the restoration of their Islamic Emirate."),
    ("Soldiers declared it a closed military area.", "Soldiers declared it a closed military area."),
    ("He declared Thursday that he would run.", "He said Thursday that he would run."),
    # Sample P: the outlet's verdicts "finally" (after "are": an adverb, no predicate) and "momentous"; a word
    # coordinated by a comma goes with its comma; an adverb that ends the clause stays rather than leave "was.".
    ("Top Senate Democrats are finally in agreement on their party's momentous spending plans.",
     "Top Senate Democrats are in agreement on their party's spending plans."),
    ("Ham spoke amid some glaring, gaping full-sized dinosaur models.", "Ham spoke amid some gaping full-sized dinosaur models."),
    ("The wait was finally.", "The wait was finally."),
    # Sample Q: "demanded the FBI explain" is no "called for the FBI explain"; "plunging into" a race enters it.
    ("Seven Democrats demanded the FBI explain its use of a tip line.", "Seven Democrats demanded the FBI explain its use of a tip line."),
    ("Protesters demanded the resignation of the mayor.", "Protesters called for the resignation of the mayor."),
    ("He is preparing a run without plunging into the candidate pool.", "He is preparing a run without plunging into the candidate pool."),
    ("Stocks are plunging on Monday.", "Stocks are falling on Monday."),
    # Sample R: a nickname for a country, an emotive adjective, intent in an adverb, a pejorative verb; a storm
    # that "slams into" the coast criticizes nobody.
    ("It amounted to a declaration of war against the Hermit Kingdom.", "It amounted to a declaration of war against North Korea."),
    ("Four gymnasts offered gut-wrenching testimony on Wednesday.", "Four gymnasts offered testimony on Wednesday."),
    ("NBC aired a deceptively edited clip of Barr.", "NBC aired an edited clip of Barr."),
    ("The panel was a hurdle for the plan to dole out a third dose.", "The panel was a hurdle for the plan to distribute a third dose."),
    ("A campaign slams national media outlets.", "A campaign criticizes national media outlets."),
    ("The hurricane slams into the coast.", "The hurricane slams into the coast."),
    ("Trump appealed to seniors by touting his effort to deliver a vaccine.", "Trump appealed to seniors by promoting his effort to deliver a vaccine."),
    # Sample S: "explosive" testimony is the outlet's verdict, an explosive device is a bomb; "in incendiary terms".
    ("Cohen is set to deliver explosive public testimony.", "Cohen is set to deliver public testimony."),
    ("Police found an explosive device at the home.", "Police found an explosive device at the home."),
    ("Trump knocked Democrats in incendiary terms on Wednesday.", "Trump knocked Democrats on Wednesday."),
    # Sample T: a hedge goes with the word it hedges ("with potentially flooding" was printed), not a predicate;
    # an adverb after a comma leaves the comma; "conceded to" a rival concedes; more verdicts.
    ("Harvey threatens Louisiana with potentially disastrous flooding.", "Harvey threatens Louisiana with flooding."),
    ("The storm was potentially catastrophic for the coast.", "The storm was potentially catastrophic for the coast."),
    ("GDP climbed to 4.1 percent, finally breaking through years of stagnation.",
     "GDP climbed to 4.1 percent, breaking through years of stagnation."),
    ("Andrew Gillum conceded Saturday to Ron DeSantis.", "Andrew Gillum conceded Saturday to Ron DeSantis."),
    ("In a damning, 76-page report, James said homes underreported deaths.", "In a 76-page report, James said homes underreported deaths."),
    ("A bombshell report accused the state.", "A report accused the state."),
    ("Reactions were predictably polarized.", "Reactions were polarized."),
    ("Trump praised his call with Russian strongman Vladimir Putin.", "Trump praised his call with Russian leader Vladimir Putin."),
    ("Gov. Tate Reeves on Sunday refuted reports of transmission in schools.", "Gov. Tate Reeves on Sunday disputed reports of transmission in schools."),
    # Sample S: privilege is asserted, not said; "demanded the government account for" is no "called for …".
    ("Trump has asserted executive privilege over the documents.", "Trump has asserted executive privilege over the documents."),
    ("Standards demanded the federal government account for climate change.",
     "Standards demanded the federal government account for climate change."),
]


def test_an_outlet_s_verdict_on_the_event_closing_the_sentence_is_deleted():
    """Held-out sample R printed "…, in a victory for the Democratic leaders who had long sought his
    testimony." as fact: what the event means for someone is the outlet's verdict; the event stands alone."""
    from summarize.edit import delete_verdict_clause

    assert delete_verdict_clause("Mueller will testify next month before two House committees, in a victory for the "
                                 "Democratic leaders who had long sought his testimony.")[0] == \
        "Mueller will testify next month before two House committees."
    assert delete_verdict_clause("Biden's victory in Michigan was certified, in a major blow to Mr Trump.")[0] == \
        "Biden's victory in Michigan was certified."
    assert delete_verdict_clause("New claims rose to 778,000, in a troubling sign for the recovery.")[0] == \
        "New claims rose to 778,000."
    # Near misses: a clause that does not close the sentence, and one inside a quotation.
    for text in ("The team won, in a victory for the ages, the coach said.", 'He said, "in a victory for all of us."'):
        assert delete_verdict_clause(text) == (text, [])


def test_an_outlet_s_verdict_on_an_amount_is_deleted():
    """"a whopping $9.65 million" judges the figure; the figure is the news."""
    assert neutralize("The townhouse is back on the market for a whopping $9.65 million.")[0] == \
        "The townhouse is back on the market for $9.65 million."
    assert neutralize("The bill carries an eye-popping price tag.")[0] == "The bill carries a price tag."
    assert neutralize("Prices rose a staggering 40 percent.")[0] == "Prices rose 40 percent."
    assert neutralize("Prices rose an astonishing 40 percent.")[0] == "Prices rose 40 percent."
    # After "was" the word is the whole predicate: deleting it would leave "The scene was, …".
    for kept in ("The scene was horrific, the mayor said.", "A drunk man was staggering down the street."):
        assert neutralize(kept) == (kept, []), kept



def test_a_judging_verb_is_made_plain_and_the_sentence_still_reads():
    assert neutralize("He admitted that he lied.")[0] == "He said that he lied."
    # The same verbs where nobody is speaking stay as written ("said to the hospital" was printed).
    for kept in ("He had been admitted to the hospital days earlier.", "The group claimed responsibility for the fires.",
                 "Martial law was declared on May 20.", "The pandemic has claimed too many lives.",
                 "Scientists declared 1997 the warmest year on record.", "He insisted on a recount.",
                 "There were up to 1.6 million children home schooled in 1998.", "Trey is schooled in jazz."):
        assert neutralize(kept) == (kept, []), kept
    assert neutralize("Pence claimed Soleimani had helped.")[0] == "Pence said Soleimani had helped."
    assert neutralize("Pasztor admitted to smothering her two children.")[0] == "Pasztor acknowledged smothering her two children."
    assert neutralize("She admitted to police that she took the car.")[0] == "She said to police that she took the car."
    # Unseen NeuS roundups printed "three days after being said with Covid-19".
    for kept in ("Trump left hospital three days after being admitted with Covid-19.",
                 "He got admitted to Harvard in 2019."):
        assert neutralize(kept) == (kept, []), kept


def test_a_reporting_verb_that_judges_is_replaced_but_not_where_it_moves_something():
    """"McDaniel blasted the Commission" is a judgement of the speaker; "Star Wars blasted into movie
    theaters" (a DUC dev story: it had read "criticized into movie theaters") and "a bullet ripped through"
    are no speech at all."""
    assert neutralize("McDaniel blasted the Commission on Presidential Debates.")[0] == \
        "McDaniel criticized the Commission on Presidential Debates."
    assert neutralize("The senator excoriated the plan, and she railed against the ruling.")[0] == \
        "The senator criticized the plan, and she criticized the ruling."
    # Held-out sample E: "a statement slamming …", "a blistering attack" (the article follows), "adoring supporters".
    assert neutralize("Pelosi issued a statement slamming the decision.")[0] == "Pelosi issued a statement criticizing the decision."
    assert neutralize("He launched a blistering attack on adoring supporters.")[0] == "He launched an attack on supporters."
    # Held-out sample F: a slur for the virus (capitalised in the lexicon itself), "begged" ("begged off" is no plea).
    assert neutralize("The CCP virus spread, and she begged lawmakers to act.")[0] == \
        "The coronavirus spread, and she asked lawmakers to act."
    assert neutralize("He begged off the interview.") == ("He begged off the interview.", [])
    assert neutralize("It was a bizarre incident on a red carpet.")[0] == "It was an incident on a red carpet."
    assert neutralize("Scientists tried a bizarre-sounding experiment.")[1] == []
    for moving in ("When Star Wars blasted into movie theaters in 1977, it was new.", "A bullet ripped through the wall.",
                   "The car slammed into a tree.", "Trump ripped into Biden on Tuesday.", "The roof caved in.",
                   "She hailed from Ohio.", "He was lecturing at Harvard."):
        assert neutralize(moving) == (moving, [])
    # Held-out sample O printed "said Wednesday to wearing blackface": a day between the verb and "to …ing".
    kept = "Ralph Northam admitted Wednesday to wearing blackface in 1984."
    assert neutralize(kept) == (kept, [])
    # "illegal immigrants", "illegal aliens": the AP's wording instead (NeuS train roundups print them 43 times).
    assert neutralize("Trump held the line on his policy toward illegal immigrants, urging Democrats to give in.")[0] == \
        "Trump held the line on his policy toward immigrants in the country illegally, urging Democrats to give in."
    assert neutralize("He called for amnesty for an illegal alien.")[0] == "He called for amnesty for an immigrant in the country illegally."
    # "insisted that … be disclosed" is an order: "said that … be disclosed" does not parse (held-out sample N).
    ordered = "The Supreme Court insisted that many donations to nonprofit groups — what's called dark money — be disclosed."
    assert neutralize(ordered) == (ordered, [])
    assert neutralize("Trump insisted that the election was stolen.")[0] == "Trump said that the election was stolen."


def test_a_loaded_word_after_a_degree_word_stays_rather_than_leave_the_degree_on_another():
    """"the nation's most radical political change" was printed as "the nation's most political change"."""
    text = "Brazil elected a populist in the nation’s most radical political change since 1985."
    assert neutralize(text) == (text, [])
    assert neutralize("It is one of the most notorious moments of his term.")[1] == []
    assert neutralize("The radical group met on Monday.")[0] == "The group met on Monday."
    # "acted recklessly when he knelt" was printed "acted when he knelt"; "demanded $150 billion … be removed"
    # was printed "called for $150 billion … be removed".
    for kept in ("Prosecutors tried to prove that the officer acted recklessly when he knelt on the man's neck.",
                 "He demanded $150 billion in clean-energy spending be removed from the bill.", "He demanded that she resign."):
        assert neutralize(kept) == (kept, []), kept
    assert neutralize("She demanded an apology from the network.")[0] == "She called for an apology from the network."


def test_a_loaded_word_coordinated_with_another_goes_with_its_conjunction():
    """Wordings from dev and NeuS train articles: deleting the word alone left "a swift and rout", "ongoing
    and election conspiracy theories", "she is threatening or."."""
    for text, neutral in [
        ("In a swift and stunning rout, Taliban fighters seized Kabul.", "In a swift rout, Taliban fighters seized Kabul."),
        ("He repeated the president's ongoing and bizarre election conspiracy theories.",
         "He repeated the president's ongoing election conspiracy theories."),
        ("Democrats say she is threatening or radical.", "Democrats say she is threatening."),
        ("The controversial and costly bill passed the House.", "The costly bill passed the House."),
        ("It is another chapter in the decades-long, controversial effort by Vail Resorts.",
         "It is another chapter in the decades-long effort by Vail Resorts."),
        ("Everything is flashy, shocking, bright and exciting.", "Everything is flashy, bright and exciting."),
        # A noun partner keeps its conjunction.
        ("He conspired with his lawyer and extremist groups.", "He conspired with his lawyer and groups."),
    ]:
        assert neutralize(text)[0] == neutral, text
    assert neutralize("The costly and controversial bill passed.")[1][0].text == "and controversial"  # shown whole
    # A word with a complement or inside "either … or" stays: deleting it changes what is said.
    for kept in ("Selznick was demanding and infamous for his phone calls.", "The cheating, either brazen or accidental, went on.",
                 "He called him an extremist and a liar."):
        assert neutralize(kept) == (kept, []), kept


def test_a_dash_aside_that_is_a_second_verb_stays():
    from summarize.edit import delete_asides

    text = "The guidance came weeks after the agency published – and then took down – a similar warning."
    assert delete_asides(text) == (text, [])
    assert delete_asides("The plan – widely expected – passed on Monday.")[0] == "The plan passed on Monday."


def test_full_names_come_only_from_names_two_outlets_print():
    trusted = full_names([SOURCE_3, "Secretary of State Antony Blinken arrived.", SOURCE_1, "On Monday, Xi Jinping spoke.",
                          "Although Blinken said so.", "the Foreign Affairs Commission Office director"])
    assert "Antony Blinken" in trusted and "Xi Jinping" in trusted
    assert not any(name.startswith("Although") or "Office" in name for name in trusted)
    text, edits = expand_names(SOURCE_1, {1: SOURCE_1, 3: SOURCE_3}, own_source=1, trusted=trusted)
    assert text.startswith("During his two-day visit, Antony Blinken met")
    assert [(e.type, e.text, e.source) for e in edits] == [("add", "Antony", 3)]
    [*_, fused] = variants(SOURCE_1, 1, {1: SOURCE_1, 3: SOURCE_3}, trusted)
    assert fused.kind == "fused"
    # An institution's word is no bare name (held-out sample I printed "the Labor Department of Labor").
    labor = "Claims fell, the Department of Labor said Thursday."
    assert expand_names(labor, {1: "Claims fell, the Labor Department said.", 2: labor}, 2, frozenset({"Labor Department"})) \
        == (labor, [])


def test_evaluative_claims_are_recognised_and_attribution_counts():
    assert is_evaluative("The visit was a disastrous failure for Washington.")
    assert is_evaluative("The rollout went badly, and the result is disappointing.")
    assert not is_evaluative("Blinken met Xi Jinping in Beijing on Monday.")
    # News reports events in valenced nouns and verbs without judging them.
    assert not is_evaluative("The central bank raised its main interest rate by half a percentage point.")
    assert not is_evaluative("Two people were killed and the agreement collapsed after the attack.")
    assert not is_evaluative("Three players tested positive for a banned substance.")
    # Held-out sample N attributed these as opinion: guidance to anyone, and the accusation's own words.
    assert not is_evaluative("The CDC is cutting the number of days one should quarantine from 14 days to between seven and 10.")
    assert not is_evaluative("Hunter Biden is rejecting assertions by President Trump that he did anything wrong in Ukraine.")
    # Held-out sample R: a modal in a question the story reports, and what a video was made to seem.
    assert not is_evaluative("Trump disinvited the Eagles over a disagreement over what players should be doing during the anthem.")
    assert not is_evaluative("Facebook kept a video edited to make it seem that Pelosi was slurring her words.")
    assert is_evaluative("That's how it should be.") and is_evaluative("It seems the plan will fail.")
    assert not is_evaluative("The guidelines were meant to instruct how schools and churches can safely reopen.")
    # What an event means for someone is a verdict (dev neus-val-8); the event itself, in the same words, is not.
    assert is_evaluative("The 5-4 decision overturning a California law is a victory for the First Amendment.")
    assert not is_evaluative("The Supreme Court on Tuesday dealt a major blow to a California law.")
    assert is_evaluative("Voters should reject the plan.") and is_evaluative("He was wrong about the vote.")
    # Facts in judging words (dev briefs hedged these with "According to one outlet, …").
    assert not is_evaluative("Prodigy, the rapper best known for his work in Mobb Deep, died in Las Vegas.")
    assert not is_evaluative("The accident happened at about 11:45 a.m. on the 23rd floor.")
    assert not is_evaluative("Smith was fatally shot on Saturday night.")
    assert not is_evaluative("The governor called a special election for the Senate seat in March.")
    # A denial names who is speaking: no "According to one outlet, …" before it (unseen NeuS roundups).
    assert is_attributed("Roy Moore, the Republican candidate for the Senate seat, denies the allegations.")
    assert attribute_to("Several big technology companies removed the links.", "one outlet")[0] == \
        "According to one outlet, several big technology companies removed the links."
    # A function word is no name (held-out sample S printed "According to Source 1, Through his attorney …");
    # "US" is no "us".
    assert attribute_to("Through his attorney, Biden defended his work.", "Source 1")[0] == \
        "According to Source 1, through his attorney, Biden defended his work."
    assert attribute_to("US officials say the plan is bad.", "Source 1")[0] == "According to Source 1, US officials say the plan is bad."
    # "appears to" hedges; appearing on an album or in court is an event.
    assert is_evaluative("The deal appears to be dead.") and is_evaluative("It now appears certain that he will testify.")
    assert not is_evaluative("The song, to appear on the third album, was recorded in 1970.")
    assert not is_evaluative("She is due to appear in federal court on July 19.")
    assert not is_evaluative("It appears on page 3 of the report.")
    # A verdict on truth or motive is the outlet's, though a sentiment lexicon scores it neutral.
    assert is_evaluative("The mantra led the moderator to presume the truth of the unproven accusation.")
    assert is_evaluative("President Donald Trump is defiantly holding the line on his policy.")
    assert is_attributed("The visit was a failure, Bloomberg reported.")
    # "…, US media report." names its tellers: no cut of it as a clause other outlets do not state (held-out
    # sample E printed a second-hand report as fact); "the report found" is a noun.
    assert is_attributed("The department has opened a criminal inquiry, US media report.")
    assert not is_attributed("The report found flaws in the inquiry.")
    assert not is_attributed("“The visit was a failure.”")


def test_an_added_attribution_lowers_the_first_word_unless_it_is_a_name():
    sources = ["Many historians agree the mound is old.", "The dig was led by historians from Aberdeen.",
               "Officials met Blinken in Beijing.", "He met U.S. officials in the spring."]
    common = common_words(sources)
    assert "historians" in common and "blinken" not in common
    said = {text: attribute_to(text, "Bloomberg", common)[0] for text in (
        "Historians long wondered whether the mound was a great assembly site.",
        "Blinken gave a disappointing answer.", "U.S. officials were happy.", "During the visit, talks were good.")}
    assert list(said.values()) == [
        "According to Bloomberg, historians long wondered whether the mound was a great assembly site.",
        "According to Bloomberg, Blinken gave a disappointing answer.",
        "According to Bloomberg, U.S. officials were happy.",
        "According to Bloomberg, during the visit, talks were good."]
    # A title before a name is part of the name.
    common = common_words(sources + ["The president spoke."])
    assert attribute_to("President Donald Trump is learning a painful lesson.", "Bloomberg", common)[0] == \
        "According to Bloomberg, President Donald Trump is learning a painful lesson."
    assert attribute_to("Voters Tuesday rejected the plan.", "Bloomberg", common_words(["Most voters agreed."]))[0] == \
        "According to Bloomberg, voters Tuesday rejected the plan."
    # A word the sources never capitalise inside a sentence is no name ("According to one outlet, New
    # surveillance video …" was printed); one they do ("Blinken", "President") keeps its capital.
    from summarize.neutral import lowercase_words

    lower = lowercase_words(sources + ["Reporters asked President Biden.", "They saw New York and new video.",
                                       "Americans voted.", "Critics said Xi Jinping is strong.", "He was tagging along."])
    assert attribute_to("New surveillance video appears to show the attack.", "CNN", common, lower)[0] == \
        "According to CNN, new surveillance video appears to show the attack."
    assert attribute_to("Tagging along is a combat photographer.", "CNN", common, lower)[0] == \
        "According to CNN, tagging along is a combat photographer."
    for kept in ("Blinken gave a disappointing answer.", "President Biden gave a good answer.",
                 "New York had a bad year.", "NATO had a bad year.", "Guitarist Jimmy Page gave a great show.",
                 "Americans are rightly furious about the plan.", "Xi is a ruthless leader, critics say."):
        assert attribute_to(kept, "CNN", common, lower)[0] == f"According to CNN, {kept}", kept


def test_numbers_that_count_the_same_thing_differently():
    assert measures_differ("Blinken’s 35-minute meeting with Xi", "his 30-minute meeting with Xi")
    assert not measures_differ("a 35-minute meeting on June 19", "5 years and a meeting on June 18")
    # Both state 157: a total of seats beside the count is no disagreement about the count.
    assert not measures_differ("The party had won 157 of 338 seats.", "The party is projected to win 157 seats.")
    assert not measures_differ("The fund exhausted its $350 billion in loans.", "It reached its $349 billion limit.")
    # Different starting points, different measures; the same starting point, a real disagreement.
    assert not measures_differ("Sales rose 36% from February.", "Sales are up 25% from March 2020.")
    assert measures_differ("Sales rose 36% from February.", "Sales rose 25% from February.")
    # Seen on dev clusters: figures that both hold, one rounded, a forecast, decades, two different things.
    assert measures_differ("Nearly 200,000 settlers live in more than 150 settlements in the West Bank.",
                           "Israel must evacuate all 144 settlements in the West Bank.")
    assert not measures_differ("The tribes' casinos generate more than $100 million a year.",
                               "The tribes take in more than $350 million a year from casinos.")
    assert not measures_differ("The House passed a $1.37 trillion spending package.", "The House approved a $1.4 trillion spending bill.")
    assert not measures_differ("Economists had expected 845,000 new jobs.", "The economy added 943,000 new jobs in July.")
    assert not measures_differ("Prodigy flourished in the '90s with Mobb Deep.", "Prodigy led the sound of the 1990s with Mobb Deep.")
    assert not measures_differ("The bodies lay on a glacier at a height of 5,900 meters.",
                               "They descended to base camp, set up at 5,700 meters.")
    assert not measures_differ("Gun checks rose 36% from February.", "The 4.69 million checks is a 25% increase from a record set in March 2020.")
    assert not measures_differ("About 40 percent of the students use steroids for their looks.", "Steroid use fell by 50 percent.")
    # Two polls measure two things; a yearly figure is no total.
    assert not measures_differ("A poll found that 83 percent of Americans favor teaching evolution in schools.",
                               "A Gallup poll found that 68 percent of Americans favored teaching evolution in schools.")
    assert not measures_differ("The council says 30,000 child seats a year are inspected at community events.",
                               "More than 45,000 child seats have been inspected at community events since 1996.")
    # Whose figure: two places or groups are two figures; a count and a rate are two measures.
    assert not measures_differ("In 1997, Washington had a murder rate of 55 per 100,000 population, Baltimore 46.",
                               "The report said the murder rate by Indians in 1996 was 4 per 100,000.")
    assert measures_differ("Osteoarthritis affects more than 37 million Americans.",
                           "Currently, 23 million Americans suffer from osteoarthritis.")
    # Who reports a figure is not whose it is.
    assert measures_differ("According to the Health Ministry, 52 people died in the quake on Sunday.",
                           "The Red Cross said 60 people died in the quake on Sunday.")
    assert not measures_differ("The CDC found 60 children ages 3 to 10 who had autism.",
                               "The study found a rate of 4 children with autism per 1,000 between the ages of 3 and 10.")


def test_a_negation_is_a_disagreement_only_about_the_word_it_negates():
    from summarize.attribute import denies

    assert denies("China has not agreed to the talks.", "China has agreed to the talks.")
    assert not denies("Plush said he did not know the Spirit planned to play the anthem.",
                      "Plush said he was unaware of the Spirit's plans for the anthem.")


def test_clause_deletions_keep_what_the_rest_says():
    from summarize.edit import clause_deletions

    cuts = dict(clause_deletions("On Monday, the House approved President Biden’s $1.9 trillion stimulus bill, "
                                 "ending a grueling monthlong fight on Capitol Hill."))
    assert "The House approved President Biden’s $1.9 trillion stimulus bill." in cuts
    edits = cuts["On Monday, the House approved President Biden’s $1.9 trillion stimulus bill."]
    assert [(e.type, e.text) for e in edits] == [("delete", "ending a grueling monthlong fight on Capitol Hill")]
    # Trailing participles that are no list of charges still go (near miss of the gerund list below).
    assert "The Senate confirmed Amy Coney Barrett on Monday." in dict(clause_deletions(
        "The Senate confirmed Amy Coney Barrett on Monday, giving conservatives a majority and raising questions."))
    for whole in (
        "The company will pay the fine to the regulator, but only if the court agrees.",  # a condition
        "Another 6.6 million people applied for benefits last week, the government reported on Thursday.",  # the speaker
        "Blinken met with Chinese leader Xi Jinping, foreign policy chief Wang Yi, and minister Qin Gang.",  # a list
        "John Smith, the former mayor of the city of Boston, was arrested on Monday after an inquiry.",  # the verb
        "In theory, the meeting between the two leaders will pave the way for a summit, officials hope.",  # a hedge
        "While the meeting with Xi was a gentle end-note to the visit, the envoy also heard harsh words.",  # subordinate
        "The minister said the “talks were useful, but far from over” after the meeting ended.",  # a quotation
        # DUC briefs printed these cut: an aside before the verb, a list at an item, the main clause after a
        # fronted appositive.
        "Evolution holds that the Earth is billions of years old and that all life, including humans, evolved "
        "from simple forms.",
        "Wetlands, an important natural ecological system known as the earth's kidney, include marshland, lakes, "
        "rivers and other shallow water land.",
        "A buddy of Jedi knights Qui-Gon Jinn (Liam Neeson) and Obi-Wan Kenobi (McGregor), Jar Jar kind of fills "
        "the Chewbacca vacuum.",
        # Held-out sample S: three charges, cut to fit to "arrested on charges of lying to Congress".
        "Roger Stone was arrested on charges of lying to Congress, obstructing an official proceeding and trying to "
        "persuade a witness to lie.",
    ):
        assert clause_deletions(whole) == [], whole



def test_leading_pronoun_is_resolved_only_when_one_person_is_named_before():
    from summarize.edit import resolve_pronoun

    names = frozenset({"Antony Blinken", "Xi Jinping"})
    assert resolve_pronoun("He even called for Blinken to do more.", "Xi urged Washington to be pragmatic.", names)[0] == \
        "Xi even called for Blinken to do more."
    assert resolve_pronoun("His trip was postponed.", "At long last, Antony Blinken traveled to Beijing.", names)[0] == \
        "Antony Blinken’s trip was postponed."
    unchanged = "He said so."
    # The sentence before speaks of someone named further back: its one name is not whom "She" means.
    assert resolve_pronoun("She is well respected inside NBC News.", "But she's a respected journalist, praised by an "
                           "adviser to Xi Jinping.", names) == ("She is well respected inside NBC News.", [])
    assert resolve_pronoun(unchanged, "Blinken met Xi in Beijing.", names) == (unchanged, [])  # two people: ambiguous
    assert resolve_pronoun(unchanged, "The talks ended on Monday.", names) == (unchanged, [])  # nobody named
    # A person named only as an owner is not whom "She" means (held-out sample I: the reporter's "She added"
    # became "Kamala Harris added").
    italiano = "Post reporter Laura Italiano resigned over a story about Vice President Kamala Harris’ book."
    assert resolve_pronoun("She added that the story was wrong.", italiano, frozenset({"Kamala Harris"}))[1] == []
    # A contracted verb is spelled out when only one verb fits; "He'd go" (would) and "She's" (is or has) stay.
    conyers = frozenset({"Carl Conyers"})
    found = "Carl Conyers was found early Friday."
    assert resolve_pronoun("He'd been the subject of a search.", found, conyers)[0] == \
        "Carl Conyers had been the subject of a search."
    assert resolve_pronoun("He’ll return to class.", found, conyers)[0] == "Carl Conyers will return to class."
    for unclear in ("He'd go home.", "He's tired."):
        assert resolve_pronoun(unclear, found, conyers) == (unclear, [])
    # A place or an institution is never the "she" of the next sentence.
    elkhart = "She said she was in Michigan when she heard the alert."
    assert resolve_pronoun(elkhart, "She was held in the Elkhart County jail.", frozenset({"Elkhart County"})) == (elkhart, [])
    # A name opening on "Park" is a person; with two people named, "she" is ambiguous.
    talks = "She said the talks would continue."
    assert resolve_pronoun(talks, "Park Geun-hye met Moon Jae-in in Seoul.", frozenset({"Park Geun-hye", "Moon Jae-in"})) == (talks, [])
    hospital = "He had been taken to the hospital days earlier."
    assert resolve_pronoun(hospital, "Prodigy, one-half of the rap group Mobb Deep, died Tuesday.",
                           frozenset({"Mobb Deep"})) == (hospital, [])
    assert resolve_pronoun(hospital, "Prodigy, iconic rapper and one-half of Mobb Deep, died Tuesday.",
                           frozenset({"Mobb Deep"})) == (hospital, [])
    # Held-out sample S: the one full name two outlets print is spoken of; "He" is who speaks, by surname alone
    # ("He added" had become "Robert Mueller added" for McConnell's words).
    asked = ("Asked about the effort to protect special counsel Robert Mueller, McConnell said this: “I don't think he "
             "should fire Mueller.”")
    added = "He added: “There's no indication that Mueller's going to be fired.”"
    assert resolve_pronoun(added, asked, frozenset({"Robert Mueller"})) == (added, [])
    # A Multi-News dev brief: the sentence before opens on its subject by surname alone ("Chaffetz sent a letter
    # … of Trump and Comey’s conversations"); "His request" was his, not Trump's.
    chaffetz = "Chaffetz sent a letter to the FBI asking for any records of Trump and Comey’s conversations."
    echoed = "His request was echoed by a spokeswoman for House Speaker Paul Ryan."
    assert resolve_pronoun(echoed, chaffetz, frozenset({"Donald Trump"})) == (echoed, [])
    # … but a sentence opening on "That's" names no one else (a Multi-News dev story lost "She" = Heaven Sutton).
    assert resolve_pronoun("She was selling candy at a stand.", "That's how old Heaven Sutton was when she died.",
                           frozenset({"Heaven Sutton"}))[0] == "Heaven Sutton was selling candy at a stand."
    # Held-out sample M: the one name two outlets print came second; "He" was the senator named first.
    urging = "He is now urging Congress to order a full review of the potential hack."
    schumer = ("Newly elected Democratic Senate Leader Chuck Schumer (D-NY) has said that the new CIA report that "
               "claims Russia propelled Donald Trump to the presidency is stunning.")
    assert resolve_pronoun(urging, schumer, frozenset({"Donald Trump"})) == (urging, [])
    # A name before a title is a place or a body, not the "She" that follows (sample N: "Puerto Rico thanked …").
    thanked = "She thanked the White House and President Donald Trump."
    assert resolve_pronoun(thanked, "Puerto Rico Gov. Wanda Vázquez Garced tweeted Friday that $13 billion was approved.",
                           frozenset({"Puerto Rico"})) == (thanked, [])
    # ... but the one a speaker reports on is the "He" of what follows (a Multi-News dev story).
    found = ("KXAS-TV reports Houston police spokesman Kese Smith says Carl Conyers, a 21-year-old student, was found "
             "early Friday in the Houston area.")
    assert resolve_pronoun("He'd been the subject of a search after police said he was last seen Tuesday.", found,
                           frozenset({"Carl Conyers"}))[0].startswith("Carl Conyers had been the subject")
    assert resolve_pronoun(urging, "In New York on Monday, Donald Trump spoke to donors.",
                           frozenset({"Donald Trump"}))[0] == "Donald Trump is now urging Congress to order a full review of the potential hack."


def test_a_sentence_the_feed_cut_off_is_cut_back_to_its_last_whole_clause(encoder):
    """Every source of a held-out roundup was cut off mid-sentence; the brief printed "…, saying the"."""
    import summarize
    from summarize.edit import CUT_OFF_REASON, trim_cut_off

    cut = "Schumer urged Republicans on Friday to vote to reopen the government without wall money, saying the"
    assert trim_cut_off(cut) == ("Schumer urged Republicans on Friday to vote to reopen the government without wall money.",
                                 [Edit("delete", "saying the", reason=CUT_OFF_REASON)])
    lost_stop = "Brazil on Sunday became the latest country to drift right, since democracy was restored"
    assert trim_cut_off(lost_stop) == (lost_stop, [])  # only the final stop is missing: nothing is cut
    # A teller whose verb was cut (held-out sample H printed "…, NBC").
    teller = "The pair were exposed trying to promote fake allegations against special counsel Robert Mueller, NBC"
    assert trim_cut_off(teller)[0] == "The pair were exposed trying to promote fake allegations against special counsel Robert Mueller."
    assert trim_cut_off("The storm hit the coast of Florida, said the National Hurricane Center")[1] == []
    documents = [Document(path="one", title="Schumer: Trump is a terrible negotiator", text=cut),
                 Document(path="two", title="Trump, Democrats dig in ahead of shutdown meeting",
                          text="Trump and congressional leaders met on Friday to try to end a partial government "
                               "shutdown over his demand for $5 billion to build a")]
    [claim] = summarize.brief(documents, words=30, encoder=encoder).claims
    assert claim.text.endswith("without wall money.") and [e.reason for e in claim.edits] == [CUT_OFF_REASON]


def test_a_quotation_that_goes_on_from_the_sentence_before_gets_the_speaker_it_names():
    from summarize.edit import attribute_quotation

    going_on = "“However I believe I could be more effective helping veterans.”"
    text, edits = attribute_quotation(going_on, "“I am incredibly flattered,” Stallone said in a statement late Sunday.")
    assert text == "Stallone said, “However I believe I could be more effective helping veterans.”"
    assert [(e.type, e.text) for e in edits] == [("add", "Stallone said")]
    # After the verb, the name only: titles and the role before it ("Nobel laureate", "Executive Director") go.
    for previous, speaker in [('"It is grave," said Nobel laureate Henry Kendall, chairman of the Union.', "Henry Kendall said"),
                              ('"Yes," said Lehigh County Humane Society Executive Director Mary Shafer.', "Mary Shafer said"),
                              ("“Yes,” said Rep. Carlos Curbelo (R-Fla.) outside the chamber.", "Carlos Curbelo said"),
                              ('"It was prolific," says singer Robert Plant.', "Robert Plant says")]:
        assert attribute_quotation(going_on, previous)[0].startswith(speaker + ", “However")
    # No speaker, "he" (who?), no quotation before, or a sentence that is not one whole quotation: unchanged.
    for previous in ("“Yes,” he said.", "Stallone spoke on Sunday.", "Stallone said he would not serve."):
        assert attribute_quotation(going_on, previous) == (going_on, [])
    partly = "“However,” he added, “I could help veterans.”"
    assert attribute_quotation(partly, "“I am flattered,” Stallone said.") == (partly, [])


def test_a_quotation_that_goes_on_in_its_source_is_closed_where_the_claim_ends(encoder, tmp_path):
    """Held-out sample P printed "The ruling said, "Petitioners sought … procedures." with its quotation never
    closed (it goes on in the source's next sentence); a quotation closed with another mark stays as written."""
    from summarize.rank import unclosed_quotation
    from summarize.verify import check

    ruling = 'The ruling said, "Petitioners sought to invalidate the ballots of millions of voters.'
    assert unclosed_quotation(ruling) == '"'
    assert unclosed_quotation("Kelly said: “We will appeal to the U.S. Supreme Court.") == "”"
    for closed in ('"We will appeal," Kelly said.', "Democrats will argue it “like a violent crime prosecution\" on Tuesday.",
                   "\"One thing my friends told me is that I am able,'' Seth said.", 'It was over," he said.',
                   '"We spent a lot of time on the national dialogue,” he told the professor.'):
        assert unclosed_quotation(closed) == "", closed
    (tmp_path / "court.txt").write_text(ruling + ' We decline to do so." The court ruled on Saturday.', encoding="utf-8")
    found = check(ruling + '"', [tmp_path], encoder=encoder)
    assert [v.name for v in found.verdicts if v.supported] == ["court"]


def test_a_brief_prints_such_a_quotation_with_its_speaker_and_check_finds_it_in_the_source(encoder, tmp_path):
    import summarize
    from summarize.verify import check

    story = {
        "times.txt": "Sylvester Stallone said on Sunday that he would not take an arts post in the Trump administration. "
                     "“I am incredibly flattered to have been suggested for the National Endowment of the Arts,” Stallone "
                     "said in a statement late Sunday. “However I believe I could be more effective by bringing national "
                     "attention to returning military personnel in an effort to find them gainful employment.”",
        "post.txt": "Sylvester Stallone turned down an arts post in the Trump administration on Sunday. Advisers to the "
                    "president-elect had approached the actor last week about the job, two of them said.",
    }
    for name, text in story.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    brief = summarize.brief([tmp_path], words=120, encoder=encoder)
    [quoted] = [claim for claim in brief.claims if "military personnel" in claim.text]
    assert quoted.text.startswith("Stallone said, “However I believe")
    assert [e.reason for e in quoted.edits] == ["speaker named in the sentence before it"]
    found = check(quoted.text, [tmp_path], encoder=encoder)
    assert [(v.name, v.kind) for v in found.verdicts if v.supported] == [("times", "two adjacent sentences")]


def test_an_appositive_from_another_outlet_is_added_after_a_full_name_only_where_safe():
    from summarize.edit import add_appositives

    group = {1: "Blinken met Wang Yi on Monday.", 2: "Wang Yi, China’s top diplomat, lectured Blinken."}
    trusted = frozenset({"Wang Yi"})
    text, edits = add_appositives(group[1], group, own_source=1, trusted=trusted)
    assert text == "Blinken met Wang Yi, China’s top diplomat, on Monday."
    assert [(e.type, e.text, e.source) for e in edits] == [("add", "China’s top diplomat", 2)]
    for unsafe in ("Blinken met Xi Jinping, Wang Yi, and Qin Gang.",  # a list: the appositive would read as a person
                   "Blinken met “Wang Yi on Monday”."):  # inside a quotation
        assert add_appositives(unsafe, {**group, 1: unsafe}, own_source=1, trusted=trusted) == (unsafe, [])
    relative = {1: group[1], 2: "Wang Yi, who leads the office, spoke."}  # a relative clause is a claim, not a name
    assert add_appositives(group[1], relative, own_source=1, trusted=trusted) == (group[1], [])
    assert add_appositives(group[1], group, own_source=1, trusted=frozenset()) == (group[1], [])  # one outlet's spelling


def test_the_title_names_what_the_sources_share_and_no_name_runs_across_a_sentence():
    from summarize.title import neutral_title
    from summarize.types import Source

    texts = ["Early humans left Africa 50,000 years ago, said Christopher Ruff. The team studied Gen. Mark Milley.",
             "Christopher Ruff studied bones of people who left Africa. The bones were short, said Gen. Mark Milley."]
    sources = [Source(id=i, name=f"s{i}", title="", path=f"s{i}", paragraphs=(text,)) for i, text in enumerate(texts, 1)]
    title = neutral_title(sources)
    assert title == "Christopher Ruff, Mark Milley, Africa: what 2 sources report"  # a job title is no part of a name
    # "of" joins an institution's name, not a person and a place; a possessive ends a name; words only a
    # sentence's start capitalises ("There", "Thirty-five") and months are no names.
    texts = ["There were 9.3 million openings in April, the Bureau of Labor Statistics said. Sen. Ted Cruz of Texas "
             "praised the Labor Department’s report. There is more to come.",
             "The Bureau of Labor Statistics’s report showed record openings. “There is a chance of more,” said Ted "
             "Cruz of Texas. Thirty-five economists had predicted less."]
    sources = [Source(id=i, name=f"s{i}", title="", path=f"s{i}", paragraphs=(text,)) for i, text in enumerate(texts, 1)]
    assert neutral_title(sources) == "Ted Cruz, Bureau of Labor Statistics, Labor Department: what 2 sources report"


def test_the_title_names_whole_names_and_no_adjective_title_or_date():
    from summarize.title import neutral_title
    from summarize.types import Source

    def title(*texts):
        return neutral_title([Source(id=i, name=f"s{i}", title="", path=f"s{i}", paragraphs=(text,))
                              for i, text in enumerate(texts, 1)])

    # "and" joins no two people; a capitalised word the sources write before a noun ("American officials") and
    # a date ("Jan. 6") are no names.
    assert title("Officials said Trump and Biden met in Geneva on Jan. 6. American officials said little.",
                 "In Geneva, Trump and Biden met again. The Jan. 6 talks went on, American diplomats said.") \
        == "Trump, Biden, Geneva: what 2 sources report"
    # One name written two ways ("Covid", "COVID-19") is named once.
    heading = title("Covid cases fell in Texas as Covid vaccines reached more people, officials said.",
                    "COVID-19 cases fell in Texas, and COVID-19 shots went to more people.")
    assert heading == "Texas, Covid: what 2 sources report", heading  # not "Texas, Covid, COVID-19"
    # "of", "for", "and" join the halves of an institution's name.
    assert title("The Department of Health and Human Services said the Centers for Disease Control and Prevention agreed.",
                 "A Department of Health and Human Services official and the Centers for Disease Control and Prevention "
                 "spoke.") == ("Department of Health and Human Services, Centers for Disease Control and Prevention: "
                               "what 2 sources report")
    # A whole name, not its tail ("Jong Un"); "Washington, D.C." is one place; "North Korean" an adjective.
    assert title("North Korean leader Kim Jong Un met officials in Washington, D.C. on Monday.",
                 "Kim Jong Un, the North Korean leader, flew to Washington, D.C. for talks.") \
        == "Kim Jong Un, Washington, D.C.: what 2 sources report"
    # A title is no part of a name ("Colorado Gov", "CEO"); "President Trump" is the "Donald Trump" a source names.
    assert title("President Trump met Colorado Gov. John Hickenlooper. Donald Trump said the talks went well.",
                 "Former Colorado Gov. John Hickenlooper criticised President Trump. The CEO of Arkema said nothing.") \
        == "Donald Trump, John Hickenlooper, Colorado: what 2 sources report"
    # A title word before "Jr." is a surname (held-out sample D had "Martin Luther, King Jr.").
    assert title("Americans honored the Rev. Martin Luther King Jr. on Monday. Martin Luther King Jr. Day is a holiday.",
                 "Martin Luther King Jr. led the march in Selma. The Martin Luther King Jr. memorial drew crowds.") \
        == "Martin Luther King Jr., Selma: what 2 sources report"
    # A surname's particle joins the name ("Mayor Bill, …, Blasio" in held-out sample E); "Labor Department" is
    # the "Department of Labor" (both were listed).
    assert title("Mayor Bill de Blasio ordered vaccines in New York. De Blasio spoke.",
                 "New York Mayor Bill de Blasio said workers must be vaccinated.") == \
        "Bill de Blasio, New York: what 2 sources report"
    # One person with and without a middle initial is named once ("Michael Flynn, …, Michael T. Flynn" in sample F).
    heading = title("Michael T. Flynn pleaded guilty in Washington. Michael T. Flynn met the FBI.",
                    "Michael Flynn admitted lying in Washington. Michael Flynn is cooperating.")
    assert heading.count("Flynn") == 1 and "Washington" in heading, heading
    # A public is no topic: "Americans", "Democrats" (held-out sample F's headings ended on "Americans" three times).
    heading = title("Americans lined up as Joe Biden spoke in Ohio. Democrats cheered. Americans voted.",
                    "Joe Biden told Americans in Ohio that Democrats would win.")
    assert "Americans" not in heading and "Democrats" not in heading and heading.startswith("Joe Biden, Ohio"), heading
    # One institution's name written once, after a country or an institution's "of" (held-out sample Q named
    # "U.S. Food" and "Human Services").
    heading = title("A decision from the U.S. Food and Drug Administration could come within weeks, Merck said.",
                    "Merck said the pill halved deaths, according to the Department of Health and Human Services.")
    assert "U.S. Food and Drug Administration" in heading and "Department of Health and Human Services" in heading, heading
    # Nor is a race or a side with its capital (held-out sample P: "Breonna Taylor, Louisville, Black").
    heading = title("Protesters marched for the Black woman, Breonna Taylor, in Louisville. Black residents spoke.",
                    "Breonna Taylor was killed in Louisville. Why the Left is wrong, by a Black writer.")
    assert "Black" not in heading and "Left" not in heading and heading.startswith("Breonna Taylor, Louisville"), heading
    assert "White House" in title("The White House said Breonna Taylor's family met officials.",
                                  "Breonna Taylor's mother visited the White House.")
    assert title("The Labor Department said 853,000 people filed claims on Thursday.",
                 "Claims rose, the Department of Labor said. The Labor Department counted them.") == \
        "Labor Department: what 2 sources report"
    # Held-out sample G: "Prime Minister Theresa" (May read as the month), "Johnson" (of Johnson & Johnson),
    # "Day" (of Mother's Day).
    assert title("Trump met British Prime Minister Theresa May on Friday. Trump praised Theresa May.",
                 "Prime Minister Theresa May hosted Trump at Chequers. Theresa May's government faces a vote.") \
        == "Theresa May, Trump, Chequers: what 2 sources report"
    assert title("Regulators approved the Johnson & Johnson vaccine on Saturday. Johnson & Johnson will ship doses.",
                 "The Johnson & Johnson shot needs one dose, and Merck will help make it.") \
        == "Johnson & Johnson, Merck: what 2 sources report"
    assert title("Mother's Day is on Sunday. Families celebrate Mother's Day with flowers.",
                 "Anna Jarvis founded Mother's Day in 1908.") == "Mother's Day, Anna Jarvis: what 2 sources report"
    assert "May" not in title("The vote in Washington May 5 was close. Trump spoke.", "Trump voted on May 5 in Ohio.")
    # Held-out sample H: "Former Kentucky", "Longtime Trump", "R-Ky", "Category 4" were heading names;
    # "U.S. Immigration" and "Customs Enforcement" two.
    heading = title("Former Kentucky Gov. Matt Bevin pardoned hundreds, and Longtime Trump lawyer Michael Cohen spoke.",
                    "Sen. Rand Paul (R-Ky.) said Hurricane Maria, a Category 4 storm, hit Kentucky. Matt Bevin left.")
    assert not any(bad in heading for bad in ("Former", "Longtime", "R-Ky", "Category")), heading
    assert title("U.S. Immigration and Customs Enforcement arrested 90 students.",
                 "The students were held by U.S. Immigration and Customs Enforcement in Michigan.") \
        .startswith("U.S. Immigration and Customs Enforcement, ")
    assert title("The S&P 500 fell 2% on Monday as the S&P 500 lost ground.", "Stocks in the S&P 500 slid.") \
        == "S&P 500: what 2 sources report"
    # Sample I: "Four House", "D-MA", "Inside Facebook" were heading names.
    heading = title("Four House committee chairs wrote to Barr. Sen. Elizabeth Warren (D-MA) agreed.",
                    "Inside Facebook’s headquarters, Warren’s letter was read. The House chairs and Elizabeth Warren spoke.")
    assert not any(bad in heading for bad in ("Four", "D-MA", "Inside")), heading
    # Sample M: "Life Synagogue", "Drug Administration", "D-N" (of "D-N.J.") and "Latest" (of "The Latest:").
    heading = title("The Latest: A gunman opened fire at the Tree of Life Synagogue in Pittsburgh, Sen. Cory Booker (D-N.J.) said.",
                    "Cory Booker spoke in Pittsburgh. The Food and Drug Administration approved a test.")
    assert "Tree of Life Synagogue" in heading and "Food and Drug Administration" in heading, heading
    assert not any(bad in heading for bad in ("D-N", "Latest", ", Life Synagogue", ", Drug Administration")), heading
    # Sample O: an outlet the story was told to is no topic ("… told Fox News."); one the story is about is.
    heading = title("Extremists joined the George Floyd protests in Minneapolis, an intelligence source has told Fox News.",
                    "George Floyd protests spread to Minneapolis suburbs, officials told CNN's \"State of the Union\".")
    assert not any(outlet in heading for outlet in ("Fox News", "CNN", "State of the Union")), heading
    assert "MSNBC" in title("MSNBC refused to air the Trump event live. MSNBC said it was a campaign rally.",
                            "The network, MSNBC, defended its choice in Washington.")
    assert "Super Tuesday" in title("Officials guarded Super Tuesday voting in Texas.", "Super Tuesday went smoothly, Texas said.")
    assert "Liu He" in title("Trump and Chinese Vice Premier Liu He signed the deal.", "Liu He signed for China.")  # not "He"
    # ... but a name written alone stays apart: "China and Commerce Department" is two names.
    heading = title("China and Commerce Department officials met. China said it would buy soybeans.",
                    "China spoke to the Commerce Department.")
    assert "Commerce Department" in heading and "China and" not in heading, heading
    # Samples S and T: a fact sheet's heading in capitals, an ordinal, a participle before a name, an outlet's
    # label ("Leftist Twitter") are no names.
    heading = title("MODERNIZING AN OUTDATED SYSTEM: the Federal Communications Commission voted. Following Joe Biden's "
                    "win, Leftist Twitter erupted on the Fourth.", "The Federal Communications Commission and Joe Biden "
                    "disagreed. Leftist Twitter mocked the Fourth, and the Federal Communications Commission voted.")
    assert heading.startswith("Federal Communications Commission") and "Joe Biden" in heading, heading
    assert not any(bad in heading for bad in ("MODERNIZING", "Following", "Leftist", "Fourth")), heading
