"""Search for Vietnamese and Lao: analysis, index, queries; plain records in, ranked hits out."""
from .languages import CODES, UnknownLanguage, get_language, normalize, slugify
from .records import Record, SuggestionRecord, UnitRecord
from .crosslang import TERMS, Bilingual, Block, CrossLanguageSearch
from .searcher import FACETS, SORTS, Hit, NoIndex, SearchResults, SearchService
from .writer import BuildReport, build_index, current_generation, is_usable

__all__ = ["CODES", "UnknownLanguage", "get_language", "normalize", "slugify", "Record", "SuggestionRecord",
           "UnitRecord", "FACETS", "SORTS", "Hit", "NoIndex", "SearchResults", "SearchService", "BuildReport",
           "build_index", "current_generation", "is_usable", "TERMS", "Bilingual", "Block",
           "CrossLanguageSearch"]
