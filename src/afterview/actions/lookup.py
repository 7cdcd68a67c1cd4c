"""Finding what the user names: an interview (``7``), a hiring process (``P2``) or a step (``7.2``).

Each raises :class:`afterview.errors.UserError` with a hint when the name matches nothing.
"""

from __future__ import annotations

from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.records import Interview, Process, Step

MAX_ID_DIGITS = 18
"""No id afterview gives has more digits; a longer one (a paste gone wrong) names nothing, and is never
turned into a number (Python refuses over 4,300 digits)."""


def _shown(text: str) -> str:
    """``text`` as a message repeats it: a long one cut to its start and its length."""
    return text if len(text) <= 24 else f"{text[:16]}… ({len(text):,} characters)"


def _too_long(word: str, what: str, hint: str) -> None:
    if len(word) > MAX_ID_DIGITS + 2:
        raise UserError(f"There is no {what} {_shown(word)}; nothing was changed.", hint=hint)


def find(document: Document, interview_id: int) -> Interview:
    """The interview with this id, or a clear error."""
    interview = document.interview(interview_id)
    if interview is None:
        raise UserError(
            f"There is no interview {interview_id}.", hint="See your interviews with: afterview list"
        )
    return interview


def find_process(document: Document, text: str) -> tuple[Process, Interview | None]:
    """The process ``text`` names, ``P2`` (any case) or any of its rounds' ids (``7``), and that round.

    Raises UserError when ``text`` names neither.
    """
    word = text.strip()
    _too_long(word, "interview or process", "See them with: afterview list")
    if word[:1] in ("P", "p") and word[1:].isdigit():
        process = document.process(int(word[1:]))
        if process is None:
            raise UserError(
                f"There is no process {word.upper()}.", hint="See your processes with: afterview list"
            )
        return process, None
    if not word.isdigit() or int(word) < 1:
        raise UserError(
            f"{text!r} is not an interview id (7) or a process id (P2).",
            hint="See them with: afterview list",
        )
    interview = find(document, int(word))
    return interview.process, interview


def latest_round(document: Document, text: str) -> Interview:
    """The interview ``text`` names, or the latest round of the process it names (``P2``).

    Raises UserError when ``text`` names neither.
    """
    process, interview = find_process(document, text)
    return interview if interview is not None else document.rounds(process)[-1]


def locate(document: Document, step_id: str) -> tuple[Interview, Step]:
    """The interview and step with this id, or a clear error."""
    _too_long(step_id, "step", "See your steps with: afterview todo --all")
    interview_part, dot, _ = step_id.partition(".")
    if not dot or not interview_part.isdigit():
        raise UserError(
            f"{step_id!r} is not a step id.", hint="Step ids look like 7.2; see them with: afterview todo"
        )
    interview = document.interview(int(interview_part))
    step = next((s for s in interview.steps if s.id == step_id), None) if interview else None
    if interview is None or step is None:
        raise UserError(
            f"There is no step {step_id}; nothing was changed.",
            hint="See your steps with: afterview todo --all",
        )
    return interview, step
