"""The index file: documents, distinct sentence keys (units), their LSH bands and each
document's sentences, in one SQLite database.

SQLite (stdlib) keeps the sketches of a whole country's reports on disk, so nothing
holds every document in memory; each add is one transaction, so a crash mid-add leaves
the index as it was. The format and the sketching parameters are recorded: an index
written by another version of the algorithm is refused, not silently mixed.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from ..core.reuse import (
    CLOSED_WEIGHT,
    MIN_WEIGHT,
    SENTENCE_WEIGHT,
    SHINGLE_CHARS,
    SKETCH_SIZE,
    DocSketch,
    key_hash,
)
from ..errors import ReportdiffError

FORMAT = "reportdiff.corpus-index/1"
# Any change to how sentences are keyed or sketched changes what an index means.
ALGORITHM = (
    f"shingle={SHINGLE_CHARS};sketch={SKETCH_SIZE};min={MIN_WEIGHT};"
    f"sentence={SENTENCE_WEIGHT};closed={CLOSED_WEIGHT};keys=blake2b64"
)
_IN_CHUNK = 500  # keys per "IN (…)" lookup, well under SQLite's variable limit
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS batches(id INTEGER PRIMARY KEY, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
    id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    year INTEGER, batch INTEGER NOT NULL, chars INTEGER NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS units(id INTEGER PRIMARY KEY, hash INTEGER NOT NULL UNIQUE,
    key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bands(band INTEGER NOT NULL, unit INTEGER NOT NULL,
    PRIMARY KEY(band, unit)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sentences(
    doc INTEGER NOT NULL, seq INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    unit INTEGER NOT NULL, substantial INTEGER NOT NULL,
    solid_start INTEGER NOT NULL, solid_end INTEGER NOT NULL,
    PRIMARY KEY(doc, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sentences_by_unit ON sentences(unit);
"""


@dataclass(frozen=True)
class IndexedDocument:
    id: int
    path: str  # where it was read from (absolute), to quote passages from it
    name: str  # as shown: relative to the folder it was added from
    year: int | None  # from its name, when it has one
    batch: int  # which add brought it
    source: str  # the folder that add read


class CorpusIndex:
    """An open index file (``":memory:"`` for a throwaway one). Use as a context manager."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            where = Path(path)
            if where.is_dir():
                raise ReportdiffError(f"{path}: is a directory, not an index file")
            if where.exists() and not _looks_like_sqlite(where):
                raise ReportdiffError(f"{path}: is not a reportdiff corpus index")
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute(
                "PRAGMA journal_mode=WAL"
                if self.path != ":memory:"
                else "PRAGMA journal_mode=MEMORY"
            )
            self.db.execute("PRAGMA synchronous=NORMAL")
            # 256 MB of page cache: unit inserts land on random pages (keys are hashes)
            self.db.execute("PRAGMA cache_size=-262144")
            # Bucket rows of the open transaction, moved to bands sorted at its commit.
            self.db.execute(
                "CREATE TEMP TABLE IF NOT EXISTS staged_bands(band INTEGER, unit INTEGER)"
            )
            self._check_or_init()
        except sqlite3.DatabaseError as exc:
            raise ReportdiffError(f"{path}: cannot be used as a corpus index ({exc})") from None

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _check_or_init(self) -> None:
        tables = {
            r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "meta" in tables:
            meta = dict(self.db.execute("SELECT name, value FROM meta"))
            if meta.get("format") != FORMAT or meta.get("algorithm") != ALGORITHM:
                raise ReportdiffError(
                    f"{self.path}: was built by another version of reportdiff "
                    f"({meta.get('format')}, {meta.get('algorithm')}); "
                    "build a new index with `reportdiff scan DIR --index NEW.db`"
                )
            return
        if tables:
            raise ReportdiffError(f"{self.path}: is not a reportdiff corpus index")
        with self.transaction():
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self.db.execute(statement)
            self.db.executemany(
                "INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("algorithm", ALGORITHM)]
            )

    # --- writing ---------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        return _Transaction(self.db, self._flush_bands)

    def _flush_bands(self) -> None:
        """Move the transaction's bucket rows into the bands table, sorted: hashes
        are random, and rows inserted one by one would land on random pages of its
        B-tree, which outgrows any cache at a few thousand reports; in order, they
        are written page after page."""
        self.db.execute(
            "INSERT OR IGNORE INTO bands(band, unit) "
            "SELECT band, unit FROM temp.staged_bands ORDER BY band, unit"
        )
        self.db.execute("DELETE FROM temp.staged_bands")

    def new_batch(self, source: str) -> int:
        cur = self.db.execute("INSERT INTO batches(source) VALUES (?)", (source,))
        return int(cur.lastrowid or 0)

    def add(self, sketch: DocSketch, path: str, batch: int, stamp: tuple[int, int]) -> int:
        """Add one document's sketch (call inside ``transaction()``); its id. ``stamp``
        is the file's (size, mtime_ns), to tell a changed file on the next add."""
        self.db.execute(
            "DELETE FROM sentences WHERE doc IN (SELECT id FROM documents WHERE path = ?)", (path,)
        )
        self.db.execute("DELETE FROM documents WHERE path = ?", (path,))
        cur = self.db.execute(
            "INSERT INTO documents(path, name, year, batch, chars, size, mtime_ns) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (path, sketch.path, _year_of(sketch.path), batch, sketch.chars, *stamp),
        )
        doc = int(cur.lastrowid or 0)
        units = self._unit_ids(sketch)
        self.db.executemany(
            "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    doc,
                    seq,
                    s.start,
                    s.end,
                    units[s.key],
                    int(s.substantial),
                    s.solid_start,
                    s.solid_end,
                )
                for seq, s in enumerate(sketch.sentences)
            ),
        )
        return doc

    def _unit_ids(self, sketch: DocSketch) -> dict[str, int]:
        """The unit id of each distinct key of a document, new units inserted with bands."""
        by_hash = {key_hash(s.key): s for s in sketch.sentences}
        found = self._units_of(list(by_hash))
        next_id = self.unit_count() + 1
        units: list[tuple[int, int, str]] = []
        bands: list[tuple[int, int]] = []
        ids: dict[str, int] = {}
        for h, s in by_hash.items():
            uid = found.get(h)
            if uid is None:
                uid, next_id = next_id, next_id + 1
                units.append((uid, h, s.key))
                bands.extend((_signed64(b), uid) for b in s.bands)
            ids[s.key] = uid
        self.db.executemany("INSERT INTO units(id, hash, key) VALUES (?, ?, ?)", units)
        self.db.executemany("INSERT INTO temp.staged_bands VALUES (?, ?)", bands)
        return ids

    def _units_of(self, hashes: list[int]) -> dict[int, int]:
        found: dict[int, int] = {}
        for i in range(0, len(hashes), _IN_CHUNK):
            chunk = hashes[i : i + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT hash, id FROM units WHERE hash IN ({marks})"
            found.update(self.db.execute(query, chunk))
        return found

    # --- reading ---------------------------------------------------------------------

    def documents(self) -> list[IndexedDocument]:
        return [
            IndexedDocument(*row)
            for row in self.db.execute(
                "SELECT d.id, d.path, d.name, d.year, d.batch, b.source "
                "FROM documents d JOIN batches b ON b.id = d.batch ORDER BY d.id"
            )
        ]

    def stamps(self) -> dict[str, tuple[int, int]]:
        """(size, mtime_ns) of every indexed file, by path."""
        return {
            p: (size, mtime)
            for p, size, mtime in self.db.execute("SELECT path, size, mtime_ns FROM documents")
        }

    def sentence_start(self, doc: int, seq: int) -> int | None:
        """Where sentence ``seq`` of document ``doc`` starts in its text."""
        row = self.db.execute(
            "SELECT start FROM sentences WHERE doc = ? AND seq = ?", (doc, seq)
        ).fetchone()
        return None if row is None else int(row[0])

    def stamp(self, doc: int) -> tuple[int, int] | None:
        """The (size, mtime_ns) a document's file had when it was indexed."""
        row = self.db.execute(
            "SELECT size, mtime_ns FROM documents WHERE id = ?", (doc,)
        ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]))

    def unit_count(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0])

    def shared_buckets(self) -> Iterator[tuple[int, int, str]]:
        """(band, unit, key) of every bucket holding more than one unit, by band."""
        yield from self.db.execute(
            "SELECT b.band, b.unit, u.key FROM bands b JOIN units u ON u.id = b.unit "
            "WHERE b.band IN (SELECT band FROM bands GROUP BY band HAVING count(*) > 1) "
            "ORDER BY b.band, b.unit"
        )

    def shared_bucket_rows(self) -> int:
        return int(
            self.db.execute(
                "SELECT count(*) FROM bands WHERE band IN "
                "(SELECT band FROM bands GROUP BY band HAVING count(*) > 1)"
            ).fetchone()[0]
        )

    def sentences(self) -> Iterator[tuple[int, int, int, int, int, int, int]]:
        """(doc, start, end, unit, substantial, solid_start, solid_end) in document order."""
        yield from self.db.execute(
            "SELECT doc, start, end, unit, substantial, solid_start, solid_end "
            "FROM sentences ORDER BY doc, seq"
        )

    def unit_of(self, key: str) -> int | None:
        row = self.db.execute("SELECT id FROM units WHERE hash = ?", (key_hash(key),)).fetchone()
        return None if row is None else int(row[0])

    def bucket_units(self, bands: Iterable[int], cap: int) -> list[tuple[int, str]]:
        """(unit, key) of up to ``cap`` units in each of these buckets."""
        found: dict[int, str] = {}
        for band in bands:
            found.update(
                self.db.execute(
                    "SELECT u.id, u.key FROM bands b JOIN units u ON u.id = b.unit "
                    "WHERE b.band = ? LIMIT ?",
                    (_signed64(band), cap),
                )
            )
        return list(found.items())

    def holders(self, unit: int, cap: int) -> list[tuple[int, int]]:
        """(document, sentence number) of the first documents holding a unit."""
        return self.db.execute(
            "SELECT doc, min(seq) FROM sentences WHERE unit = ? GROUP BY doc ORDER BY doc LIMIT ?",
            (unit, cap),
        ).fetchall()

    def chars(self) -> dict[int, int]:
        return dict(self.db.execute("SELECT id, chars FROM documents"))


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error (a crash leaves no trace);
    ``before_commit`` runs inside it, last."""

    def __init__(self, db: sqlite3.Connection, before_commit: Callable[[], None]) -> None:
        self.db = db
        self.before_commit = before_commit

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type:
            self.db.execute("ROLLBACK")
            return
        try:
            self.before_commit()
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def display_names(docs: Sequence[IndexedDocument]) -> list[str]:
    """Names as added, relative to their folder; when the index holds several adds,
    led by that folder's name (``2023/道县公安局.txt``), so each report reads apart."""
    if len({d.batch for d in docs}) <= 1:
        return [d.name for d in docs]
    return [f"{PurePath(d.source).name}/{d.name}" for d in docs]


def _signed64(band: int) -> int:
    """A bucket key (two 32-bit hashes, up to 2**64) as SQLite's signed 64-bit integer."""
    return band - (1 << 64) if band >= 1 << 63 else band


def _year_of(name: str) -> int | None:
    years = _YEAR_RE.findall(Path(name).name)
    return int(years[-1]) if years else None


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(16)
    return head == b"SQLite format 3\x00" or head == b""
