"""Search for Vietnamese and Lao: analysis, index, queries; plain records in, ranked hits out."""
from search.text.languages import CODES, UnknownLanguage, get_language, normalize, slugify
from search.records import Record, SuggestionRecord, UnitRecord
from search.serve.crosslang import TERMS, Bilingual, Block, CrossLanguageSearch
from search.serve.searcher import FACETS, SORTS, Hit, NoIndex, SearchResults, SearchService
from search.index.writer import BuildReport, build_index, current_generation, is_usable

__all__ = ["CODES", "UnknownLanguage", "get_language", "normalize", "slugify", "Record", "SuggestionRecord",
           "UnitRecord", "FACETS", "SORTS", "Hit", "NoIndex", "SearchResults", "SearchService", "BuildReport",
           "build_index", "current_generation", "is_usable", "TERMS", "Bilingual", "Block",
           "CrossLanguageSearch"]
