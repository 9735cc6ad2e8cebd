"""Word-by-word differences between two wordings: runs of equal, inserted and deleted text."""
from __future__ import annotations

from difflib import SequenceMatcher

from search import text_pieces

EQUAL, INSERT, DELETE = "equal", "insert", "delete"


def diff_words(before: str, after: str) -> list[dict]:
    """[{"op": equal|insert|delete, "text"}]: leaving out the inserted runs reads `before`, leaving out the
    deleted ones reads `after`. Words come from search (Lao by syllable)."""
    a, b = text_pieces(before), text_pieces(after)
    matcher = SequenceMatcher(None, [p for p, _ in a], [p for p, _ in b], autojunk=False)
    # Stretches [changed?, pieces before, pieces after]; an equal one has the same pieces on both sides.
    stretches = [[tag != "equal", a[i1:i2], b[j1:j2]] for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    out: list[dict] = []
    for changed, old, new in _slid(_joined(stretches)):
        if changed:
            _add(out, DELETE, old)
            _add(out, INSERT, new)
        else:
            _add(out, EQUAL, old)
    return out


def _joined(stretches: list[list]) -> list[list]:
    """A change, then only spaces or punctuation that happen to match, then another change: one change, so
    a rewritten phrase reads as one deletion and one insertion rather than scraps."""
    out: list[list] = []
    for n, (changed, old, new) in enumerate(stretches):
        between = 0 < n < len(stretches) - 1 and stretches[n - 1][0] and stretches[n + 1][0]
        if (changed or (between and not any(is_word for _, is_word in old))) and out and out[-1][0]:
            out[-1][1] += old
            out[-1][2] += new
        else:
            out.append([changed, list(old), list(new)])
    return out


def _slid(stretches: list[list]) -> list[list]:
    """A pure insertion or deletion that could as well sit further on ('kiểm[ tra và thanh] tra' and
    'kiểm tra[ và thanh tra]' say the same) is moved on as far as it goes, then back to end on a word: it
    then covers the repeated words the way a reader says what was removed."""
    stretches = [[False, [], []], *stretches, [False, [], []]]  # every change between two equal stretches
    for n in range(1, len(stretches) - 1):
        changed, old, new = stretches[n]
        before, after = stretches[n - 1], stretches[n + 1]
        if not changed or (old and new) or before[0] or after[0]:
            continue
        run = old or new
        while after[1] and run[0][0] == after[1][0][0]:
            _move(run, after, before, forward=True)
        while before[1] and not run[-1][1] and run[-1][0] == before[1][-1][0]:
            _move(run, before, after, forward=False)
    return [s for s in stretches if s[1] or s[2]]


def _move(run: list, source: list, target: list, forward: bool) -> None:
    """Slides a run one piece: a piece leaves one end of the run for the equal stretch on that side, and the
    equal stretch on the other side gives the run its matching piece."""
    if forward:
        moved = run.pop(0)
        target[1].append(moved)
        target[2].append(moved)
        run.append(source[1].pop(0))
        source[2].pop(0)
    else:
        moved = run.pop()
        target[1].insert(0, moved)
        target[2].insert(0, moved)
        run.insert(0, source[1].pop())
        source[2].pop()


def _add(out: list[dict], op: str, pieces: list) -> None:
    text = "".join(p for p, _ in pieces)
    if not text:
        return
    if out and out[-1]["op"] == op:
        out[-1]["text"] += text
    else:
        out.append({"op": op, "text": text})


def counts(runs: list[dict]) -> dict[str, int]:
    """How many stretches were inserted and deleted."""
    return {"inserted": sum(r["op"] == INSERT for r in runs), "deleted": sum(r["op"] == DELETE for r in runs)}
