"""A small child process for the store's process tests: it drives ``afterview.store.Store`` directly.

Run as ``python store_worker.py ACTION STORE [ARGS]``; importing only the store keeps each child cheap.

- ``add STORE N TAG``: N transactions, each adding one interview named ``TAG-i``; prints each revision.
- ``loop STORE``: add interviews until killed, printing each committed revision.
- ``read STORE TOTAL``: read until TOTAL interviews are seen, printing each count (``error`` if a read fails).
- ``hold STORE``: take the store's lock, print ``locked``, and keep it until stdin closes.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from itertools import count
from pathlib import Path

from afterview.errors import AfterviewError
from afterview.store.storefile import Store

NOW = dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC)


def _add(store: Store, name: str) -> int:
    with store.transaction() as document:
        process = document.add_process(company=name, role="r", now=NOW)
        document.add_interview({"at": NOW}, process=process, now=NOW)
    return document.revision


def main(action: str, path: str, *args: str) -> None:
    store = Store(Path(path), clock=lambda: NOW, lock_timeout=120)
    if action == "add":
        for index in range(int(args[0])):
            print(_add(store, f"{args[1]}-{index}"), flush=True)
    elif action == "loop":
        for index in count():
            print(_add(store, f"loop-{index}"), flush=True)
    elif action == "read":
        deadline = time.monotonic() + 120
        seen = -1
        while seen < int(args[0]) and time.monotonic() < deadline:
            try:
                seen = len(store.read().interviews)
            except AfterviewError as error:
                print(f"error {error.message}", flush=True)
                return
            print(seen, flush=True)
            time.sleep(0.002)  # read often, but leave the writers some CPU
    elif action == "hold":
        with store._lock(store.target):
            print("locked", flush=True)
            sys.stdin.read()


if __name__ == "__main__":
    main(*sys.argv[1:])
