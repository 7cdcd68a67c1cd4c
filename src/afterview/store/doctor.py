"""What ``afterview doctor`` checks: the store, every backup, permissions, leftovers, the file system.

Each check returns :class:`Finding` objects. The only thing doctor changes is permissions: anything group-
or world-readable is tightened (0700 directories, 0600 files) and the finding says so. The decisions
(:func:`loose`, :func:`mount_type`, :func:`is_network`, :func:`healthy`) are pure and tested directly.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from afterview.errors import StoreError
from afterview.models.document import SCHEMA_VERSION, Document
from afterview.store import index
from afterview.store.backup_names import backup_revision
from afterview.store.codec import CorruptStore, parse_document
from afterview.store.files import PRIVATE_FILE
from afterview.store.privacy import PRIVATE_DIR, shared, shared_warning
from afterview.store.storefile import Store

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
     "lustre", "gpfs", "fuse.sshfs", "sshfs", "fuse.rclone", "davfs", "fuse.davfs2", "webdav"}
)  # fmt: skip
"""File systems where kernel locks may not be honoured between machines (so two writers could collide)."""


class Level(str, Enum):
    """How much a finding matters: only a problem makes doctor exit non-zero."""

    OK = "ok"
    WARNING = "warning"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Finding:
    """One line of the doctor's report."""

    level: Level
    subject: str
    message: str


def healthy(findings: Iterable[Finding]) -> bool:
    """Whether nothing needs the user's attention."""
    return all(finding.level is not Level.PROBLEM for finding in findings)


def loose(mode: int) -> bool:
    """Whether a permission mode lets the group or others in."""
    return bool(stat.S_IMODE(mode) & 0o077)


def is_network(fstype: str | None) -> bool:
    """Whether a file system type is a network one."""
    return fstype is not None and (
        fstype in NETWORK_FILESYSTEMS or fstype.split(".")[-1] in NETWORK_FILESYSTEMS
    )


def mount_type(mounts: str, path: Path) -> str | None:
    """The file system type holding ``path``, from the text of ``/proc/self/mounts``."""
    best: tuple[int, str] | None = None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(fields[1].replace("\\040", " ").replace("\\011", "\t"))
        if (path == point or point in path.parents) and (best is None or len(point.parts) > best[0]):
            best = (len(point.parts), fields[2])
    return best[1] if best else None


def examine(store: Store) -> list[Finding]:
    """Every check, in the order a person reads them."""
    directory = store.path.parent
    if not directory.exists():
        return [Finding(Level.OK, str(directory), "no store yet; the first `afterview log` creates it")]
    findings = [*_permissions(store), *_store_file(store), *_backups(store), *_leftovers(store)]
    findings += _filesystem(directory)
    return findings


def _permissions(store: Store) -> list[Finding]:
    target = store.target
    directories = [store.path.parent, store.backup_dir]
    files = [target, store.lock_path, index.path_for(store.path), *store.backups(), *store.kept_corrupt()]
    findings = []
    private = []
    for directory in directories:
        why = shared(directory)
        if why is None:
            private.append(directory)
        else:  # set up for sharing on purpose: warned about, never chmod-ed
            findings.append(Finding(Level.WARNING, str(directory), shared_warning(None, why)))
    for path, wanted in [*((d, PRIVATE_DIR) for d in private), *((f, PRIVATE_FILE) for f in files)]:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            continue
        if os.name != "posix" or not loose(mode):
            continue
        try:
            path.chmod(mode & wanted)
        except OSError as error:
            findings.append(
                Finding(Level.PROBLEM, str(path), f"readable by others ({mode:04o}) and cannot be tightened: "
                        f"{error.strerror}")
            )  # fmt: skip
        else:
            findings.append(
                Finding(
                    Level.OK,
                    str(path),
                    f"was readable by others ({mode:04o}); tightened to {mode & wanted:04o}",
                )
            )
    if not findings:
        findings.append(Finding(Level.OK, str(store.path.parent), "private (only you can read it)"))
    return findings


def _store_file(store: Store) -> list[Finding]:
    subject = str(store.path)
    findings = []
    try:
        store.checked_target()
    except StoreError as error:
        return [Finding(Level.PROBLEM, subject, f"{error.message} {error.hint}")]
    if store.path.is_symlink():
        findings.append(Finding(Level.OK, subject, f"a link to {store.target}; saves update the target"))
    if store.target.exists() and not os.access(store.target, os.W_OK):
        findings.append(
            Finding(
                Level.PROBLEM,
                str(store.target),
                "you may not write it, so no change can be saved; make it yours and writable "
                "(chown, chmod u+w) or set AFTERVIEW_HOME to a folder of yours",
            )
        )
    try:
        data = store.target.read_bytes()
    except FileNotFoundError:
        return [
            *findings,
            Finding(Level.OK, subject, "no store file yet; the first `afterview log` creates it"),
        ]
    except OSError as error:
        return [*findings, Finding(Level.PROBLEM, subject, f"cannot be read: {error.strerror}")]
    try:
        document = parse_document(data)
    except CorruptStore as error:
        backup = store.newest_good_backup()
        advice = (
            f"; the newest good backup is {backup.name}: bring it back with `afterview restore {backup.name}`"
            if backup
            else "; there is no good backup to bring back"
        )
        return [*findings, Finding(Level.PROBLEM, subject, f"corrupt: {error}{advice}")]
    except StoreError as error:
        return [*findings, Finding(Level.PROBLEM, subject, error.message)]
    version = f"schema {SCHEMA_VERSION}"
    raw_version = _schema_version(data)
    if raw_version is not None and raw_version < SCHEMA_VERSION:
        version = f"schema {raw_version}, upgraded to {SCHEMA_VERSION} on the next change"
    count = len(document.interviews)
    stories = f", {_plural(len(document.stories), 'story', 'stories')}" if document.stories else ""
    return [
        *findings,
        Finding(
            Level.OK,
            subject,
            f"readable: revision {document.revision}, {_plural(count, 'interview')}{stories}, {version}",
        ),
        *_story_links(document),
    ]


_STORY_LINK = re.compile(r"^S([1-9][0-9]{0,8})$")


def _story_links(document: Document) -> list[Finding]:
    """A warning for each debrief question naming a story the bank never held (a hand edit, or an import
    of rounds without their stories); a story removed since is fine (its id is never reused)."""
    findings = []
    for interview in document.interviews:
        questions = interview.debrief.questions if interview.debrief else []
        for number, question in enumerate(questions, start=1):
            named = (question.model_extra or {}).get("story")
            if named is None:
                continue
            found = _STORY_LINK.match(named) if isinstance(named, str) else None
            if found is None or int(found[1]) >= document.next_story_id:
                findings.append(
                    Finding(
                        Level.WARNING,
                        f"interview {interview.id}",
                        f"question {number} of the debrief names the story {named!r}, which your story bank "
                        f"never held; fix it with afterview remember {interview.id}",
                    )
                )
    return findings


def _schema_version(data: bytes) -> int | None:
    """The ``schema_version`` the file holds: found where afterview writes it, else by reading it all."""
    import json
    import re

    found = re.search(rb'\A\{\n "format": "afterview",\n "schema_version": (\d+),\n', data)
    if found is not None:
        return int(found[1])
    version = json.loads(data).get("schema_version")
    return version if isinstance(version, int) else None


def _backups(store: Store) -> list[Finding]:
    backups = store.backups()
    subject = str(store.backup_dir)
    if not backups:
        return [Finding(Level.OK, subject, "no backups yet; each change keeps the previous version")]
    findings = []
    for backup in backups:
        try:  # a backup afterview wrote is checked as a read of open processes checks it: digest and all
            parse_document(backup.read_bytes(), open_only=True)
        except (CorruptStore, StoreError, OSError) as error:
            reason = error.message if isinstance(error, StoreError) else str(error)
            findings.append(Finding(Level.PROBLEM, str(backup), f"this backup does not load: {reason}"))
    good = len(backups) - len(findings)
    newest = backup_revision(backups[-1])
    summary = f"{_plural(good, 'good backup')} (keeping the last {store.keep_backups})"
    if newest is not None:
        summary += f", newest holds revision {newest}"
    return [Finding(Level.OK, subject, summary), *findings]


def _leftovers(store: Store) -> list[Finding]:
    findings = [
        Finding(Level.WARNING, str(temp), "temp file left by an interrupted save; the next change removes it")
        for temp in store.temp_files()
    ]
    findings += [
        Finding(
            Level.WARNING, str(kept), "a corrupt version set aside by restore; delete it once you are sure"
        )
        for kept in store.kept_corrupt()
    ]
    return findings


def _filesystem(directory: Path) -> Sequence[Finding]:
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []  # not Linux: no cheap, reliable way to tell
    fstype = mount_type(mounts, directory.resolve())
    if not is_network(fstype):
        return []
    return [
        Finding(
            Level.WARNING,
            str(directory),
            f"on a network file system ({fstype}), where locks may not hold between machines; "
            "use afterview from one machine at a time, or set AFTERVIEW_HOME to a local directory",
        )
    ]


def _plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    # afterview.domain.phrasing.plural, repeated here because the store layer sits below the domain.
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"
