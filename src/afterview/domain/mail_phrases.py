"""The phrase rules and sender patterns by which :mod:`afterview.domain.mail` tells what a message says (pure
data).

Every pattern is matched against one sentence *folded*: accents removed (NFKD, combining marks dropped),
case-folded (``ß`` is ``ss``), curly apostrophes made straight and white space collapsed, so the patterns are
written without accents. A *strong* phrase decides a kind alone; *weak* ones decide it only when two
different weak phrases of that kind appear, or one does in a message from an applicant tracking system.
A *veto* phrase anywhere in a message keeps it from being any of these kinds: what newsletters, job alerts,
"still reviewing" notes, reschedule apologies, layoff notices and cold outreach say.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """``text`` as the phrase rules read it: accents removed, case folded, straight apostrophes, one space
    between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    kept = kept.casefold().translate({0x2019: "'", 0x2018: "'", 0x00A0: " ", 0x02BC: "'"})
    return " ".join(kept.split())


def _patterns(*texts: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(text) for text in texts)


_W = r"(?:[\w'-]+ ){0,4}"
"""Up to four words between two parts of a phrase ("haben wir uns *nach reiflicher Überlegung* für")."""

STRONG: dict[str, tuple[re.Pattern[str], ...]] = {
    "rejection": _patterns(
        # English
        r"\bdecided (?:not to|to not) (?:move|proceed|progress|continue|pursue|advance)",
        r"\b(?:move|moving|go|going|proceed|proceeding) forward with (?:other|another|a different|"
        r"(?:an?|the)? ?other) (?:candidate|applicant|profile)",
        r"\b(?:not|won't|will not) (?:be )?(?:moving|move|proceeding|proceed|progressing|progress|advancing) "
        r"(?:forward )?(?:with )?your (?:application|candidacy)",
        r"\bpursue other candidates\b",
        r"\b(?:position|role|vacancy) has (?:now |already )?been filled\b",
        r"\byour (?:application|candidacy) (?:was|has) not been (?:successful|selected)",
        r"\b(?:were|was) not successful (?:on|in|with) this occasion\b",
        r"\b(?:unable|not able) to (?:offer you|move you forward|progress your application)",
        r"\bnot (?:be )?(?:extending|extend) (?:you )?an offer\b",
        # German
        r"\b(?:haben wir uns|wir haben uns) " + _W + r"(?:fur|gegen) (?:(?:eine?n?|die) )?"
        r"(?:andere[nr]?|weitere[nr]?) (?:kandidat|bewerber|person|profil)",
        r"\b(?:haben wir uns|wir haben uns) " + _W + r"gegen (?:ihre|deine) (?:bewerbung|kandidatur)",
        r"\b(?:ihre|deine) bewerbung " + _W + r"nicht (?:weiter )?(?:berucksichtig|beruecksichtig)",
        r"\b(?:konnen|koennen|werden) wir (?:ihnen|dir) " + _W + r"keine (?:stelle|zusage|positive)",
        r"\bkeine positive ruckmeldung\b",
        r"\bnicht (?:in die engere wahl|weiter in betracht)",
        # French
        r"\bne (?:pas |pouvons pas |pourrons pas |pouvons malheureusement pas )?donner (?:une )?suite "
        r"(?:favorable )?a (?:votre|ta) candidature",
        r"\b(?:votre|ta) candidature n'a pas ete retenue",
        r"\b(?:pas|ne) (?:pu )?(?:retenir|retenu) (?:votre|ta) candidature",
        r"\b(?:decide|choisi) de (?:poursuivre|continuer|avancer) avec (?:un |une "
        r"|d')autres? (?:candidat|profil)",
        # Spanish
        r"\b(?:hemos decidido|decidimos|optado por) (?:continuar|seguir|avanzar) con "
        r"otros? (?:candidat|perfil)",
        r"\bno (?:continuar|seguir|avanzar) con (?:tu|su) candidatura",
        r"\b(?:tu|su) candidatura no (?:ha sido|fue) seleccionada",
        r"\bno (?:has|ha) sido seleccionad[oa]",
        r"\bno (?:podemos|podremos) (?:ofrecerte|ofrecerle|avanzar con tu|avanzar con su)",
    ),
    "offer": _patterns(
        # English
        r"\b(?:pleased|delighted|happy|thrilled|excited|glad) to (?:formally )?(?:extend|offer) you "
        r"(?:an? |the )?(?:formal |verbal |written )?(?:offer|position|role|job)",
        r"\b(?:attached|enclosed) (?:is |you will find |please find )?(?:your|the|a) "
        r"(?:formal |written )?offer "
        r"(?:letter|of employment)",
        r"\boffer of employment\b",
        r"\bextend(?:ing)? (?:you )?an offer\b",
        r"\byour offer letter\b",
        # German
        r"\b(?:freuen uns|freue mich),? (?:ihnen|dir) " + _W + r"(?:ein )?(?:angebot|vertragsangebot|"
        r"arbeitsvertrag|die stelle anzubieten|die position anzubieten|zusagen)",
        r"\bvertragsangebot\b",
        r"\bzusage fur die (?:position|stelle)\b",
        # French
        r"\b(?:le plaisir|heureux|heureuse|ravie?s?) de vous (?:proposer|offrir|faire une "
        r"(?:offre|proposition))",
        r"\b(?:promesse|proposition|offre) (?:formelle )?d'embauche\b",
        # Spanish
        r"\b(?:nos complace|nos alegra|encantados de|tenemos el placer de) " + _W + r"(?:ofrecerte|ofrecerle|"
        r"hacerte una oferta|hacerle una oferta)",
        r"\b(?:carta|propuesta) (?:de )?oferta\b",
        r"\boferta (?:formal )?de (?:empleo|trabajo)\b",
    ),
    "next-round": _patterns(
        # English
        r"\b(?:move|moving|advance|advancing|progress|progressing|invite|inviting) you (?:forward )?"
        r"(?:to|into) the (?:next|final) (?:round|stage|step)",
        r"\b(?:invite|inviting) you (?:to|for) (?:an? |the |your "
        r")?(?:second|2nd|third|3rd|final|next|on-?site|"
        r"technical|follow-up|panel) (?:round|interview|stage|conversation)",
        r"\b(?:schedule|set up|book|arrange) (?:an? |the |your "
        r")?(?:second|2nd|third|3rd|final|next|technical|"
        r"on-?site|follow-up|panel) (?:round|interview|conversation|call|stage)",
        r"\bnext round of (?:interviews|the process)\b",
        r"\b(?:you have|you've) (?:been )?(?:advanced|moved forward|progressed) to\b",
        # German
        r"\b(?:in die|in der|fur die|zur) (?:nachsten?|zweiten?|finalen?|letzten?) "
        r"(?:runde|gesprachsrunde|interviewrunde|phase)",
        r"\b(?:zu einem|zum) (?:zweiten|weiteren|nachsten|personlichen|technischen|finalen) "
        r"(?:gesprach|interview|vorstellungsgesprach|kennenlernen)",
        # French
        r"\b(?:prochaine|deuxieme|seconde|derniere) (?:etape|phase) (?:du|de notre) "
        r"(?:processus|recrutement)",
        r"\b(?:un |a un |au |le )?(?:second|deuxieme|nouvel|dernier) entretien\b",
        # Spanish
        r"\b(?:siguiente|proxima|segunda|ultima) (?:fase|ronda|etapa) del? (?:proceso|seleccion)",
        r"\b(?:una |la )?(?:segunda|nueva|siguiente|ultima) entrevista\b",
    ),
}
"""Phrases that decide a kind alone."""

WEAK: dict[str, tuple[re.Pattern[str], ...]] = {
    "rejection": _patterns(
        r"\bunfortunately\b",
        r"\bregret to (?:inform|let you know|tell)\b",
        r"\bafter (?:careful|much|thorough) (?:consideration|review|deliberation)\b",
        r"\bother (?:candidates|applicants)\b",
        r"\b(?:not the right|not a) (?:fit|match)\b",
        r"\bwish you (?:the best|all the best|every success|luck|success)\b",
        r"\b(?:keep|retain) your (?:details|resume|cv|profile) on file\b",
        r"\bleider\b",
        r"\bnach (?:sorgfaltiger|reiflicher|eingehender) (?:prufung|uberlegung)",
        r"\bviel erfolg\b",
        r"\bandere[nr]? (?:kandidat|bewerber)",
        r"\bmalheureusement\b",
        r"\bnous (?:regrettons|sommes au regret)\b",
        r"\bapres (?:mure reflexion|une (?:etude|analyse) (?:attentive|approfondie)|examen de (?:votre|ton) "
        r"(?:dossier|candidature))",
        r"\bbonne (?:continuation|chance)\b",
        r"\bautres candidat",
        r"\b(?:lamentablemente|desafortunadamente|lamentamos)\b",
        r"\btras (?:una )?(?:cuidadosa |detenida )?(?:consideracion|revision|evaluacion)\b",
        r"\b(?:mucho|muchos) exitos?\b",
        r"\botros (?:candidatos|perfiles)\b",
    ),
    "offer": _patterns(
        r"\b(?:compensation|base salary|salary|signing bonus|equity|stock options)\b",
        r"\bstart(?:ing)? date\b",
        r"\bcongratulations\b",
        r"\b(?:offer|offer letter)\b",
        r"\b(?:gehalt|jahresgehalt|vergutung)\b",
        r"\b(?:eintrittsdatum|startdatum|eintrittstermin)\b",
        r"\b(?:herzlichen glueckwunsch|herzlichen gluckwunsch|gratulieren)\b",
        r"\bangebot\b",
        r"\b(?:salaire|remuneration)\b",
        r"\bdate (?:de debut|de demarrage|d'arrivee|d'embauche)\b",
        r"\bfelicitations\b",
        r"\boffre\b",
        r"\b(?:salario|remuneracion|sueldo)\b",
        r"\bfecha de (?:inicio|incorporacion)\b",
        r"\b(?:enhorabuena|felicidades|felicitaciones)\b",
        r"\boferta\b",
    ),
    "next-round": _patterns(
        r"\b(?:your )?availability\b",
        r"\b(?:schedule|book) (?:a time|a slot|time|your (?:interview|next))\b",
        r"\b(?:time slots?|pick a time|select a time)\b",
        r"\bnext steps? (?:in|of) (?:the|our) (?:process|interview)",
        r"\b(?:verfugbarkeit|terminvorschlage|terminvorschlag|zeitfenster)\b",
        r"\bnachste[nr]? (?:schritt|schritte)\b",
        r"\b(?:disponibilites|creneaux?)\b",
        r"\bprochaine etape\b",
        r"\b(?:disponibilidad|franjas? horarias?|horarios?)\b",
        r"\bsiguientes? pasos?\b",
    ),
}
"""Phrases that decide a kind only with another one (or an applicant tracking system as sender)."""

VETO = _patterns(
    r"\bjob alerts?\b",
    r"\b(?:jobs|roles|positions) (?:you might|you may|that might|that match|for you|recommended)\b",
    r"\brecommended (?:jobs|for you)\b",
    r"\bnewsletter\b",
    r"\bresched",
    r"\b(?:redundan|layoff|laid off|position is at risk)",
    r"\b(?:came|come) across your (?:profile|background|resume)\b",
    r"\bopen to (?:new )?(?:opportunities|a conversation|a chat)\b",
    r"\bi'm a recruiter\b|\bi am a recruiter\b",
    r"\bjobalarm|\bjob-alert|\bneue jobs\b|\bverschieben\b|\bbetriebsbedingt|\bstellenabbau\b",
    r"\balerte(?:s)? (?:emploi|offres)|\boffres (?:qui "
    r"pourraient|recommandees)|\breporter (?:notre|votre|l')",
    r"\blicenciement\b|\bsuppression de (?:votre )?poste",
    r"\balerta(?:s)? de empleo|\bofertas (?:recomendadas|para ti)|\breprogramar|\bdespido\b",
)
"""Phrases that keep a message from being a rejection, an offer or a next round, whatever else it says:
job alerts, newsletters, reschedules, layoff notices and a recruiter's cold outreach."""

HOLD = _patterns(
    r"\b(?:still|currently) (?:reviewing|considering|evaluating)\b",
    r"\bno (?:final )?decision (?:has been|yet)\b",
    r"\bnot (?:yet )?(?:made|reached) a decision\b",
    r"\b(?:we (?:have )?received|confirm (?:the )?receipt of) your application\b",
    r"\bbewerbung ist (?:bei uns )?eingegangen|\bnoch in (?:der )?prufung|\bnoch keine entscheidung\b",
    r"\btoujours en cours d'(?:examen|etude)|\baucune decision\b|\bbien recu (?:votre|ta) candidature",
    r"\bseguimos (?:revisando|evaluando)|\btodavia no (?:hemos|tenemos)|\bhemos "
    r"recibido (?:tu|su) candidatura",
)
"""Phrases of a message that says nothing has happened yet: they outweigh weak phrases, not strong ones."""

ATS_DOMAINS = (
    "greenhouse.io",
    "greenhouse-mail.io",
    "lever.co",
    "ashbyhq.com",
    "ashby-mail.com",
    "myworkday.com",
    "workday.com",
    "smartrecruiters.com",
    "smartrecruitersmail.com",
    "personio.de",
    "personio.com",
    "teamtailor.com",
    "teamtailor-mail.com",
    "recruitee.com",
    "workable.com",
    "workablemail.com",
    "bamboohr.com",
    "jobvite.com",
    "icims.com",
    "successfactors.com",
    "successfactors.eu",
    "sapsf.com",
    "taleo.net",
    "breezy.hr",
    "applytojob.com",
    "pinpointhq.com",
    "join.com",
    "softgarden.io",
    "softgarden.de",
    "rexx-systems.com",
    "dvinci-easy.com",
    "comeet.co",
    "homerun.co",
    "jazzhr.com",
    "rippling.com",
    "bullhornmail.com",
)
"""Domains applicant tracking systems send from (a subdomain counts: ``us.greenhouse-mail.io``)."""

REPLY_PREFIX = re.compile(
    r"^\s*(?:(?:re|aw|antw|antwort|sv|vs|rv|r|ref|tr|wg|fw|fwd)\s*(?:\[\d+\])?\s*:\s*)+", re.I
)
"""``Re:`` as mail clients write it in English, German (AW), French (RE, Réf), Spanish (RV) and Nordic
(SV)."""

QUOTE_START = re.compile(
    r"^(?:on .{4,200} wrote:|am .{4,200} schrieb .{0,200}:|le .{4,200} a ecrit\s?:|el .{4,200} escribio:|"
    r"-{2,} ?(?:original message|ursprungliche nachricht|message d'origine|mensaje original) ?-{2,}|"
    r"(?:from|von|de|da): .+@.+)$"
)
"""A folded line where a quoted earlier message starts: what follows is not what the sender wrote."""
