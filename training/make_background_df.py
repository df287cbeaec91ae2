"""Write summarize/data/news_df.json: how many of 7,356 news articles use each word (document frequency),
the background that tells `summarize digest` which words are every day's news ("said", "million",
"spring") rather than one story's, however few articles a digest has.

Train split only: NeuS (Lee et al., NAACL 2022) left/centre/right roundups, train.source, from the
public repository HLTCHKUST/framing-bias-metric at commit 1586f55a9011853224ca4d0cee164c46f6137557
(data/naacl2022_lrc_roundup_random_order_probe/train.source, sha256 below). Get the file yourself
and pass its path; the output is remade exactly.

    python training/make_background_df.py TRAIN.source
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.digest import BACKGROUND, analyzer  # noqa: E402

SHA256 = "d9301cf39b5cddd64cdeb9608965e73dac41407464891a63397603876b437b02"
MIN_DF = 5  # rarer words are the background's own stories' names: they say nothing of another day
_ARTICLE = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)", re.DOTALL)


def main() -> None:
    data = Path(sys.argv[1]).read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA256:
        sys.exit("not the NeuS train.source this script names (sha256 differs)")
    words = analyzer()
    df: dict[str, int] = {}
    documents = 0
    for line in data.decode("utf-8").splitlines():
        for part in line.split("[SEP]"):
            match = _ARTICLE.search(part)
            if not match:
                continue
            documents += 1
            for word in set(words(f"{match['title']}. {match['text']}")):
                df[word] = df.get(word, 0) + 1
    kept = {word: n for word, n in sorted(df.items()) if n >= MIN_DF}
    BACKGROUND.write_text(json.dumps({"source": "HLTCHKUST/framing-bias-metric@1586f55 "
                                      "data/naacl2022_lrc_roundup_random_order_probe/train.source",
                                      "sha256": SHA256, "documents": documents, "df": kept},
                                     separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{documents} articles, {len(kept)} words with df >= {MIN_DF} -> {BACKGROUND}")


if __name__ == "__main__":
    main()
