"""Search for Vietnamese and Lao: analysis, index, queries; plain records in, ranked hits out.

The one module kb imports: everything kb may use of search is named here."""
from search.text.languages import CODES, OfficialWords, UnknownLanguage, detect, get_language, match_key, normalize, slugify
from search.text.analysis import pieces as text_pieces
from search.text.numbers import NUMBER_RE, canonical, find_numbers, parts
from search.text.phrases import TermFinder
from search.records import Record, SuggestionRecord, UnitRecord, facet_values
from search.query.plan import MAX_QUERY_CHARS
from search.serve.crosslang import TERMS, Bilingual, Block, CrossLanguageSearch
from search.serve.recent import RECENT_HITS
from search.serve.searcher import FACETS, MAX_PAGE, MAX_PER_PAGE, SORTS, Hit, NoIndex, SearchResults, SearchService
from search.index.writer import BuildReport, build_index, current_generation, is_usable

__all__ = ["CODES", "OfficialWords", "UnknownLanguage", "detect", "get_language", "match_key", "normalize", "slugify",
           "text_pieces", "NUMBER_RE", "canonical", "find_numbers", "parts", "TermFinder", "Record", "SuggestionRecord",
           "UnitRecord", "facet_values", "MAX_QUERY_CHARS", "FACETS", "MAX_PAGE", "MAX_PER_PAGE", "SORTS", "Hit", "NoIndex",
           "SearchResults", "SearchService", "BuildReport", "build_index", "current_generation", "is_usable",
           "TERMS", "Bilingual", "Block", "CrossLanguageSearch", "RECENT_HITS"]
