"""The use cases: one keyword-only function per thing a person does (log an interview, close a step, record
an outcome…).

Each opens the store transaction (:func:`afterview.actions.changes.changing`), applies pure domain rules and
returns a small result object that the CLI renders, as human text or as ``--json``, through one renderer
(:func:`afterview.render.results.emit`). Steps are never planned here by hand: the transaction re-plans the
rounds a change touched, once, before it saves. Imports formats, domain, store, models and errors; never the
CLI, the renderers, Typer or Rich.
"""
