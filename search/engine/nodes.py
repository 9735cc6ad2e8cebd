"""Query node types of our own that the engine's ranker and document sets understand."""
from whoosh import query as Q


class TreeOr(Q.Or):
    """An Or that never preloads every posting (Whoosh does on small indexes): under an And or AndMaybe
    it is skipped to the required side's candidates instead."""
    matcher_type = Q.Or.DEFAULT_MATCHER
