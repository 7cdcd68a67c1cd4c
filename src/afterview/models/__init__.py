"""The data afterview keeps: Pydantic models and enums, no I/O.

Every model keeps unknown keys (``extra="allow"``), so a hand-edited file or one written by a newer
minor version survives a load-save cycle.
"""

from afterview.models.document import SCHEMA_VERSION, Document
from afterview.models.enums import (
    COMPANY_ANSWERS,
    ENDED_STATUSES,
    Format,
    Rating,
    Stage,
    Status,
    StepKind,
    StepState,
)
from afterview.models.records import (
    Debrief,
    Due,
    Email,
    Interview,
    LongText,
    Model,
    NameParts,
    Paperwork,
    Person,
    Process,
    Profile,
    Question,
    Reference,
    Schedule,
    SentMessage,
    StatusChange,
    Step,
    Text,
)

__all__ = [
    "COMPANY_ANSWERS",
    "ENDED_STATUSES",
    "SCHEMA_VERSION",
    "Debrief",
    "Document",
    "Due",
    "Email",
    "Format",
    "Interview",
    "LongText",
    "Model",
    "NameParts",
    "Paperwork",
    "Person",
    "Process",
    "Profile",
    "Question",
    "Rating",
    "Reference",
    "Schedule",
    "SentMessage",
    "Stage",
    "Status",
    "StatusChange",
    "Step",
    "StepKind",
    "StepState",
    "Text",
]
