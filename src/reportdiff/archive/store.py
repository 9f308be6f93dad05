"""The report archive: every version of every agency's report, in a git repository.

Layout of branch ``main`` (one commit per added or revised version)::

    <agency key>/<year>/<kind>/original.<ext>   the file as it was added
                               text.txt          its normalised text
                               meta.json         agency, year, kind, source, sha256, added

The agency key is the escaped agency name (names.agency_key). The repository is bare:
nothing is ever checked out, so no user-chosen name becomes a path on disk.

Comparisons read the stored original again (``read_document``), not ``text.txt``: a
.docx or PDF carries headings, bold lines and tables that plain text loses, and a
PDF is read by the reader of today, not by the one that read it when it was added.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import ArchiveError
from ..model import Document
from ..safetext import shown_name
from ..wording import counted
from . import gitstore
from .names import DEFAULT_KIND, Ref, agency_key, check_kind, check_year, clean_agency

ENV_VAR = "REPORTDIFF_ARCHIVE"
BRANCH = "main"
_SUFFIXES = {".txt", ".md", ".markdown", ".docx", ".pdf"}
_ADD_ATTEMPTS = 3


def default_archive_dir() -> Path:
    """$REPORTDIFF_ARCHIVE, else the user data folder's reportdiff/archive
    (~/.local/share/… or $XDG_DATA_HOME on Linux, %LOCALAPPDATA% on Windows)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    import platformdirs

    return platformdirs.user_data_path("reportdiff", appauthor=False) / "archive"


@dataclass(frozen=True)
class Version:
    """One archived report: the newest revision of an agency's year and kind."""

    agency: str
    year: int
    kind: str
    source: str
    sha256: str
    original: str  # the name of the original file in the tree, e.g. "original.docx"
    added: str  # ISO time of this revision

    @property
    def parts(self) -> tuple[str, str, str]:
        return (agency_key(self.agency), str(self.year), self.kind)

    @property
    def ref(self) -> str:
        tail = "" if self.kind == DEFAULT_KIND else f":{self.kind}"
        return f"{self.agency}@{self.year}{tail}"


@dataclass(frozen=True)
class LogEntry:
    commit: str
    date: datetime
    summary: str
    year: int | None
    kind: str | None


@dataclass(frozen=True)
class AddResult:
    status: str  # "added" | "revised" | "unchanged"
    version: Version
    commit: str | None
    summary: str
    warning: str = ""  # e.g. the title names another year than the one given


class Archive:
    """A report archive at ``path`` (a bare git repository, made on first add)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path else default_archive_dir()

    # -- reading -------------------------------------------------------------------
    def versions(self, agency: str | None = None) -> list[Version]:
        """The newest revision of every (agency, year, kind), sorted."""
        with gitstore.open_repo(self.path) as repo:
            head = gitstore.branch_commit(repo, BRANCH)
            if head is None:
                return []
            roots = head.tree.trees
            if agency is not None:
                # Names differing only in case are one agency: a checkout on Windows or
                # macOS could not hold their two folders side by side.
                key = agency_key(agency).casefold()
                roots = [t for t in roots if t.name.casefold() == key]
            found = [
                _meta_version(gitstore.blob_bytes(kind_tree, "meta.json"))
                for agency_tree in roots
                for year_tree in agency_tree.trees
                for kind_tree in year_tree.trees
            ]
        return sorted(found, key=lambda v: (v.agency, v.year, v.kind))

    def resolve(self, ref: Ref) -> Version:
        """The version a reference names; a clear error when there is none."""
        kinds = [v for v in self.versions(ref.agency) if ref.kind in (None, v.kind)]
        if not kinds:
            raise ArchiveError(f"no archived versions of {ref.agency!r} in {self.path}")
        years = sorted({v.year for v in kinds})
        if ref.selector == "latest":
            year = years[-1]
        elif ref.selector == "previous":
            if len(years) < 2:
                raise ArchiveError(f"{ref.agency!r} has only one archived year, no previous")
            year = years[-2]
        else:
            year = int(ref.selector)
        matches = [v for v in kinds if v.year == year]
        if not matches:
            have = ", ".join(map(str, years))
            raise ArchiveError(f"no archived {year} version of {ref.agency!r} (have: {have})")
        if len(matches) > 1:
            default = [v for v in matches if v.kind == DEFAULT_KIND]
            if len(default) == 1:
                return default[0]
            names = ", ".join(v.kind for v in matches)
            raise ArchiveError(f"{ref} is ambiguous; add :KIND (one of {names})")
        return matches[0]

    def files(self, version: Version, commit: str | None = None) -> dict[str, bytes]:
        """The stored files of a version (at ``commit``, default the newest)."""
        with gitstore.open_repo(self.path) as repo:
            top = repo.commit(commit) if commit else gitstore.branch_commit(repo, BRANCH)
            tree = gitstore.subtree(top.tree if top else None, version.parts)
            if tree is None:
                raise ArchiveError(f"{version.ref} is not in the archive at {self.path}")
            return {b.name: b.data_stream.read() for b in tree.blobs}

    def text(self, version: Version) -> str:
        return self.files(version)["text.txt"].decode("utf-8")

    def read_document(self, version: Version, commit: str | None = None) -> Document:
        """Read the stored original as the readers would, named by its reference.

        The revision at ``commit`` names its own original: a PDF may have replaced
        the .docx that an earlier revision stored."""
        from ..readers import read_document

        files = self.files(version, commit)
        original = _meta_version(files.get("meta.json")).original
        data = files[original]
        with tempfile.TemporaryDirectory(prefix="reportdiff-") as tmp:
            path = Path(tmp) / f"{version.year}{Path(original).suffix}"
            path.write_bytes(data)
            doc = read_document(path)
        return doc._replace(path=version.ref)

    def log(self, agency: str) -> list[LogEntry]:
        """Every commit that added or revised one of ``agency``'s versions, newest first."""
        key = agency_key(self._spelling(agency))
        with gitstore.open_repo(self.path) as repo:
            if gitstore.branch_commit(repo, BRANCH) is None:
                return []
            commits = list(repo.iter_commits(f"refs/heads/{BRANCH}", paths=key))
            return [_log_entry(c) for c in commits]

    # -- writing -------------------------------------------------------------------
    def add(
        self, file: str | Path, agency: str, year: int | str, kind: str = DEFAULT_KIND
    ) -> AddResult:
        """Store ``file`` as ``agency``'s ``year`` report; a changed file is a revision."""
        from ..readers import read_document

        path = Path(file)
        if path.suffix.lower() not in _SUFFIXES:
            raise ArchiveError(f"{file}: only .txt, .md, .docx and .pdf reports can be archived")
        agency, year, kind = clean_agency(agency), check_year(year), check_kind(kind)
        gitstore.check_writable(self.path)  # before the work, not only under the lock
        agency = self._spelling(agency)
        doc = read_document(path)  # refuses what the readers refuse, before any write
        raw = path.read_bytes()
        version = Version(
            agency=agency,
            year=year,
            kind=kind,
            source=shown_name(path.name),  # a GBK name unzipped on Linux is not UTF-8
            sha256=hashlib.sha256(raw).hexdigest(),
            original="original" + path.suffix.lower(),
            added=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        # The comparison that summarises the change runs unlocked, against the stored
        # version it read; the lock is held only for the write, which goes ahead if
        # that version is still the stored one (else the summary is made again).
        for _ in range(_ADD_ATTEMPTS):
            old_meta = self._stored_meta(version)
            warning = _year_warning(doc.title, year)
            if old_meta and _meta_version(old_meta).sha256 == version.sha256:
                return AddResult(
                    "unchanged", _meta_version(old_meta), None, "already archived", warning
                )
            status = "revised" if old_meta else "added"
            summary = self._describe(version, doc, _meta_version(old_meta) if old_meta else None)
            with gitstore.write_lock(self.path):
                if self._stored_meta(version) == old_meta:
                    commit = self._write(version, raw, doc, _message(version, status, summary))
                    return AddResult(status, version, commit, summary, warning)
        raise ArchiveError(f"{version.ref} keeps changing in the archive as it is added; try again")

    def _spelling(self, agency: str) -> str:
        """The archived spelling of ``agency`` when it is there in another case."""
        if not gitstore.is_repository(self.path):
            return agency
        same = self.versions(agency)
        return same[0].agency if same else agency

    def _stored_meta(self, version: Version) -> bytes | None:
        if not gitstore.is_repository(self.path):
            return None
        with gitstore.open_repo(self.path) as repo:
            head = gitstore.branch_commit(repo, BRANCH)
            old_tree = gitstore.subtree(head.tree if head else None, version.parts)
            return gitstore.blob_bytes(old_tree, "meta.json")

    def _write(self, version: Version, raw: bytes, doc: Document, message: str) -> str:
        files = {
            version.original: raw,
            "text.txt": doc.text.encode("utf-8"),
            "meta.json": _meta_json(version),
        }
        with gitstore.open_repo(self.path, create=True) as repo:
            head = gitstore.branch_commit(repo, BRANCH)
            tree = gitstore.put_tree(repo, head.tree if head else None, version.parts, files)
            return gitstore.commit_tree(repo, BRANCH, tree, message, head)

    def _describe(self, version: Version, doc: Document, revised: Version | None) -> str:
        """A one-line summary of what this version changed against the one before."""
        from ..core.compare import compare

        before = revised or self._previous_year(version)
        if before is None:
            return "first version"
        old = self.read_document(before)
        against = "previous revision" if revised else f"{before.year}"
        if old.text == doc.text:
            return f"same text as the {against}, new file"
        s = compare(old, doc).summary()
        return (
            f"vs {against}: {counted(s.sections_changed, 'section')} changed, "
            f"{s.sections_added} added, {s.sections_removed} removed, {s.sections_moved} moved"
        )

    def _previous_year(self, version: Version) -> Version | None:
        if not gitstore.is_repository(self.path):
            return None  # the first add: the archive is made when it writes
        earlier = [
            v
            for v in self.versions(version.agency)
            if v.kind == version.kind and v.year < version.year
        ]
        return max(earlier, key=lambda v: v.year) if earlier else None


def _meta_json(v: Version) -> bytes:
    return json.dumps(dataclasses.asdict(v), ensure_ascii=False, indent=1).encode("utf-8")


def _meta_version(data: bytes | None) -> Version:
    if data is None:
        raise ArchiveError("the archive holds a version without meta.json")
    try:
        return Version(**json.loads(data))
    except (ValueError, TypeError) as exc:
        raise ArchiveError(f"the archive holds unreadable metadata: {exc}") from exc


def _message(v: Version, status: str, summary: str) -> str:
    return (
        f"{v.ref} {status}: {summary}\n\n"
        f"Agency: {v.agency}\nYear: {v.year}\nKind: {v.kind}\n"
        f"Source: {v.source}\nSHA256: {v.sha256}\n"
    )


def _log_entry(commit) -> LogEntry:
    lines = commit.message.splitlines()
    trailers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    year = trailers.get("Year")
    return LogEntry(
        commit=commit.hexsha,
        date=commit.committed_datetime,
        summary=lines[0] if lines else "",
        year=int(year) if year and year.isdigit() else None,
        kind=trailers.get("Kind"),
    )


_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _year_warning(title: str, year: int) -> str:
    """A word for the user when the report's title names one year and it is not the
    year the report is stored under (a 2024 report added as 2025 would be compared as
    2025's, and every trend through it would be wrong)."""
    named = set(_TITLE_YEAR.findall(title))
    if len(named) != 1 or int(next(iter(named))) == year:
        return ""
    return f"its title names {next(iter(named))}, not {year}: check --year"
