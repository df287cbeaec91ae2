"""summarize: offline multi-document news briefs with cited, verified claims.

    >>> import summarize
    >>> result = summarize.brief(["seeds/"], words=200)
    >>> print(summarize.to_markdown(result))
"""

__version__ = "0.1.0"

from .pipeline import analyse, brief, compose, select  # noqa: E402
from .render import to_dict, to_json, to_markdown  # noqa: E402
from .types import Brief, Claim, Document, Evidence, Sentence, Source, Stats  # noqa: E402

__all__ = [
    "Brief", "Claim", "Document", "Evidence", "Sentence", "Source", "Stats",
    "analyse", "brief", "compose", "select", "to_dict", "to_json", "to_markdown", "__version__",
]
