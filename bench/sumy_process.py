"""sumy's LexRank as a user would run it on plain-text files: the peer process `bench_process.py` times.

    python bench/sumy_process.py seeds/ --sentences 8

sumy cannot download nltk's Punkt data here, so it gets a tokenizer object over a Punkt model trained
on the files themselves (nltk's own trainer, nothing of ours imported).
"""

import argparse
import re
from pathlib import Path

from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words


class PunktTokenizer:
    language = "english"

    def __init__(self, punkt: PunktSentenceTokenizer):
        self.punkt = punkt

    def to_sentences(self, text: str) -> list[str]:
        return self.punkt.tokenize(text)

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"[\w’'-]+", sentence)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sentences", type=int, default=8)
    args = parser.parse_args()
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(args.folder.glob("*.txt")))
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    document = PlaintextParser.from_string(text, PunktTokenizer(PunktSentenceTokenizer(trainer.get_params()))).document
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    for sentence in summarizer(document, args.sentences):
        print(sentence)


if __name__ == "__main__":
    main()
