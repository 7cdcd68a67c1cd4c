"""``afterview draft-thanks`` and ``afterview draft KIND``: every message afterview suggests.

1. read the store and the template (yours, else the built-in one);
2. draft the message(s) (pure, in ``afterview.domain.drafts``);
3. deliver: print (plain when piped), or ``--json``, ``--mailto``/``--open``, plus ``--copy`` and ``--eml``;
4. with ``--sent``, record in one store transaction that it went out, closing the matching step.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from afterview.cli import runtime, templates
from afterview.cli.interviews import InterviewId, Json, find
from afterview.domain import drafts as compose
from afterview.domain.drafts import Draft
from afterview.domain.steps import refresh_steps
from afterview.errors import UserError
from afterview.models import Document, Interview, SentMessage, StepState
from afterview.render import console
from afterview.render import drafts as show
from afterview.store.storefile import Unchanged

app = typer.Typer(
    help="Draft a message for an interview: follow-up, nudge, reference, offer-notice, withdraw, thank-you."
    "\n\nExample: afterview draft follow-up 7 --mailto --open",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

To = Annotated[
    str | None,
    typer.Option("--to", help="Write to the interviewer with this name (else those whose name contains it)."),
]
Copy = Annotated[
    bool, typer.Option("--copy", help="Also put the body on the clipboard (one draft at a time).")
]
Eml = Annotated[
    str | None,
    typer.Option(
        "--eml",
        metavar="FILE|DIR",
        help="Also write an .eml draft your mail client opens (a DIR holds one per draft).",
    ),
]
Mailto = Annotated[bool, typer.Option("--mailto", help="Print a mailto: link instead of the draft.")]
Open = Annotated[bool, typer.Option("--open", help="Open the mailto: link in your mail client.")]
Sent = Annotated[bool, typer.Option("--sent", help="Record that you sent it; the matching step is done.")]


@dataclasses.dataclass(frozen=True, kw_only=True)
class Delivery:
    """Where drafts go besides stdout, and whether they are marked sent."""

    copy: bool = False
    eml: str | None = None
    mailto: bool = False
    open: bool = False
    sent: bool = False
    json: bool = False


Composer = Callable[[Interview, Document], Sequence[Draft]]


def draft_thanks(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    json_: Json = False,
) -> None:
    """Draft a brief thank-you note to each interviewer (printed, never sent).

    Example: afterview draft-thanks 7 --to Jane --eml ~/Desktop/

    Also as: afterview draft thank-you 7
    """

    def thanks(interview: Interview, document: Document) -> Sequence[Draft]:
        if not interview.interviewers:
            raise UserError(
                f"Interview {interview_id} has no interviewers to thank.",
                hint=f'Add one with: afterview interviewer {interview_id} "Name, Title <email>"',
            )
        return compose.thank_you_notes(
            interview, document.profile, template=templates.load("thank-you"), tz=_tz(document), to=to
        )

    _run(interview_id, thanks, Delivery(copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, json=json_))


app.command("thank-you")(draft_thanks)


@app.command("follow-up")
def follow_up(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    json_: Json = False,
) -> None:
    """Draft a polite check-in that refers to the timeline they gave.

    Example: afterview draft follow-up 7 --eml follow-up.eml
    """
    _run(
        interview_id,
        lambda i, d: [
            compose.follow_up(i, d.profile, template=templates.load("follow-up"), tz=_tz(d), to=to)
        ],
        Delivery(copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, json=json_),
    )


@app.command("nudge")
def nudge(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    json_: Json = False,
) -> None:
    """Draft the second, brief nudge after a follow-up went unanswered.

    Example: afterview draft nudge 7 --mailto --open
    """
    _run(
        interview_id,
        lambda i, d: [compose.nudge(i, d.profile, template=templates.load("nudge"), tz=_tz(d), to=to)],
        Delivery(copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, json=json_),
    )


@app.command("reference")
def reference(
    interview_id: InterviewId,
    ref: Annotated[
        str | None,
        typer.Option("--ref", help="Only the reference with this name (else those whose name contains it)."),
    ] = None,
    emphasis: Annotated[str | None, typer.Option(help="What you would like them to emphasise.")] = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    json_: Json = False,
) -> None:
    """Draft a heads-up to your references: which company and role, who may call, what to emphasise.

    Example: afterview draft reference 7 --ref Maria --emphasis "the migration I led"
    """
    _run(
        interview_id,
        lambda i, d: compose.reference_notes(
            i, d, template=templates.load("reference"), tz=_tz(d), ref=ref, emphasis=emphasis
        ),
        Delivery(copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, json=json_),
    )


@app.command("offer-notice")
def offer_notice(
    interview_id: InterviewId,
    to: To = None,
    offer: Annotated[
        int | None,
        typer.Option(
            "--offer", metavar="ID", help="The interview with the offer (default: the latest).", min=1
        ),
    ] = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    json_: Json = False,
) -> None:
    """Draft an honest note to a company you are waiting on: an offer arrived elsewhere, with its deadline.

    Example: afterview draft offer-notice 7
    """
    _run(
        interview_id,
        lambda i, d: [
            compose.offer_notice(
                i, d, template=templates.load("offer-notice"), tz=_tz(d), to=to, offer_id=offer
            )
        ],
        Delivery(copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, json=json_),
    )


@app.command("withdraw")
def withdraw(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    json_: Json = False,
) -> None:
    """Draft a courteous note withdrawing your application.

    Example: afterview draft withdraw 7 --copy
    """
    _run(
        interview_id,
        lambda i, d: [compose.withdraw(i, d.profile, template=templates.load("withdraw"), tz=_tz(d), to=to)],
        Delivery(copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, json=json_),
    )


def _tz(document: Document) -> dt.tzinfo:
    return runtime.user_tz(document.profile)


def _run(interview_id: int, composer: Composer, delivery: Delivery) -> None:
    document = runtime.open_store().read()
    items = list(composer(find(document, interview_id), document))
    if delivery.copy and len(items) > 1:
        raise UserError(
            f"There are {len(items)} drafts, and the clipboard holds one.",
            hint="Pick one with --to (or --ref), or use --eml DIR for all of them.",
        )
    written = (
        _write_eml(items, delivery.eml, sender=(document.profile.name, document.profile.email))
        if delivery.eml is not None
        else []
    )
    if delivery.json:
        from afterview.formats.delivery import mailto

        console.print_json(
            [{**show.as_json(d), **({"mailto": mailto(d)} if delivery.mailto else {})} for d in items]
        )
        show.warnings(items)
    elif delivery.mailto or delivery.open:
        _links(items)
    else:
        show.drafts(items)
    if delivery.open:
        _open(items)
    for path in written:
        console.note(f"Wrote {path}")
    if delivery.copy:
        _copy(items[0])
    if delivery.sent:
        _mark_sent(interview_id, items)


def _write_eml(items: Sequence[Draft], where: str, *, sender: tuple[str | None, str | None]) -> list[Path]:
    """Write each draft as an .eml file: to ``where``, or into it when it is a directory or ends with one."""
    from afterview.formats.delivery import eml, eml_name

    target = Path(where).expanduser()
    into_dir = target.is_dir() or where.endswith(("/", os.sep))
    if not into_dir and len(items) > 1:
        raise UserError(
            f"There are {len(items)} drafts; --eml needs a directory to hold them.",
            hint="Give a directory (--eml DIR/), or pick one draft with --to.",
        )
    paths: list[Path] = []
    for draft in items:
        path = target / eml_name(draft) if into_dir else target
        stem, count = path.stem, 1
        while path in paths:
            count += 1
            path = path.with_name(f"{stem}-{count}{path.suffix}")
        try:
            if into_dir:
                target.mkdir(parents=True, exist_ok=True)
            path.write_bytes(eml(draft, sender_name=sender[0], sender_email=sender[1]))
        except OSError as error:
            raise UserError(f"Cannot write {path}: {error.strerror or error}.") from None
        paths.append(path)
    return paths


def _links(items: Sequence[Draft]) -> None:
    from afterview.formats.delivery import mailto

    for draft in items:
        console.out().print(mailto(draft), markup=False, highlight=False, soft_wrap=True)
    show.warnings(items)


def _open(items: Sequence[Draft]) -> None:
    from afterview.formats.delivery import mailto

    for draft in items:
        if typer.launch(mailto(draft)) != 0:
            raise UserError(
                "Could not open your mail client.", hint="Use the mailto: link (--mailto) instead."
            )
    console.note("Opened in your mail client.")


def _copy(draft: Draft) -> None:
    import pyperclip

    try:
        pyperclip.copy(draft.body)
    except pyperclip.PyperclipException:
        raise UserError(
            "There is no clipboard here, so nothing was copied.",
            hint="On Linux install wl-clipboard, xclip or xsel; or use --eml or --mailto instead.",
        ) from None
    console.note(f"Copied the body to the clipboard. Subject: {draft.subject}")


def _mark_sent(interview_id: int, items: Sequence[Draft]) -> None:
    """Record every draft as sent and close the steps it completes, in one transaction.

    Marking the same message sent again changes nothing: it is already on record, and its step closed.
    """
    store = runtime.open_store()
    already: list[SentMessage] = []
    with store.transaction() as document:
        now = runtime.local_now(document.profile)
        interview = find(document, interview_id)
        steps = list(interview.steps)
        records: list[SentMessage] = []
        for draft in items:
            closed = [
                n for n, step in enumerate(steps) if step.state is StepState.PENDING and draft.closes(step)
            ]
            earlier = next((r for r in interview.sent if (r.kind, r.to) == (draft.kind, draft.to_name)), None)
            if earlier is not None and not closed:
                already.append(earlier)
                continue
            for n in closed:
                steps[n] = steps[n].model_copy(update={"state": StepState.DONE, "done_at": now})
            records.append(
                SentMessage(
                    kind=draft.kind,
                    to=draft.to_name,
                    email=draft.to_email,
                    subject=draft.subject,
                    at=now,
                    step=", ".join(steps[n].id for n in closed) or None,
                )
            )
        if not records:
            raise Unchanged
        updated = interview.model_copy(
            update={"steps": steps, "sent": [*interview.sent, *records], "updated_at": now}
        )
        document.put(refresh_steps(updated, runtime.context(document), now=now))
    for record in already:
        when = record.at.astimezone(now.tzinfo)
        console.note(f"Already marked sent on {when:%Y-%m-%d %H:%M}: {record.kind} to {record.to}.")
    for record in records:
        step = f"; step {record.step} is done" if record.step else ""
        console.say(f"Marked sent: {record.kind} to {record.to}{step}.")
    if any(record.kind == "withdraw" for record in records):
        console.note(f"Close the process with: afterview outcome {interview_id} withdrawn")
