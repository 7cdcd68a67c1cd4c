"""The data afterview keeps: Pydantic models and enums, no I/O (import each from its module).

- :mod:`.enums`: the enumerations whose values are part of the JSON contract;
- :mod:`.records`: profile, people, processes, interviews, steps, debriefs;
- :mod:`.document`: the whole store file and the one way to add to it;
- :mod:`.migrations`: how data of an older schema becomes today's.

Every model keeps unknown keys (``extra="allow"``), so a hand-edited file or one written by a newer
minor version survives a load-save cycle.
"""
