"""Rank sentences by centrality across sources, then select a brief's worth without repeating itself.

Centrality is LexRank (Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality as Salience in
Text Summarization"): PageRank on the graph of sentence similarities. Two changes make it rank what
outlets *agree on*: an edge between sentences of different sources weighs more than one inside a source,
and near-copies inside one source (a lede printed twice) get no edge at all. Edges are cosines of MiniLM
embeddings, negatives and weak ones dropped, so the graph is sparse and scales to thousands of sentences.

Selection is Maximal Marginal Relevance (Carbonell & Goldstein 1998) over sentences that can stand
alone, filled to a word or sentence budget.
"""

from __future__ import annotations

import re

import numpy as np
from scipy import sparse

from .config import Settings
from .ingest import CREDIT_LINE
from .split import SENTENCE_STARTERS, open_quotation
from .types import Sentence

CHUNK_ROWS = 1024  # rows of the similarity matrix built at a time: 1024 x n floats, never n x n


def similarity_graph(vectors: np.ndarray | sparse.csr_matrix, source_ids: np.ndarray, settings: Settings) -> sparse.csr_matrix:
    """Weighted sparse graph: graph[i, j] = weight(i, j) * cos(i, j) where cos >= settings.edge_threshold.

    Built a block of rows at a time (never n x n floats). Above `settings.sparse_graph_above` sentences
    each row keeps only its `settings.graph_neighbours` closest sentences: a feed of many near-identical
    wire stories would otherwise give O(n²) edges."""
    n = vectors.shape[0]
    k = settings.graph_neighbours if n > settings.sparse_graph_above else n
    rows, cols, values = [], [], []
    for start in range(0, n, CHUNK_ROWS):
        block = vectors[start:start + CHUNK_ROWS] @ vectors.T
        if sparse.issparse(block):  # TF-IDF rows: only the word-sharing pairs are there at all
            block = block.tocoo()
            keep = block.data >= settings.edge_threshold
            r, c, cosine = block.row[keep], block.col[keep], block.data[keep]
        else:
            r, c = np.nonzero(block >= settings.edge_threshold)
            cosine = block[r, c]
        r_global = r + start
        keep = r_global != c
        if k < n:
            keep &= _strongest_per_row(r, np.where(keep, cosine, -np.inf), k)
        r, c, r_global, cosine = r[keep], c[keep], r_global[keep], cosine[keep]
        same_source = source_ids[r_global] == source_ids[c]
        weight = np.where(same_source, settings.same_source_weight, settings.cross_source_weight)
        weight = np.where(same_source & (cosine >= settings.near_duplicate), 0.0, weight)
        rows.append(r_global)
        cols.append(c)
        values.append((weight * cosine).astype(np.float64))
    if not rows:
        return sparse.csr_matrix((n, n))
    graph = sparse.csr_matrix((np.concatenate(values), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    graph.eliminate_zeros()
    return graph


def _strongest_per_row(rows: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Mask of the entries among the `k` largest values of their row (a sort of the edges, not of n x n)."""
    order = np.lexsort((-values, rows))
    sorted_rows = rows[order]
    first = np.searchsorted(sorted_rows, sorted_rows, side="left")  # where each entry's row begins
    mask = np.zeros(len(rows), dtype=bool)
    mask[order] = (np.arange(len(rows)) - first) < k
    return mask


def centrality(graph: sparse.csr_matrix, damping: float = 0.85, tolerance: float = 1e-10, max_iterations: int = 500) -> np.ndarray:
    """Stationary distribution of a damped random walk on `graph` (sums to 1).

    From sentence i the walk moves to j with probability graph[i, j] / (the largest weighted degree),
    and teleports uniformly otherwise. Dividing by one global degree rather than by each row's own keeps
    the edge weights meaningful: with per-row normalisation a sentence whose only edges are weak
    same-source ones would pass on its whole vote through them, and an outlet echoing itself would rank.
    """
    n = graph.shape[0]
    if n == 0:
        return np.zeros(0)
    out_weight = np.asarray(graph.sum(axis=1)).ravel()
    scale = out_weight.max()
    if scale == 0:
        return np.full(n, 1.0 / n)
    transition_t = (graph / scale).T.tocsr()  # transition_t[j, i] = P(i -> j)
    stay = out_weight / scale  # the rest of each row's mass teleports
    scores = np.full(n, 1.0 / n)
    for _ in range(max_iterations):
        teleport = (1 - damping) / n + damping * float(scores @ (1 - stay)) / n
        updated = damping * (transition_t @ scores) + teleport
        converged = np.abs(updated - scores).sum() < tolerance
        scores = updated
        if converged:
            break
    return scores / scores.sum()


def rank_sentences(sentences: list[Sentence], vectors: np.ndarray | sparse.csr_matrix, settings: Settings) -> np.ndarray:
    """Centrality of each sentence, scaled so that 1.0 is the average sentence (unit rows: embeddings, or
    TF-IDF for the first stage of a large input)."""
    source_ids = np.array([s.source_id for s in sentences])
    scores = centrality(similarity_graph(vectors, source_ids, settings), settings.damping)
    return scores * len(sentences)


LEXICAL_EDGE_THRESHOLD = 0.1  # LexRank's own threshold for TF-IDF cosines (Erkan & Radev 2004)


def lexical_centrality(sentences: list[Sentence], settings: Settings) -> np.ndarray:
    """The first stage on large inputs: LexRank over TF-IDF vectors (sparse, ~100x cheaper than embedding
    every sentence), with the same cross-outlet weighting and neighbour cap as the embedding graph."""
    from dataclasses import replace

    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [s.text for s in sentences]
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, dtype=np.float32).fit_transform(texts)
    except ValueError:  # nothing but stopwords
        return np.full(len(texts), 1.0)
    return rank_sentences(sentences, matrix.tocsr(), replace(settings, edge_threshold=LEXICAL_EDGE_THRESHOLD))


# ---------------------------------------------------------------- which sentences can stand alone

_PRONOUN_START = re.compile(
    r"^(?:(?:and|but|so|yet|or),?\s+)?"  # "So it is nice …", "But they left …"
    r"(?:he|she|they|it|this|these|those|that|which|his|her|their|its|him|them|the latter|the former|such"
    r"|the two(?! (?:sides|countries|nations|governments|leaders|delegations|parties|men|women))"
    r"|others)\b",  # "Others tended to the letters …": others than whom? (held-out sample P)
    re.IGNORECASE,
)
# "Both athletes tested positive", "Neither was …", "The three, who …": people or things the sentence
# before named ("Each year, …" and "Both national and state legislators …" stand alone).
_QUANTIFIER_START = re.compile(
    r"^(?:(?:both|neither|either|each)\s+(?!sides\b)(?:[a-z]+ed|[a-z]{3,}(?<!ou)(?<!s)s|was|were|is|are|has|have|had|will|would|could|can|"
    r"later|also|way)\b|the (?:three|four|five|six|seven|eight|nine|ten)\s*(?:,|(?:were|was|are|have|had|will|also)\b)"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|\d+) others\b)",  # "Three others were sentenced …"
    re.IGNORECASE,
)
# "The move is an escalation of …", "The report was greeted skeptically …": which move, which report? The
# event the sentence before named (every such opening among the dev candidates was one).
_EVENT_ANAPHOR = re.compile(
    r"^The (?:[a-z]+\s+)?(?:move|decision|announcement|development|incident|step|change|shift|ruling|report|statement|news|"
    # "The striking reversal came hours after …", "The outcry against violence was …" (held-out sample P)
    r"reversal|outcry|backlash|"
    r"resolution|bill|law|legislation|agreement|settlement|amendment|"
    r"remarks|comments|action|order|deal|measure|plan|proposal|effort|attack|vote|tweet|post|story|article|"
    r"letter|memo|video|message|speech|interview|"
    # "The event is set to feature …", "The primary was originally scheduled for …" (sample K): which one?
    r"event|events|primary|initiative|program|programme|operation|trial|hearing|"
    # "The speech set a goal …", "The study was conducted in …", "The outcome could lead to …" (held-out sample T)
    r"study|outcome|"
    r"process)\s+(?:is|was|comes|came|has|had|set|sets|"  # "The process was previously used …" (sample L)
    r"marks|marked|follows|followed|would|will|could|drew|sparked|prompted|represents|signals|appears|seems|"
    r"mentioned|mentions|noted|notes|added|adds|included|includes|showed|shows|read|reads|went|"
    r"requires|required|gives|gave|allows|allowed|passed|also|unfolded|took place)\b"
    # "The early numbers provide good news …", "The result appeared preordained …" (sample L): which numbers?
    r"|^The (?:(?:early|earlier|latest|new|final|initial|first)\s+)?(?:numbers|figures|results?)\s+"
    r"(?:is|was|are|were|provide|provides|provided|appear|appears|appeared|show|shows|showed)\b"
    # "Donald Trump's comments came in tweets posted Tuesday night." (held-out sample P): which comments?
    r"|^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*[’']s\s+(?:[a-z]+\s+)?(?:comments|remarks|decision|move|announcement|"
    r"statement|tweets?|posts?)\s+(?:came|come|were|was|drew|sparked|followed|prompted)\b")
# "The tribe is determined …", "The 12-year-old from St. Louis was …", "The five other defendants …": which
# tribe? A person or body the article named before, unless the sentence names it itself within its first
# words ("The 20-year-old high jumper Juana Arrendel …").
_BACK_REFERENCE = re.compile(
    r"^The (?:company|tribe|pill|drug|agency|group|team|boys|girls|girl|boy|man|woman|suspect|officer|victim|"
    r"couple|family|firm|organization|band|pair|duo|teen|teenager|mother|father|\d+-year-old|other|[a-z]+ other|"
    r"self-(?:proclaimed|described|styled)|country|nation|goal|aim|idea|"
    # "The newspaper, citing people familiar …", "The magazine claims …", "The posts said …": which one?
    r"newspaper|paper|magazine|network(?!\s+of)|outlet|broadcaster|posts|tweets|"
    # "The region has been a flashpoint for years …" (held-out sample P): which region?
    r"region|"
    # "The officials said the report …", "The tally makes clear …" (held-out sample I): which ones, of what?
    r"officials|tally|authors|"  # "The authors discussed the strategy …" (held-out sample T): of what?
    # "The payment has been a lifeline …", "The reporter would have been named …", "The story begins …" (sample M)
    r"(?:payment|story)(?!\s+of\b)|reporter|journalist|doctor|physician|"
    # "The official said …", "The official's interpretation …" (sample L); not "The official apparel company"
    r"official(?=[’']s\b|\s+(?:said|says|told|added|noted|spoke|who|declined|did|would|will|is|was|has|had)\b))\b"
    # "One answer lies in herd immunity …", "One reason is …": the question or the matter is in the sentence before.
    r"|^One (?:answer|reason|explanation|possibility|option|problem|factor|sign)\s+(?:is|was|lies|may|might|could)\b")
# "The California Democrat will announce …", "The late-night host has apologized …" (held-out sample G): a
# person by role alone, whom the article named before (a verb follows: "The host city" is a place).
_ROLE_SUBJECT = re.compile(
    r"^The (?:[\w’'-]+\s+){0,2}?(?:Democrat|Republican|lawmaker|congressman|congresswoman|senator|governor|mayor|"
    r"host|comedian|billionaire|"
    r"mogul|tycoon|actor|actress|singer|rapper|hopeful|incumbent|front-?runner)"
    # … or owns something: "The congresswoman’s suggestion was …" (held-out sample K)
    r"(?=,|[’']s\s|\s+(?:who|is|was|has|had|will|would|could|can|said|says|told|[a-z]+ed|[a-z]{2,}s)\b)")
# A subheadline's grammar: a singular role with no article and a verb in the present ("Independent Vermont
# senator joins growing list of candidates …", sample K). Running text writes "The Vermont senator" or a name.
_DEK_SUBJECT = re.compile(
    r"^(?!(?:A|An|The|This|That|After|Before|When|While|As|If|In|On|At|For|With|By|From|Of|His|Her|Their|Its|Our|"
    r"One|Another|Every|Each|No)\b)(?:[A-Z][\w’'.-]*\s+){1,3}(?:senator|lawmaker|congressman|congresswoman|governor|"
    r"mayor|candidate|official|leader|judge|minister|secretary|spokesman|spokeswoman|star|host|actor|actress|singer|"
    r"rapper|founder|billionaire|activist|nominee|hopeful)\s+(?!is\b|was\b|has\b)[a-z]+s\b")
_FULL_NAME_AT = re.compile(r"(\S+)\s+([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+)")
_PLACE_BEFORE = frozenset("in at to from into near on of for with by".split())


def names_whom_it_means(text: str, reach: int = 10) -> bool:
    """A full name among the sentence's first words that is not a place ("in New York", "to Cook County
    Jail"): "The 20-year-old high jumper Juana Arrendel …", "… identified by police as Cardell Hayes"."""
    start = " ".join(text.split()[:reach])
    return any(m.group(1).lower() not in _PLACE_BEFORE for m in _FULL_NAME_AT.finditer(start))
# Connectives that lean on the sentence before ("Beyond that, the talks yielded little.").
_CONNECTIVE_START = re.compile(
    r"^(?:beyond that|besides|moreover|furthermore|in addition|also|that said|even so|as a result|instead|"
    r"otherwise|similarly|likewise|in contrast|on the other hand|on the one hand|therefore|thus|hence|"
    r"nonetheless|nevertheless|however|again|then|in (?:his|her|their|its|that|this) (?:case|view|words)|"
    # Dev briefs printed these openings: a time or a reason relative to what the sentence before told
    # ("Moments later, the Hummer pulls …"). Deleting them would misplace the fact; openers whose
    # sentence stands without them ("Indeed, …", "In the thread, …") the edit stage deletes instead.
    r"by contrast|afterwards?|eventually|since then|until then|after that|by then|by that point|at that point|"
    # "Or the social media company was trying to …", "A similar approach state-wide could …", "The same survey
    # shows …" (held-out sample R): an alternative to, or a likeness of, what the sentence before said.
    r"or|nor|(?:a|the|such a) (?:similar|same)|"
    r"(?:moments|minutes|hours|days|weeks) later|as for|for that reason|once again|(?:even )?(?:more|less|most) \w+ly(?=,)|at the same time|(?:below|above|under|beneath|beside|behind) (?:that|this|it|them)|(?:at the time|at that time|at first|in response|in return)(?=,))\b",
    re.IGNORECASE,
)
# A sentence has a finite verb; a list item often does not ("Pressure from China to stop …").
# Without a tagger (its data cannot be downloaded) cues do: auxiliaries, -ed forms, third-person -s.
_VERB_CUE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|do|does|did|may|might|must|shall|"
    r"should|said|says|met|made|took|gave|left|held|told|saw|went|came|got|won|lost|sat|led|began|wrote|spoke|"
    r"thought|found|kept|brought|sent|felt|put|set|ran|chose|knew|became|stood|heard|meant|paid|sold|"
    r"built|fell|rose|grew|drew|flew|threw|struck|broke|cut|hit|let|shot|swore|"
    r"[a-z]{2,}ed|[a-z]{2,}[^s’']s)\b"
)
# "…, he said." names no speaker: the reader cannot tell whose view it is.
_PRONOUN_SPEAKER = re.compile(
    r"(?:[,”\"]\s*(?:he|she|they)\s+(?:said|says|added|noted|argued|wrote|continued|explained)"
    r"|(?:said|added|noted)\s+(?:he|she|they)\s*[.!]?)\s*[.!]?$",
    re.IGNORECASE,
)
_NOT_A_NAME = SENTENCE_STARTERS | {"what", "who", "why", "how", "where", "which", "what’s", "even", "only", "just",
                                   # quantifiers: "According to one outlet, several big technology companies …"
                                   "several", "few", "all", "both", "each", "every", "more", "other", "another",
                                   "such", "any", "much", "numerous", "multiple", "various", "dozens", "hundreds",
                                   "thousands", "millions", "four", "five", "six", "seven", "eight", "nine", "ten"}
_PERSONAL = re.compile(r"\b(?:he|she|his|her|him|hers)\b")
_LEADING_CLAUSE = re.compile(r"^(?:during|after|before|in|on|at|while|since|despite|when|as|upon|following)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")


# "At 9.3 million new positions, it was far more than …", "In 2012, he was …": a short lead-in and then a
# pronoun subject whose antecedent is in the sentence before. A lead-in that names someone or is a clause of
# its own ("If the EPA agrees, it could …", "When the peptides reach the brain, they …") may hold it, and
# "it seems" / "it appears" point at nothing. "After all, he …" argues from the sentence before: no clause.
_LEAD_IN_PRONOUN = re.compile(
    r"^(?!(?:if|when|whenever|while|although|though|as|because|after(?!\s+all\b)|before|since|once|until|unless|whether)\b)"
    r"(?P<lead>[^,;“”\"]{1,60}),\s+(?:he|she|they|it)\s+"
    r"(?!(?:now\s+)?(?:seems|appears|turned out|turns out)|(?:is|was|will be|would be)\s+\w+\s+(?:to|that)\b)",
    re.IGNORECASE,
)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did)\b", re.IGNORECASE)


# "To the outside world, this brownstone probably seems …" (a dev column): which brownstone?
_LEAD_IN_DEMONSTRATIVE = re.compile(
    r"^(?!(?:if|when|whenever|while|although|though|as|because|after|before|since|once|until|unless|whether)\b)"
    r"(?P<lead>[^,;“”\"]{1,60}),\s+(?:this|these|those)\s+(?!(?:week|weekend|year|month|morning|afternoon|evening|"
    r"time|season|summer|spring|fall|autumn|winter|day|days|weeks|months|years)\b)[a-z]", re.IGNORECASE)


# "If authorized for use, it would be …" (held-out sample Q): a lead-in clause without a subject of its own
# holds no antecedent ("If the EPA agrees, it …" does).
_ELLIPTICAL_LEAD_IN = re.compile(r"^(?:if|when|once|unless|until|though|although|while)\s+(?:(?:not|fully|finally)\s+)?"
                                 r"[a-z]+(?:ed|en)\b[^,;“”\"]{0,50},\s+(?:he|she|they|it)\s", re.IGNORECASE)


def pronoun_after_lead_in(text: str) -> bool:
    if _ELLIPTICAL_LEAD_IN.match(text):
        return True
    match = _LEAD_IN_PRONOUN.match(text) or _LEAD_IN_DEMONSTRATIVE.match(text)
    if match is None:
        return False
    lead = match.group("lead")
    return not _CAPITALISED.search(lead[1:]) and not _FINITE.search(lead)  # a name or a clause may hold the antecedent


_SUCH = re.compile(r"\bsuch\s+(?!a\b|an\b|as\b|that\b)((?:[\w’'-]+\s+){0,4})", re.IGNORECASE)


def such_points_back(text: str) -> bool:
    """"The lack of such approval …", "Two such reports …": approval or reports the sentence before named
    ("such stars as Joan Crawford" and "such a storm" name their own)."""
    for match in _SUCH.finditer(text):
        following = match.group(1).lower().split()
        if "as" in following or (following and _ADJECTIVE.search(following[0])):
            continue  # "such stars as …" names them; "such loyal fans" is emphasis
        return True
    return False


_ADJECTIVE = re.compile(r"(?:ous|ful|ive|ic|able|ible|-\w+)$|^(?:high|easy|loyal|strong|big|great|good|bad|long|short|odds|demand)$")


def pronoun_before_name(text: str) -> bool:
    """"…was his meeting with Xi": a person pronoun before anyone is named points outside the sentence.

    A leading clause may name its subject after the pronoun ("During his visit, Blinken met …").
    """
    pronoun = _PERSONAL.search(text)
    if pronoun is None or _LEADING_CLAUSE.match(text):
        return False
    names = (m for m in _CAPITALISED.finditer(text) if m.group(0).lower() not in _NOT_A_NAME)
    name = next(names, None)
    return name is None or pronoun.start() < name.start()


# Not claims, however central: the reader addressed ("Imagine if you …"), a kicker or label before a
# colon ("The Latest:", "Why it matters:"), a timestamp, a call to action, and an attribution shell
# whose content is elsewhere ("X and Y said in a statement.", "the bishop had this to say").
_READER = re.compile(r"\b(?:you|your|yours|you[’']re|you[’']ll|you[’']ve|you[’']d|yourself|imagine|let[’']s)\b", re.IGNORECASE)
# "Consider him the elephant not in the room …" (held-out sample G): the reader told what to think
_IMPERATIVE_HOOK = re.compile(r"(?:Consider|Remember|Picture|Think about|Take)\s+(?:him|her|them|it|this|that|the|a|an)\b"
                              # "Watch McConnell when he opens the Senate floor." (held-out sample R)
                              r"|(?:Watch|Keep an eye on|Look out for)\s+(?:him|her|them|it|this|that|the|for|(?-i:[A-Z]))",
                              re.IGNORECASE)
_WRITER = re.compile(r"\b(?:we|our|ours|ourselves)\b|^(?:We|Our)\b")  # the writer's "we" (a column, an appeal)
# The writer's "I" ("Later today, I got to thinking …", a column, a letter) — or a quotation whose marks and
# speaker are in another sentence; either way no claim. "metatarsals I to V" is a numeral; a sentence that
# names its speaker ("…, I think,'' Seth said.") is an attributed quotation and may stand.
_FIRST_PERSON = re.compile(r"\bI(?:[’']m|[’']ve|[’']d|[’']ll)?\s+(?!to\b)[a-z]|\b(?:my|me|myself)\b|^My\b")
# ... a speaker, not any verb of speech ("I read a case study about a boy who wrote a note", sample I)
_SPEECH = re.compile(r"(?:\b[A-Z][\w’'.-]+|\b(?:the|a|an) [\w-]+|\b(?:he|she|they))\s+(?:said|says|told|asked|added|wrote|recalled|explained)\b"
                     r"|\b(?:said|says|added)\s+(?:[A-Z]|the\b|a\b|an\b|he\b|she\b|they\b)")
_NAMED_SPEAKER = re.compile(r"^[,.]?\s*(?:(?!(?:He|She|They|It|I|We|You)\b)[A-Z][\w’'.-]+\s+(?:said|says|added|wrote)"
                            r"|(?:said|says|added|wrote)\s+(?!(?:He|She|They|It|I|We|You)\b)[A-Z][\w’'.-]+)\s*[.!]?$")
# Photo captions and gallery teasers: "FILE - In this May 24, 2016, file photo, …", "Twenty-one-year-old Carl
# Conyers,... (Associated Press)" (an agency's cut-off teaser).
_CAPTION = re.compile(r"^in this (?:\w+ )?(?:image|photo|picture|video|file photo)\b|\bphoto clients\b|\bdelivered (?:daily|weekday|every)\b"
                      r"|\bFILE\s*[-–—]+\s*in this\b|(?:\.\.\.|…)\s*\((?:Associated Press|AP|Reuters|AFP)\)"
                      r"|^(?:an? )?(?:photograph|photo)\s+(?:from|taken)\b"
                      # A caption names who stands where ("A Ku Klux Klansman, left, uses a flag …") or tells in the
                      # present what a picture shows, dated ("A child looks at the tributes …, Monday, June 5, 2017.").
                      r"|(?-i:[A-Z])[\w.'’-]*,\s+(?:left|right|center|centre|(?:second|third) (?:from )?(?:left|right)|top|bottom|foreground|background),\s"
                      r"|^[^,]{0,80}?\b(?:looks|walks|listens|stands|poses|holds|speaks|arrives|waves|smiles|sits|gestures|"
                      r"attends|leaves|watches|performs)\b.*\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? "
                      r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.?$", re.IGNORECASE)
# Profanity in the writer's own voice ("a reputation of being a fucking weirdo"): a column's tone, not a
# claim a brief can state (lowercase only: "Dick Kurtenbach" is a name; quoted words are a speaker's).
_PROFANE = re.compile(r"\b(?:fuck\w*|shit\w*|bullshit|goddamn\w*|damn|asshole\w*|bastards?|bitch\w*|crap|crappy|pissed)\b")
# Social-media text pasted into an article: a retweet, a handle, an emoji.
_SOCIAL = re.compile(r"^RT @|(?<![\w.])@\w{2,}|[\U0001F300-\U0001FAFF]")
_KICKER = re.compile(r"^[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,3}:\s|^(?:From|Via|Per|Read more at)\s+[^:.]{2,60}:\s|^[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z][a-z]")  # "The Latest: …", "STORMY MORNING …"
_TIMESTAMP = re.compile(r"^(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|updated\b|posted\b|published\b)", re.IGNORECASE)
_CALL_TO_ACTION = re.compile(
    r"\b(?:click|subscribe|sign up|follow (?:us|him|her|them) on|download (?:the|our)|watch (?:the|our) video|"
    r"read (?:more|the full|on (?:for|to)\b)|share this|tap here|learn more|check out)\b|(?:^|,\s*(?:and\s+)?)here(?: are|[’']s)\b"
    # A pointer to other pages, not news: "Celebuzz has compiled a list of …", "BBC News has clips of …";
    # a column's footer: "Address questions to Garden Q&A, …".
    r"|^(?:address|send|mail|e-?mail) (?:your )?(?:questions|letters|comments|tips)\b"
    r"|\bha(?:s|ve) (?:compiled|rounded up|put together) (?:a |an )?(?:list|roundup|round-up|gallery|slideshow) of "
    r"(?:the )?(?:\d+ )?(?:best|worst|top|most)\b|\bha(?:s|ve) (?:clips|a slideshow|a gallery) of\b"
    # "Below is the full text of …", "Denver7 will update this story …": the page talking about itself.
    r"|^(?:below|above) (?:is|are)\b|\bthe full text of\b|\bwill update this (?:story|article|post|report)\b"
    # "The following is a primer on what a second impeachment would look like." (held-out sample M)
    r"|^(?:the following|what follows) (?:is|are)\b"
    # "… released the following statement by President Donald Trump …", "The opinions expressed in these
    # commentaries are those of the authors." (held-out sample S): a pointer to a text, a publisher's disclaimer.
    r"|\bthe following (?:statement|remarks|letter|text|transcript|message)\b|\b(?:opinions|views) expressed (?:in|by|here)\b"
    # The reporters' credit line, when a page glued it to the paragraph cleaning keeps.
    rf"|{CREDIT_LINE}"
    # A teaser whose payoff is the next sentence: "Banks had a message for the gangs …".
    r"|\bha(?:d|s|ve) (?:a|one|some|this) (?:\w+ )?(?:message|piece of advice|advice|warning|word of warning) (?:for|to)\b"
    # "Mitch McConnell said something very odd Tuesday in an interview …" (held-out sample S): what, is next.
    r"|\b(?:said|did|wrote|tweeted|posted) something (?:\w+ )?(?:odd|strange|weird|remarkable|interesting|surprising|"
    r"unusual|telling|revealing|curious|notable|striking)\b"
    # "On Tuesday, the company announced just how much money the shot is generating." (held-out sample Q)
    r"|\b(?:announced|revealed|disclosed) just how (?:much|many)\b",
    re.IGNORECASE)
# "The White House did not immediately return a request for comment.", "Pally's family could not be reached
# for comment": the reporting, not the news (held-out sample G). Only when nothing else is said before it.
_NO_COMMENT = re.compile(
    r"^[^,;:]{0,80}?(?:,[^,]{0,80},)?\s*(?:(?:(?:did|could|has|have|had)\s*n(?:o|[’'])t)\s+(?:immediately\s+)?"
    r"(?:respond(?:ed)?|return(?:ed)?|repl(?:y|ied)|answer(?:ed)?|be(?:en)? reached)\b[^.;]{0,50}\b(?:comment|messages?|inquiry|"
    r"inquiries|e-?mails?|voicemails?)\b|(?:declined|refused)\s+to\s+comment\b|had no (?:immediate )?comment\b)[^.;]{0,60}\.?$", re.IGNORECASE)
_NO_COMMENT_WORD = re.compile(r"comment|message|inquir|mail", re.IGNORECASE)  # a cheap test before the long one
_SHELL = re.compile(
    r"(?:\b(?:said|says|wrote|added|announced)(?: in (?:a|an|the) (?:statement|interview|email|post|tweet|release))?"
    r"(?: on \w+)?|\bhad this to say\b.*|\bas follows|\bthe following)\s*[.:]?$", re.IGNORECASE)


def is_not_a_claim(text: str) -> bool:
    """A sentence that says nothing a brief can state: addressed to the reader, a kicker, a timestamp,
    a call to action, or an attribution shell (who said, but not what)."""
    own = outside_quotes(text)
    if _READER.search(own) or _IMPERATIVE_HOOK.match(text) or _WRITER.search(own) or _CAPTION.search(own) or _KICKER.match(text) or _TIMESTAMP.match(text) \
            or _CALL_TO_ACTION.search(own) or _SOCIAL.search(text) or _PROFANE.search(own):
        return True
    if _FIRST_PERSON.search(own) and not _SPEECH.search(text):
        return True
    if _NO_COMMENT_WORD.search(text) and _NO_COMMENT.match(text.strip()) and not any(q in text for q in "“\"«`"):
        return True
    # A shell: the speaker and the verb, nothing said — no quotation, and before the verb no clause of
    # its own ("Japan must brace itself …, the minister said." says something).
    shell = _SHELL.search(text.rstrip(" .") + ".")
    if shell is None or any(q in text for q in "“\"«`"):
        return False
    before = text[: shell.start()]
    # "Trump leaves for Asia on Nov. 3, the White House said.": a statement, then its speaker after a comma
    # (a verb list cannot tell "leaves" from "leaders"); "X and Y, leaders of Z, said …" is a speaker alone.
    reported = re.search(r",\s+[^,]{1,60}$", before.rstrip())
    if reported and len(before[: reported.start()].split()) >= 4 and _VERB_CUE.search(before[: reported.start()]) \
            and not _LEAD_IN.match(before):
        return False
    return not _CLAUSE.search(before)


# "In a statement on Monday, the White House said.": a lead-in, no statement.
_LEAD_IN = re.compile(r"(?:in|on|at|during|after|before|speaking|asked|writing|according)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|do|does|did|may|might|must|"
                     r"shall|should|that|to|[a-z]{3,}ed)\b")


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*?''|\"[^\"]*\"|«[^»]*»|``.*?''")
OPENING = "“\"«‘"


def outside_quotes(text: str) -> str:
    return _QUOTED.sub(" ", text)


_ONE_OF_THESE = re.compile(r"\b(?:one|some|many|all|each|any|none|another one) of (?:these|those)\b"
                           # "One of them had critical injuries", "But all of them reported …": of whom?
                           r"|^(?:(?:and|but|so|yet),?\s+)?(?:one|some|many|all|most|none|each|two|three) of them\b",
                           re.IGNORECASE)
# "A lower appeals court had struck down that law …": which law? The sentence before named it.
_THAT_THING = re.compile(r"\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:law|laws|bill|bills|ruling|decision|policy|measure|"
                         r"order|proposal|lawsuit|legislation|agreement|deal|plan|feat|approach|stance)\b(?!\s+(?:enforcement|makers?|firm|school))"
                         # "tried this approach", "favor that step": "that" before these may be a conjunction
                         # ("said that change is needed"), so only "this", "these", "those".
                         r"|\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?:success|move|step|effort|announcement|shift|change|update|"
                         # "… said this recommendation could come as soon as this week" (held-out sample P)
                         r"recommendations?|guidance|request|offer|finding|findings)\b"
                         # "Biden issued those warnings …" (held-out sample E): which warnings?
                         r"|\b(?:[Tt]hese|[Tt]hose)\s+(?:warnings|allegations|claims|reports|threats|comments|remarks|posts|tweets)\b"

                         # "Axios reported the news Wednesday, citing …" (held-out sample G): which news?
                         r"|\b(?:reported|broke|confirmed|first reported|announced|conveyed|shared|delivered)\s+the news\b"
                         # "… voted 99-1 in support of the amendment." (sample G): which amendment?
                         r"|\bthe amendment\b"
                         # "“…,” the statement reads." (sample J): whose statement?
                         r"|\bthe (?:statement|letter|memo|post|tweet)\s+(?:reads|read|says|said|states|stated)\W*$"
                         # "… could come within weeks after that." (held-out sample Q): after what?
                         r"|\b(?:after|before|since|besides|despite)\s+(?:that|this)\W*$")
# "… contested the outcome in those states." (held-out sample P): which states? Unless the sentence lists them
# itself ("Michigan, Wisconsin and Pennsylvania had voted … in those states").
_THOSE_PLACES = re.compile(r"\b(?:in|of|across|to|from)\s+(?:those|these)\s+(?:states|countries|cities|counties|districts)\b")
_PLACES_LISTED = re.compile(r"[A-Z][\w.]+(?:,\s+[A-Z][\w.]+)*,?\s+and\s+[A-Z]")


# "The president, of all people, knows the dark connotations of this word." (held-out sample R): which word?
# Unless the sentence quotes it first ("… an “impeachment resolution,” perhaps out of concern for how that label …").
_THAT_WORD = re.compile(r"\b(?:this|that|these|those)\s+(?:word|words|term|terms|phrase|label)\b", re.IGNORECASE)


def _word_named_before(text: str) -> bool:
    """The sentence points at a word the sentence before quoted."""
    match = _THAT_WORD.search(text)
    return match is not None and not re.search(r"[“\"‘]", text[:match.start()])


def _places_named_before(own: str) -> bool:
    """The sentence points at places the sentence before listed."""
    match = _THOSE_PLACES.search(own)
    return match is not None and not _PLACES_LISTED.search(own[:match.start()])


# "In large part because natural immunity … is far more common …": the answer to a question the brief left out.
_BECAUSE_FRAGMENT = re.compile(r"^(?:(?:in large part|in part|largely|partly|mostly|mainly|only|simply|probably)\s+)?because\b",
                               re.IGNORECASE)


def leans_on_context(text: str) -> bool:
    """The sentence points at something only the sentence before names: a pronoun or connective opening,
    "Both athletes …", "The move is …", "…, he said.", "his meeting with Xi", "In 2012, he was …", "such
    approval"."""
    own = outside_quotes(text)
    return bool(_PRONOUN_START.match(text) or _CONNECTIVE_START.match(text) or _QUANTIFIER_START.match(text)
                or _EVENT_ANAPHOR.match(text) or _PRONOUN_SPEAKER.search(text)
                or (_BACK_REFERENCE.match(text) and not names_whom_it_means(text))
                or ((role := _ROLE_SUBJECT.match(text)) is not None and not names_whom_it_means(text[role.end():]))
                or _DEK_SUBJECT.match(text)) \
        or pronoun_before_name(own) or pronoun_after_lead_in(text) or such_points_back(own) or bool(_ONE_OF_THESE.search(own)) \
        or bool(_THAT_THING.search(own)) or (bool(_BECAUSE_FRAGMENT.match(text)) and "," not in own) \
        or bool(_DO_THAT.search(text)) or _places_named_before(own) or _word_named_before(text)


# "“We’re not looking to do that,” Trump told reporters …" (sample G): do what? In a quotation too.
_DO_THAT = re.compile(r"\b(?:do|doing|did|done)\s+(?:that|this)(?=\s*[,.;!?”\"’]|\s*$)", re.IGNORECASE)


def can_stand_alone(sentence: Sentence, settings: Settings, judged: dict[str, bool] | None = None) -> bool:
    """A sentence a reader understands out of its article: a whole statement, not a fragment.

    Out: too short or too long, questions, lead-ins ending in ":", continuations (lowercase start),
    sentences opening on a pronoun whose antecedent is elsewhere (DESIGN.md §5) or quoting "he said",
    and bare quotations
    whose speaker is named in another sentence. `judged`: texts already judged (apart from their length)
    by an earlier call, so that a second pass over the same sentences with other length limits is cheap.
    """
    if not settings.min_sentence_words <= sentence.words <= settings.max_sentence_words:
        return False
    text = sentence.text.strip()
    if judged is None:
        return is_whole_statement(text)
    if text not in judged:
        judged[text] = is_whole_statement(text)
    return judged[text]


def is_whole_statement(text: str) -> bool:
    """`can_stand_alone` apart from the sentence's length."""
    last = text.rstrip("”\"’»)").rstrip()[-1:]
    if last not in (".", "!") or trails_off(text):
        return False
    first = text.lstrip(OPENING)[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if not _VERB_CUE.search(outside_quotes(text)):
        return False
    if leans_on_context(text):
        return False
    if text[0] in OPENING and len(outside_quotes(text).split()) < 3 and not _NAMED_SPEAKER.match(outside_quotes(text).strip()):
        return False  # a quotation with no speaker, or "he said." (who?); "“Yes, I will run …,” Moore said." stands
    if not balanced(text) or quotes_a_later_speaker(text):
        return False
    if _HEADLINE_INFINITIVE.match(text) and not _FINITE.search(outside_quotes(text)):
        return False  # "President to push reforms to the U.N. …": a subheadline's grammar (held-out sample H)
    if _CHARGE_LINE.match(text) and "," not in text:
        return False  # "Charged with eight counts of …": a line of a list whose name is on the line before
    return not is_not_a_claim(text)


def trails_off(text: str) -> bool:
    """"…, flam...", "If they find him, they will ...": a teaser cut off, or words that trail away; no whole
    statement."""
    end = text.rstrip("\"”’») \t\n")
    return end.endswith("...") or end.rstrip(".").endswith("…")


_HEADLINE_INFINITIVE = re.compile(r"^(?!(?:According|Thanks|Due|Prior|Next|Close|Ahead|Owing|Back|Up|Home|Similar|Contrary|"
                                  r"Compared|Relative|Subject|In|On|At|Down)\b)(?:[A-Z][\w.’'-]*\s+){1,3}to\s+[a-z]+\b")
_CHARGE_LINE = re.compile(r"^(?:Charged|Accused|Arrested|Sentenced|Convicted|Indicted|Booked|Cited)\s+(?:with|of|for|on|in)\b")


_LIST_MARKER = re.compile(r"(?<![\w(])(?:\d{1,2}|[a-z])\)")


# "Facebook is a national security risk … fast. That was the urgent plea from whistleblower Frances Haugen":
# the sentence before is someone's words, and its speaker is named only after it.
_SPEAKER_AFTER = re.compile(
    r"^(?:That|This|Those|These|Such)\s+(?:was|is|were|are|'s|’s)\s+(?:(?:the|a|an|his|her|their|its)\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:plea|message|warning|argument|view|verdict|claim|assessment|case|conclusion|words?|"
    r"statement|pitch|promise|vow|point|takeaway|gist|thinking|reasoning|position|stance|charge|accusation|"
    r"contention|answer|response|reply|retort|boast|complaint|lament|advice|prediction|forecast|pledge)\b"
    r"|^So (?:said|says)\b"
    # "President Donald Trump is the most admired man in America. That’s according to Gallup …" (sample G)
    r"|^(?:That|This)(?:[’']s| is| was) (?:all )?according to\b|^(?:That|This) (?:comes|came) from\b")


def speaker_named_after(next_text: str) -> bool:
    """The sentence after this one names who said it ("That was the urgent plea from …", "So said …")."""
    return bool(_SPEAKER_AFTER.match(next_text.strip()))


def quotes_a_later_speaker(text: str) -> bool:
    """A sentence that opens a quotation and never closes it: the quotation runs on, and its speaker is
    named only where it ends (“We know there is misinformation on Facebook. … ,” Zuckerberg wrote)."""
    opener, rest = text[:1], text[1:]
    if text.startswith("``"):
        return "''" not in text
    if opener == "“":
        return "”" not in rest and "''" not in rest
    if opener == '"':
        return rest.count('"') % 2 == 0 and "''" not in rest
    return False


def balanced(text: str) -> bool:
    """Every parenthesis the sentence opens, it closes: "(D-Md." or "1B and 1C), Bobcat Pit has …" is a
    piece of something longer. (A quotation may run on into the next sentence: its first sentence still
    says something whole.)"""
    text = _LIST_MARKER.sub("", text)  # "1) tax cuts, 2) …"
    if text.count("(") != text.count(")"):
        return False
    # A quotation opened a word or two before the end, never closed: the sentence was cut ("… published a
    # story titled “U.S.").
    # (A straight quote mark may as well close a quotation begun in the sentence before.)
    opened = text.rfind("“")
    return opened < 0 or "”" in text[opened:] or len(text[opened + 1:].split()) >= 4


def unclosed_quotation(text: str) -> str:
    """The mark that closes a quotation the sentence opens and never closes ("The ruling said, “Petitioners
    sought …" goes on in the next sentence of its source), else "". Quotation marks are read as the splitter
    reads them (`split.open_quotation`); a closing '' (wire style) closes too, and a straight quote after a
    word closes a quotation begun in the sentence before ("It was over," he said.)."""
    opener, at = open_quotation(text)
    if not opener or "''" in text[at:] or (opener == '"' and at > 0 and not text[at - 1].isspace()):
        return ""
    return "”" if opener == "“" else '"'


# ---------------------------------------------------------------- selection


def mmr_order(candidates: list[int], vectors: np.ndarray, scores: np.ndarray, settings: Settings, limit: int = 200) -> list[int]:
    """Candidates in the order MMR picks them: central first, each new one unlike those before it.

    A candidate closer than `settings.redundancy` to one already picked is never picked.
    """
    if not candidates:
        return []
    pool = np.array(candidates)
    relevance = scores[pool] / scores[pool].max()
    closest = np.zeros(len(pool))  # max cosine to anything picked so far
    alive = np.ones(len(pool), dtype=bool)
    picked: list[int] = []
    while alive.any() and len(picked) < limit:
        gain = settings.mmr_lambda * relevance - (1 - settings.mmr_lambda) * closest
        gain[~alive] = -np.inf
        best = int(np.argmax(gain))
        picked.append(int(pool[best]))
        alive[best] = False
        closest = np.maximum(closest, vectors[pool] @ vectors[pool[best]])
        alive &= closest < settings.redundancy
    return picked


def fill_budget(order: list[int], sizes: dict[int, int], words: int | None, sentences: int | None, min_size: int = 1) -> list[int]:
    """The first sentences of `order` that fit: up to `sentences` of them, or as many words as `words`.

    A sentence that would overflow the word budget is passed over for a shorter one after it.
    """
    if sentences is not None:
        return order[:sentences]
    chosen, used = [], 0
    for index in order:
        if words is not None and used + sizes[index] > words:
            if words - used < min_size:
                break
            continue
        chosen.append(index)
        used += sizes[index]
    return chosen
