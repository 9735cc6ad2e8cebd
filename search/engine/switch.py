"""Whether the fast paths run: only on the Whoosh they were proven against, and only when not turned off."""
from __future__ import annotations

import os

import whoosh

# The Whoosh whose private block layout, codec and scorer internals the fast paths were proven against
# (tests/search/test_fast_paths.py compares them with Whoosh's own matchers and writer).
PROVEN = "2.7.5"
ENGINE_VERSION = 1  # bump when the fast paths write or read indexes differently
ENV = "VILAO_FAST_PATHS"  # "0" turns them off: Whoosh's public API alone


def whoosh_version() -> str:
    return ".".join(map(str, whoosh.__version__))


def fast_paths(requested: bool | None = None) -> bool:
    """requested: True or False from a setting; None reads VILAO_FAST_PATHS (on unless "0")."""
    if requested is None:
        requested = os.environ.get(ENV, "1").strip().lower() not in ("0", "false", "off", "no")
    return bool(requested) and whoosh_version() == PROVEN
