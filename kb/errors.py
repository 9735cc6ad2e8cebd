"""Problems found in content, and the one exception family the command line turns into exit codes."""
from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    level: str  # "error" or "warning"
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message} [{self.code}]"


class KbError(Exception):
    """A failure with a message meant for the user."""


class ContentError(KbError):
    """Content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.level == "error"]
        super().__init__(f"{len(errors)} error(s) in content; first: {errors[0] if errors else '-'}")


def display_path(path: str) -> str:
    """A path as users see it in messages: relative to the working directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


class Problems(list):
    """Collects problems for one file."""

    def __init__(self, path: str):
        super().__init__()
        self.path = display_path(path)

    def error(self, line: int, code: str, message: str) -> None:
        self.append(Problem(self.path, line, "error", code, message))

    def error_at(self, path, line: int, code: str, message: str) -> None:
        self.append(Problem(display_path(str(path)), line, "error", code, message))

    def warning(self, line: int, code: str, message: str) -> None:
        self.append(Problem(self.path, line, "warning", code, message))
