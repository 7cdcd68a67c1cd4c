# ruff: noqa: E501  (the corpus is mail as written: long lines read better than wrapped ones)
"""A corpus of hand-written mail, as applicant tracking systems and people send it, in English, German,
French and Spanish: each message with what the classifier should make of it (a kind and a process, or
nothing). :func:`corpus` builds them as RFC 5322 bytes with the standard library's ``email`` package."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime

from afterview.domain.mail import OpenProcess, SentNote

UTC = dt.UTC
CET = dt.timezone(dt.timedelta(hours=1))


def _at(day: int, month: int = 11, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, 0, tzinfo=CET)


PROCESSES = [
    OpenProcess(
        id=1,
        company="Acme Robotics",
        addresses=frozenset({"anna.schmidt@acme-robotics.com", "people@acme-robotics.com"}),
        domains=frozenset({"acme-robotics.com"}),
        first=dt.date(2026, 10, 20),
        last=dt.date(2026, 11, 2),
        sent=(
            SentNote("thank-you", "anna.schmidt@acme-robotics.com", "Thank you for today's interview", _at(2, hour=18)),
            SentNote("follow-up", "people@acme-robotics.com", "Following up: Senior Engineer", _at(16)),
        ),
        answer_steps=("3.6",),
    ),
    OpenProcess(2, "Brightwave", frozenset({"tom.reed@brightwave.io"}), frozenset({"brightwave.io"}),
                dt.date(2026, 10, 28), dt.date(2026, 10, 28),
                (SentNote("follow-up", "tom.reed@brightwave.io", "Checking in on the Data Analyst role", _at(12)),),
                ("5.4",)),
    OpenProcess(3, "Zürcher Bank AG", frozenset({"m.mueller@zuercherbank.ch"}), frozenset({"zuercherbank.ch"}),
                dt.date(2026, 10, 22), dt.date(2026, 11, 5),
                (SentNote("thank-you", "m.mueller@zuercherbank.ch", "Vielen Dank für das Gespräch", _at(5, hour=17)),)),
    OpenProcess(4, "Lumière Données", frozenset({"claire.petit@lumiere-donnees.fr"}),
                frozenset({"lumiere-donnees.fr"}), dt.date(2026, 10, 30), dt.date(2026, 10, 30),
                (SentNote("follow-up", "claire.petit@lumiere-donnees.fr", "Suivi de ma candidature", _at(13)),)),
    OpenProcess(5, "Tecnologías Río", frozenset({"lucia.gomez@tecnorio.es"}), frozenset({"tecnorio.es"}),
                dt.date(2026, 10, 26), dt.date(2026, 10, 26),
                (SentNote("thank-you", "lucia.gomez@tecnorio.es", "Gracias por la entrevista", _at(26, 10, 18)),)),
    OpenProcess(6, "Nordlicht Software GmbH", frozenset({"jana@nordlicht.de"}), frozenset({"nordlicht.de"}),
                dt.date(2026, 11, 3), dt.date(2026, 11, 3)),
    OpenProcess(7, "Quanta Labs", frozenset({"priya@quantalabs.ai"}), frozenset({"quantalabs.ai"}),
                dt.date(2026, 11, 4), dt.date(2026, 11, 4)),
    OpenProcess(8, "Helix Health", frozenset(), frozenset(), dt.date(2026, 10, 29), dt.date(2026, 10, 29)),
]  # fmt: skip
"""The open processes the corpus is matched against (P1 to P8)."""


@dataclass(frozen=True)
class Case:
    """One message and what it should give: ``kind`` (``None``: nothing) and ``process`` (1 for P1)."""

    name: str
    kind: str | None
    process: int | None
    sender: str
    subject: str
    at: dt.datetime
    body: str
    html: bool = False
    charset: str = "utf-8"
    calendar: str | None = None


def _ics(uid: str, summary: str, start: str, *, method: str = "REQUEST", sequence: int = 0,
         organizer: str = "priya@quantalabs.ai") -> str:  # fmt: skip
    status = "CANCELLED" if method == "CANCEL" else "CONFIRMED"
    return "\r\n".join(
        [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//corpus//EN", f"METHOD:{method}", "BEGIN:VEVENT",
            f"UID:{uid}", f"SEQUENCE:{sequence}", f"SUMMARY:{summary}", f"DTSTART;TZID=Europe/Berlin:{start}",
            "DURATION:PT45M", f"ORGANIZER;CN=Organizer:mailto:{organizer}",
            "ATTENDEE;CN=Sam Doe;ROLE=REQ-PARTICIPANT:mailto:sam@example.org", f"STATUS:{status}",
            "DTSTAMP:20261101T090000Z", "END:VEVENT", "END:VCALENDAR", "",
        ]
    )  # fmt: skip


POSITIVE = [
    # Rejections, English
    Case("greenhouse-reject", "rejection", 2, "Brightwave Recruiting <no-reply@us.greenhouse-mail.io>",
         "Your application to Brightwave", _at(18),
         "Hi Sam,\n\nThank you for your interest in Brightwave and for taking the time to speak with our team. "
         "After careful consideration, we have decided to move forward with other candidates whose experience "
         "more closely matches our needs at this time.\n\nWe wish you the best in your search.\n\nBrightwave "
         "Talent Team"),
    Case("lever-reject", "rejection", 7, "Quanta Labs <no-reply@hire.lever.co>", "Quanta Labs - Backend Engineer",
         _at(20), "<html><body><p>Hi Sam,</p><p>Thanks so much for your time. Unfortunately, we won't be moving "
         "forward with your application for the Backend Engineer position.</p><p>Best,<br>Quanta Labs</p>"
         "</body></html>", html=True),
    Case("ashby-reject", "rejection", 7, "Priya at Quanta Labs <priya@ashbyhq.com>", "Update on your application",
         _at(21), "Hello Sam,\n\nThank you for interviewing with Quanta Labs. Unfortunately we have decided not "
         "to proceed with your candidacy. We will keep your details on file.\n\nPriya"),
    Case("workday-reject", "rejection", 8, "Helix Health <helixhealth@myworkday.com>",
         "Helix Health: Application Status", _at(23),
         "<html><body><div>Dear Sam Doe,</div><div>Thank you for applying to the Clinical Data Engineer role at "
         "Helix Health. We regret to inform you that we have decided to pursue other candidates for this "
         "position.</div><div>Helix Health Talent Acquisition</div></body></html>", html=True),
    Case("direct-reject", "rejection", 1, "Anna Schmidt <anna.schmidt@acme-robotics.com>", "Senior Engineer",
         _at(24), "Hi Sam,\n\nI wanted to let you know personally that the position has now been filled. "
         "It was a close call and I enjoyed our conversation.\n\nAll the best,\nAnna"),
    # Rejections, German
    Case("personio-absage", "rejection", 3, "Zürcher Bank AG <jobs@zuercherbank.personio.de>",
         "Ihre Bewerbung bei der Zürcher Bank AG", _at(19),
         "Sehr geehrter Herr Doe,\n\nvielen Dank für Ihr Interesse und die Zeit, die Sie sich für uns genommen "
         "haben. Nach sorgfältiger Prüfung haben wir uns leider für einen anderen Kandidaten entschieden.\n\n"
         "Wir wünschen Ihnen für Ihre berufliche Zukunft alles Gute.\n\nIhr Recruiting-Team",
         charset="iso-8859-1"),
    Case("nordlicht-absage", "rejection", 6, "Jana Vogel <jana@nordlicht.de>", "Rückmeldung zu deiner Bewerbung",
         _at(25), "Hallo Sam,\n\nleider können wir dir keine Zusage geben. Wir haben uns für eine andere "
         "Bewerberin entschieden.\n\nViel Erfolg weiterhin!\nJana"),
    Case("softgarden-absage", "rejection", 6, "Nordlicht Software GmbH <noreply@softgarden.io>",
         "Ihre Bewerbung als Backend-Entwickler (m/w/d)", _at(26),
         "Hallo Sam Doe,\n\nwir bedanken uns für Ihre Bewerbung. Leider müssen wir Ihnen mitteilen, dass wir "
         "Ihre Bewerbung nicht weiter berücksichtigen können.\n\nMit freundlichen Grüßen\nNordlicht Software"),
    # Rejections, French
    Case("teamtailor-refus", "rejection", 4, "Lumière Données <no-reply@teamtailor-mail.com>",
         "Votre candidature chez Lumière Données", _at(17),
         "Bonjour Sam,\n\nNous vous remercions pour l'intérêt que vous portez à Lumière Données. Après mûre "
         "réflexion, nous ne pouvons malheureusement pas donner une suite favorable à votre candidature.\n\n"
         "Bonne continuation,\nL'équipe recrutement"),
    Case("direct-refus", "rejection", 4, "Claire Petit <claire.petit@lumiere-donnees.fr>", "Poste Data Engineer",
         _at(27), "Bonjour Sam,\n\nJe reviens vers vous concernant le poste. Votre candidature n'a pas été "
         "retenue pour la suite du processus.\n\nCordialement,\nClaire"),
    Case("smartrecruiters-refus", "rejection", 4, "Lumière Données <noreply@smartrecruiters.com>",
         "Lumière Données - suite de votre candidature", _at(28),
         "<html><body><p>Bonjour,</p><p>Malheureusement, nous avons décidé de poursuivre avec d'autres candidats "
         "dont le profil correspond davantage au poste.</p></body></html>", html=True),
    # Rejections, Spanish
    Case("workday-rechazo", "rejection", 5, "Tecnologías Río <tecnorio@myworkday.com>",
         "Actualización sobre tu candidatura", _at(16),
         "Hola Sam,\n\nGracias por tu interés en Tecnologías Río. Tras una cuidadosa consideración, hemos "
         "decidido continuar con otros candidatos.\n\nTe deseamos mucho éxito.\n"),
    Case("direct-rechazo", "rejection", 5, "Lucía Gómez <lucia.gomez@tecnorio.es>", "Proceso de selección",
         _at(30), "Hola Sam:\n\nLamentablemente tu candidatura no ha sido seleccionada para la siguiente fase. "
         "Gracias por tu tiempo.\n\nUn saludo,\nLucía"),
    Case("join-rechazo", "rejection", 5, "Tecnologías Río <jobs@join.com>", "Tu candidatura en Tecnologías Río",
         _at(1, 12), "Hola Sam,\n\nLamentamos comunicarte que no vamos a continuar con tu candidatura. "
         "Desafortunadamente había otros perfiles más cercanos a lo que buscamos.\n"),
    # Offers
    Case("offer-en-direct", "offer", 1, "Anna Schmidt <anna.schmidt@acme-robotics.com>",
         "Offer: Senior Engineer at Acme Robotics", _at(25),
         "Hi Sam,\n\nI'm delighted to extend you an offer for the Senior Engineer role! Please find attached "
         "your offer letter with the compensation details and a proposed start date of 1 February.\n\nAnna"),
    Case("offer-en-ashby", "offer", 7, "Quanta Labs <no-reply@ashbyhq.com>", "Your offer from Quanta Labs",
         _at(27), "Hi Sam,\n\nCongratulations! Your offer letter is ready to review and sign in the portal. "
         "It includes your base salary, equity and your start date.\n"),
    Case("angebot-de", "offer", 3, "Markus Müller <m.mueller@zuercherbank.ch>", "Ihr Vertragsangebot",
         _at(24), "Lieber Herr Doe,\n\nwir freuen uns, Ihnen heute ein Angebot für die Position als Data "
         "Engineer machen zu können. Anbei finden Sie das Vertragsangebot mit Gehalt und Eintrittsdatum.\n\n"
         "Herzliche Grüße\nMarkus Müller"),
    Case("angebot-de-du", "offer", 6, "Jana Vogel <jana@nordlicht.de>", "Gute Neuigkeiten!", _at(20),
         "Hallo Sam,\n\nherzlichen Glückwunsch! Wir freuen uns, dir die Stelle anzubieten. Die Details zum "
         "Gehalt schicke ich dir morgen.\n\nJana"),
    Case("offre-fr", "offer", 4, "Claire Petit <claire.petit@lumiere-donnees.fr>", "Proposition d'embauche",
         _at(30), "Bonjour Sam,\n\nNous avons le plaisir de vous proposer le poste de Data Engineer. Vous "
         "trouverez ci-joint notre promesse d'embauche précisant la rémunération.\n\nClaire"),
    Case("offre-fr-ats", "offer", 4, "Lumière Données <no-reply@teamtailor-mail.com>", "Félicitations !",
         _at(1, 12), "Félicitations Sam ! Votre offre est disponible dans votre espace candidat, avec le "
         "salaire et la date de début proposés."),
    Case("oferta-es", "offer", 5, "Lucía Gómez <lucia.gomez@tecnorio.es>", "Oferta de empleo", _at(2, 12),
         "Hola Sam,\n\nNos complace ofrecerte el puesto de Ingeniero de Datos. Te adjuntamos la carta oferta "
         "con el salario y la fecha de incorporación.\n\nLucía"),
    Case("oferta-es-ats", "offer", 5, "Tecnologías Río <noreply@smartrecruiters.com>", "¡Enhorabuena, Sam!",
         _at(3, 12), "¡Enhorabuena! Ya puedes consultar tu oferta en el portal. Incluye salario y fecha de "
         "inicio."),
    # Next rounds
    Case("next-en-greenhouse", "next-round", 2, "Brightwave Recruiting <no-reply@us.greenhouse-mail.io>",
         "Next steps with Brightwave", _at(6),
         "Hi Sam,\n\nGreat news: the team would like to move you forward to the next round! Please use the "
         "link below to select a time for your technical interview.\n"),
    Case("next-en-direct", "next-round", 1, "Anna Schmidt <anna.schmidt@acme-robotics.com>", "Onsite",
         _at(5), "Hi Sam,\n\nThanks again for Monday. We'd like to invite you to an onsite interview with the "
         "wider team. Could you send me your availability for next week?\n\nAnna"),
    Case("next-en-goodtime", "next-round", 8, "Helix Health <scheduling@helixhealth.com>",
         "Helix Health - scheduling your next interview", _at(4),
         "Hello Sam, we would like to schedule a final interview with our CTO. Please share your availability."),
    Case("next-en-ashby", "next-round", 7, "Quanta Labs <no-reply@ashbyhq.com>", "Quanta Labs: pick a time",
         _at(9), "Hi Sam! Please pick a time for your next conversation with the team. Here is the link to "
         "book your interview; time slots are shown in your time zone."),
    Case("next-de", "next-round", 3, "Zürcher Bank AG <jobs@zuercherbank.personio.de>", "Einladung",
         _at(9), "Sehr geehrter Herr Doe,\n\ngerne laden wir Sie zu einem zweiten Gespräch mit unserem "
         "Teamleiter ein. Bitte teilen Sie uns Ihre Verfügbarkeit mit.\n"),
    Case("next-de-du", "next-round", 6, "Jana Vogel <jana@nordlicht.de>", "Wie geht's weiter",
         _at(10), "Hallo Sam,\n\ndu bist in der nächsten Runde! Schick mir doch ein paar Terminvorschläge "
         "für nächste Woche.\n\nJana"),
    Case("next-fr", "next-round", 4, "Claire Petit <claire.petit@lumiere-donnees.fr>", "Suite du processus",
         _at(4), "Bonjour Sam,\n\nNous souhaitons vous rencontrer pour un second entretien avec l'équipe. "
         "Pourriez-vous m'indiquer vos disponibilités ?\n\nClaire"),
    Case("next-fr-ats", "next-round", 4, "Lumière Données <no-reply@teamtailor-mail.com>",
         "Planifiez votre prochain entretien", _at(6),
         "Bonjour Sam, vous passez à la prochaine étape du processus de recrutement. Choisissez un créneau "
         "dans le lien ci-dessous."),
    Case("next-es", "next-round", 5, "Lucía Gómez <lucia.gomez@tecnorio.es>", "Segunda entrevista",
         _at(3), "Hola Sam,\n\nNos gustaría invitarte a una segunda entrevista con el equipo técnico. "
         "¿Qué disponibilidad tienes la semana que viene?\n"),
    Case("next-es-ats", "next-round", 5, "Tecnologías Río <noreply@smartrecruiters.com>",
         "Tecnologías Río: siguiente fase", _at(5),
         "Hola Sam, has pasado a la siguiente fase del proceso de selección. Elige tu horario en el enlace."),
    # Invitations and their updates
    Case("invite-new", "invitation", 7, "Priya <priya@quantalabs.ai>", "Invitation: Technical interview",
         _at(6), "You have been invited.", calendar=_ics("q1", "Technical interview with Quanta Labs",
                                                          "20261112T150000")),
    Case("invite-update", "invitation", 7, "Priya <priya@quantalabs.ai>",
         "Updated invitation: Technical interview", _at(7), "The event was updated.",
         calendar=_ics("q1", "Technical interview with Quanta Labs", "20261113T150000", sequence=1)),
    Case("invite-cancel", "invitation", 7, "Priya <priya@quantalabs.ai>", "Canceled: Technical interview",
         _at(8), "The event was cancelled.",
         calendar=_ics("q1", "Technical interview with Quanta Labs", "20261113T150000", method="CANCEL",
                       sequence=2)),
    Case("invite-de", "invitation", 3, "Markus Müller <m.mueller@zuercherbank.ch>",
         "Einladung: Zweites Gespräch", _at(10), "Einladung im Anhang.",
         calendar=_ics("z1", "Gespräch mit Zürcher Bank AG", "20261118T100000", organizer="m.mueller@zuercherbank.ch")),
    Case("invite-fr", "invitation", 4, "Claire Petit <claire.petit@lumiere-donnees.fr>",
         "Invitation : Entretien", _at(7), "Invitation.",
         calendar=_ics("l1", "Entretien Lumière Données", "20261117T140000",
                       organizer="claire.petit@lumiere-donnees.fr")),
    Case("invite-es-update", "invitation", 5, "Lucía Gómez <lucia.gomez@tecnorio.es>",
         "Invitación actualizada: Entrevista", _at(8), "Actualizado.",
         calendar=_ics("t1", "Entrevista con Tecnologías Río", "20261119T120000", sequence=3,
                       organizer="lucia.gomez@tecnorio.es")),
    # Replies to messages marked sent
    Case("reply-thanks-en", "reply", 1, "Anna Schmidt <anna.schmidt@acme-robotics.com>",
         "Re: Thank you for today's interview", _at(3),
         "Hi Sam,\n\nThanks for the kind note, I enjoyed it too. We'll be in touch soon.\n\nAnna\n\n"
         "On Mon, 2 Nov 2026 at 18:00, Sam Doe <sam@example.org> wrote:\n> Dear Anna, thank you for the "
         "interview. Unfortunately I forgot to ask about the team."),
    Case("reply-follow-up-en", "reply", 1, "Acme People Team <people@acme-robotics.com>",
         "RE: Following up: Senior Engineer", _at(17),
         "Hi Sam, thanks for checking in. The team is meeting on Thursday and we will get back to you after."),
    Case("reply-checkin-en", "reply", 2, "Tom Reed <tom.reed@brightwave.io>",
         "Re: Checking in on the Data Analyst role", _at(13), "Hey Sam - thanks for the nudge! Will update "
         "you by Friday.\n\n-----Original Message-----\nFrom: Sam Doe\nI wanted to check in..."),
    Case("reply-de", "reply", 3, "Markus Müller <m.mueller@zuercherbank.ch>",
         "AW: Vielen Dank für das Gespräch", _at(6),
         "Hallo Herr Doe,\n\ndanke für Ihre Nachricht. Wir melden uns bald.\n\nAm 05.11.2026 um 17:00 schrieb "
         "Sam Doe:\n> Vielen Dank für das Gespräch"),
    Case("reply-fr", "reply", 4, "Claire Petit <claire.petit@lumiere-donnees.fr>",
         "RE: Suivi de ma candidature", _at(14), "Bonjour Sam, merci pour votre message, je reviens vers vous "
         "dès que possible.\n\nLe 13 nov. 2026 à 10:00, Sam Doe a écrit :\n> Bonjour Claire"),
    Case("reply-es", "reply", 5, "Lucía Gómez <lucia.gomez@tecnorio.es>", "RE: Gracias por la entrevista",
         _at(27, 10), "Hola Sam, ¡gracias a ti! Te escribimos pronto.\n\nEl 26 oct 2026, Sam Doe escribió:\n"
         "> Gracias"),
]  # fmt: skip
"""Messages that should give a suggestion: ``kind`` and the process they are about."""


NEGATIVE = [
    Case("newsletter", None, None, "Brightwave Blog <newsletter@brightwave.io>", "Brightwave Monthly: November",
         _at(2), "This month in our newsletter: our new office, the offer we launched for customers, and "
         "congratulations to the team on the release. Unsubscribe at any time."),
    Case("job-alert-en", None, None, "Job Alerts <alerts@jobs.example.com>", "10 new jobs for you",
         _at(3), "Your job alert: Senior Engineer roles that match your profile. Salary: 80k. Apply now; "
         "interview scheduling is quick."),
    Case("jobalarm-de", None, None, "Jobbörse <jobalarm@stellen.example.de>", "Neue Jobs für Sie",
         _at(4), "Ihr Jobalarm: 12 neue Jobs. Gehalt ab 60.000 €. Jetzt bewerben und Angebot ansehen."),
    Case("alerte-fr", None, None, "Emploi <alertes@emploi.example.fr>", "Vos alertes emploi",
         _at(5), "Découvrez les offres qui pourraient vous intéresser. Salaire attractif, félicitations aux "
         "recrutés du mois."),
    Case("still-reviewing-en", None, None, "Brightwave Recruiting <no-reply@us.greenhouse-mail.io>",
         "Your application to Brightwave", _at(10),
         "Hi Sam, a quick update: we are still reviewing applications and have not yet made a decision. "
         "Unfortunately this is taking longer than planned. We will share next steps in the process soon."),
    Case("seguimos-revisando-es", None, None, "Tecnologías Río <tecnorio@myworkday.com>",
         "Estado de tu candidatura", _at(12), "Hola Sam, seguimos revisando las candidaturas. Lamentamos la "
         "espera; te escribiremos con los siguientes pasos."),
    Case("eingegangen-de", None, None, "Nordlicht Software GmbH <noreply@softgarden.io>",
         "Eingangsbestätigung", _at(4), "Hallo Sam Doe, Ihre Bewerbung ist bei uns eingegangen. Leider kann "
         "die Prüfung etwas dauern; wir melden uns mit den nächsten Schritten."),
    Case("reschedule-apology", None, None, "Anna Schmidt <anna.schmidt@acme-robotics.com>",
         "Apologies - need to move our call", _at(1),
         "Hi Sam, I'm so sorry, but I need to reschedule our interview on Tuesday. Could you send me your "
         "availability for later in the week? Unfortunately something came up."),
    Case("redundancy", None, None, "HR <hr@currentjob.example.com>", "Important: organisational changes",
         _at(9), "Dear colleague, we regret to inform you that your position is at risk of redundancy after "
         "careful consideration of the business. Unfortunately we will hold a consultation meeting."),
    Case("cold-outreach", None, None, "Max Recruiter <max@talentfirm.example.com>", "Exciting opportunity",
         _at(11), "Hi Sam, I came across your profile and think you'd be a great fit. Are you open to new "
         "opportunities? I'd love to schedule a call; the compensation is excellent and the offer flexible."),
    Case("unrelated-re", None, None, "Friend <friend@gmail.com>", "Re: Thank you for today's interview",
         _at(3), "Haha, did you really send that? Good luck!"),
    Case("reply-to-other", None, None, "Tom Reed <tom.reed@brightwave.io>", "Re: Lunch on Friday?",
         _at(14), "Sure, see you at noon."),
    Case("linkedin", None, None, "LinkedIn <notifications@linkedin.com>", "Sam, you appeared in 5 searches",
         _at(15), "See who's looking at your profile. Recommended jobs for you: Data Engineer."),
    Case("calendar-reply", None, None, "Priya <priya@quantalabs.ai>", "Accepted: Technical interview",
         _at(7), "Priya has accepted.",
         calendar=_ics("q1", "Technical interview with Quanta Labs", "20261113T150000", method="REPLY")),
    Case("receipt-fr", None, None, "Lumière Données <no-reply@teamtailor-mail.com>", "Candidature reçue",
         _at(2), "Bonjour Sam, nous avons bien reçu votre candidature. Elle est toujours en cours d'examen; "
         "malheureusement nous recevons beaucoup de candidatures."),
    Case("thanks-from-interviewer", None, None, "Jana Vogel <jana@nordlicht.de>", "Schön, dich kennenzulernen",
         _at(4), "Hallo Sam, danke für das nette Gespräch gestern. Ich gebe dein Feedback an das Team weiter."),
    Case("despido-es", None, None, "RRHH <rrhh@empresaactual.example.es>", "Comunicación importante",
         _at(20), "Lamentablemente, tras una cuidadosa consideración, hemos decidido proceder a tu despido por "
         "causas objetivas."),
]  # fmt: skip
"""Messages that must give nothing."""


def build(case: Case) -> bytes:
    """``case`` as the bytes of an RFC 5322 message."""
    message = EmailMessage()
    message["From"] = case.sender
    message["To"] = "Sam Doe <sam@example.org>"
    message["Subject"] = case.subject
    message["Date"] = format_datetime(case.at)
    message["Message-ID"] = f"<{case.name}@corpus.example>"
    subtype = "html" if case.html else "plain"
    message.set_content(case.body, subtype=subtype, charset=case.charset)
    if case.calendar is not None:
        message.add_alternative(case.calendar, subtype="calendar", params={"method": "REQUEST"})
    return message.as_bytes()


def corpus() -> list[Case]:
    """Every case, positives first."""
    return [*POSITIVE, *NEGATIVE]
