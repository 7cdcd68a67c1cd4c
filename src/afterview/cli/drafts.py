"""``afterview draft-thanks`` and ``afterview draft KIND``: every message afterview suggests.

1. read the store and the template (yours, else the built-in one);
2. draft the message(s) (pure, in ``afterview.domain.drafts``);
3. deliver (``afterview.cli.delivery``): the draft alone on stdout (plain when piped), or ``--json``,
   ``--mailto``/``--open``, plus ``--copy`` and ``--eml``; with ``--sent``, record in one store
   transaction that it went out, closing the matching step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated

import typer

from afterview.actions.drafting import Composer, Loader, draft_messages
from afterview.cli import inputs, templates
from afterview.cli.delivery import SENT_BY, Delivery, check, deliver
from afterview.cli.interviews import InterviewId, Json
from afterview.domain import drafts as compose
from afterview.domain.drafts import Draft
from afterview.domain.greetings import LANGUAGES, Language
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.records import Interview

app = typer.Typer(
    help="Draft a message for an interview: follow-up, nudge, reference, offer-notice, withdraw, thank-you, "
    "rejection-reply, reconnect, reference-update."
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
By = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="|".join(SENT_BY),
        help="With --sent: how it went, when not by email (then no email address is needed).",
    ),
]
Force = Annotated[
    bool,
    typer.Option("--force", help="Draft even after the process ended, and replace an existing --eml file."),
]

LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--language",
        metavar="|".join(LANGUAGES),
        help="Write it in this language (kept for the process's next drafts; default: the process's, "
        "else your profile's).",
    ),
]


def draft_thanks(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a brief thank-you note to each interviewer (printed, never sent).

    Example: afterview draft-thanks 7 --to Jane --eml ~/Desktop/

    Also as: afterview draft thank-you 7
    """

    def thanks(
        interview: Interview, document: Document, now: dt.datetime, load: Loader, language: Language
    ) -> Sequence[Draft]:
        if not interview.interviewers:
            raise UserError(
                f"Interview {interview_id} has no interviewers to thank.",
                hint=f'Add one with: afterview interviewer {interview_id} "Name, Title <email>"',
            )
        return compose.thank_you_notes(
            interview,
            document.profile,
            template=load("thank-you"),
            now=now,
            to=to,
            force=force,
            language=language,
            rounds=document.rounds(interview.process),
        )

    _run(interview_id, thanks, _delivery(copy, eml, mailto, open_, sent, by, force, json_), language)


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
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a polite check-in that refers to the timeline they gave (refused once the process ended).

    Example: afterview draft follow-up 7 --eml follow-up.eml
    """
    _run(
        interview_id,
        lambda i, d, now, load, lang: [
            compose.follow_up(
                i, d.profile, template=load("follow-up"), now=now, to=to, force=force, language=lang
            )
        ],
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
        to_company=True,
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
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft the second, brief nudge after a follow-up (or an offer notice) went unanswered.

    Example: afterview draft nudge 7 --mailto --open
    """
    _run(
        interview_id,
        lambda i, d, now, load, lang: [
            compose.nudge(i, d, template=load("nudge"), now=now, to=to, force=force, language=lang)
        ],
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
        to_company=True,
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
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a heads-up to your references: which company and role, who may call, what to emphasise.

    Example: afterview draft reference 7 --ref Maria --emphasis "the migration I led"
    """
    _run(
        interview_id,
        lambda i, d, now, load, lang: compose.reference_notes(
            i, d, template=load("reference"), now=now, ref=ref, emphasis=emphasis, force=force, language=lang
        ),
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
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
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft an honest note to a company you are waiting on: an offer arrived elsewhere, with its deadline.

    Example: afterview draft offer-notice 7
    """
    _run(
        interview_id,
        lambda i, d, now, load, lang: [
            compose.offer_notice(
                i,
                d,
                template=load("offer-notice"),
                now=now,
                to=to,
                offer_id=offer,
                force=force,
                language=lang,
            )
        ],
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
        to_company=True,
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
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a courteous note withdrawing your application.

    Example: afterview draft withdraw 7 --copy
    """
    _run(
        interview_id,
        lambda i, d, now, load, lang: [
            compose.withdraw(
                i, d.profile, template=load("withdraw"), now=now, to=to, force=force, language=lang
            )
        ],
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
        to_company=True,
    )


@app.command("rejection-reply")
def rejection_reply(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a short, gracious reply to a rejection: thank them, ask for feedback, keep the door open.

    Example: afterview draft rejection-reply 7 --to Priya
    """
    from afterview.domain import ending_drafts

    _run(
        interview_id,
        lambda i, d, now, load, lang: [
            ending_drafts.rejection_reply(
                i, d.profile, template=load("rejection-reply"), now=now, to=to, force=force, language=lang
            )
        ],
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
        to_company=True,
    )


@app.command("reconnect")
def reconnect(
    interview_id: InterviewId,
    to: To = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a note to get back in touch with a company, months after a process there ended.

    Example: afterview draft reconnect 7
    """
    from afterview.domain import ending_drafts

    _run(
        interview_id,
        lambda i, d, now, load, lang: [
            ending_drafts.reconnect(
                i, d.profile, template=load("reconnect"), now=now, to=to, force=force, language=lang
            )
        ],
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
        to_company=True,
    )


@app.command("reference-update")
def reference_update(
    interview_id: InterviewId,
    ref: Annotated[
        str | None,
        typer.Option("--ref", help="Only the reference with this name (else those whose name contains it)."),
    ] = None,
    copy: Copy = False,
    eml: Eml = None,
    mailto: Mailto = False,
    open_: Open = False,
    sent: Sent = False,
    by: By = None,
    force: Force = False,
    language: LanguageOption = None,
    json_: Json = False,
) -> None:
    """Draft a note to each reference you told about a process: you accepted an offer, and thank you.

    Example: afterview draft reference-update 7 --ref Katrin
    """
    from afterview.domain import ending_drafts

    _run(
        interview_id,
        lambda i, d, now, load, lang: ending_drafts.reference_updates(
            i, d, template=load("reference-update"), now=now, ref=ref, force=force, language=lang
        ),
        _delivery(copy, eml, mailto, open_, sent, by, force, json_),
        language,
    )


def _delivery(
    copy: bool,
    eml: str | None,
    mailto: bool,
    open_: bool,
    sent: bool,
    by: str | None,
    force: bool,
    json_: bool,
) -> Delivery:
    delivery = Delivery(
        copy=copy, eml=eml, mailto=mailto, open=open_, sent=sent, by=by, force=force, json=json_
    )
    check(delivery)
    return delivery


def _run(
    interview_id: int,
    composer: Composer,
    delivery: Delivery,
    language: str | None,
    *,
    to_company: bool = False,
) -> None:
    result = draft_messages(
        interview_id=interview_id,
        compose=composer,
        load=templates.load,
        language=inputs.language(language) if language is not None else None,
        to_company=to_company,
    )
    deliver(interview_id, result.drafts, delivery, sender=result.sender)
