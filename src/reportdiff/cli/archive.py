"""`reportdiff archive add|list|log|show|reviews`: the report archive."""

from __future__ import annotations

import argparse
import sys

from ..safetext import safe_line, safe_text

ARCHIVE_HELP = (
    "the report archive folder (default: $REPORTDIFF_ARCHIVE, else reportdiff/archive "
    "in the user data folder: ~/.local/share on Linux, %%LOCALAPPDATA%% on Windows)"
)


def add_archive_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--archive", metavar="DIR", default=None, help=ARCHIVE_HELP)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "archive",
        help="keep every version of a report in a git archive",
        description="Store report versions in a git repository (one commit per version) "
        "and look them up. Compare archived versions with "
        "`reportdiff compare AGENCY@2023 AGENCY@latest`.",
    )
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = acts.add_parser("add", help="store a report version", description=_ADD_DOC)
    add.add_argument("file", metavar="FILE", help="the report (.txt, .md, .docx or .pdf)")
    add.add_argument("--agency", required=True, help="the agency that wrote it")
    add.add_argument("--year", required=True, help="the year it reports on, e.g. 2023")
    add.add_argument("--kind", default="report", help="kind of report (default: report)")
    add.set_defaults(run=run_add)

    ls = acts.add_parser("list", help="list archived versions")
    ls.add_argument("agency", nargs="?", metavar="AGENCY", help="only this agency")
    ls.set_defaults(run=run_list)

    log = acts.add_parser("log", help="an agency's versions and revisions, newest first")
    log.add_argument("agency", metavar="AGENCY")
    log.set_defaults(run=run_log)

    show = acts.add_parser("show", help="print an archived version's metadata and text")
    show.add_argument("ref", metavar="AGENCY@YEAR", help="also AGENCY@latest, AGENCY@previous")
    show.add_argument("--meta", action="store_true", help="only the metadata")
    show.set_defaults(run=run_show)

    for q in (add, ls, log, show):
        add_archive_argument(q)
    _register_reviews(acts)


_ADD_DOC = (
    "Store FILE as AGENCY's report for YEAR. Adding a changed file again records a new "
    "revision; adding identical content changes nothing."
)


def say(text: str = "") -> None:
    """Print a line made of names and notes from the archive, escaped for the terminal."""
    print(safe_text(text))


def run_add(args: argparse.Namespace) -> int:
    from ..archive import Archive

    archive = Archive(args.archive)
    result = archive.add(args.file, args.agency, args.year, args.kind)
    where = f" as {result.commit[:10]}" if result.commit else ""
    say(f"{result.status}: {result.version.ref}{where} ({result.summary})")
    if result.warning:
        print(f"reportdiff: warning: {safe_line(args.file)}: {result.warning}", file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ..archive import Archive
    from ..core.text import cells
    from ..render.columns import pad

    versions = Archive(args.archive).versions(args.agency)
    if not versions:
        say("the archive holds no reports" + (f" of {args.agency}" if args.agency else ""))
        return 0
    width = max(12, *(cells(v.agency) for v in versions))
    say(f"{pad('agency', width)}  year  {pad('kind', 10)} {pad('added', 25)} source")
    for v in versions:
        say(f"{pad(v.agency, width)}  {v.year}  {pad(v.kind, 10)} {pad(v.added, 25)} {v.source}")
    return 0


def run_log(args: argparse.Namespace) -> int:
    from ..archive import Archive
    from ..errors import ArchiveError

    archive = Archive(args.archive)
    entries = archive.log(args.agency)
    if not entries:
        raise ArchiveError(f"no archived versions of {args.agency!r} in {archive.path}")
    for e in entries:
        say(f"{e.commit[:10]}  {e.date:%Y-%m-%d %H:%M}  {e.summary}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ..archive import Archive, parse_ref

    archive = Archive(args.archive)
    v = archive.resolve(parse_ref(args.ref))
    say(f"agency: {v.agency}\nyear:   {v.year}\nkind:   {v.kind}")
    say(f"source: {v.source}\nadded:  {v.added}\nsha256: {v.sha256}")
    if not args.meta:
        say()
        sys.stdout.write(safe_text(archive.text(v)))
    return 0


def _register_reviews(acts: argparse._SubParsersAction) -> None:
    rv = acts.add_parser(
        "reviews",
        help="reviews of comparisons that involve an archived version",
        description="List the reviews (marks and notes saved by the review UI of "
        "`reportdiff compare AGENCY@YEAR ...`) that touch one archived version.",
    )
    rv.add_argument("ref", metavar="AGENCY@YEAR", help="also AGENCY@latest, AGENCY@previous")
    rv.add_argument("--format", choices=("text", "json"), default="text")
    add_archive_argument(rv)
    rv.set_defaults(run=run_reviews)


def run_reviews(args: argparse.Namespace) -> int:
    import json

    from ..archive import Archive, parse_ref
    from ..archive.reviews import ArchiveReviewStore

    archive = Archive(args.archive)
    version = archive.resolve(parse_ref(args.ref))
    found = [r for r in ArchiveReviewStore(archive).records() if r.concerns(version)]
    rows = [_review_row(r, version) for r in found]
    if args.format == "json":
        print(json.dumps({"version": version.ref, "reviews": rows}, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        say(f"no reviews of {version.ref}")
    for row in rows:
        total = "?" if row["total"] is None else row["total"]
        say(
            f"{version.ref} vs {row['other']}: {row['reviewed']}/{total} pairs reviewed, "
            f"last saved {row['updated'] or 'unknown'}"
        )
        for note in row["notes"]:
            say(f"  {note['section'] or note['pair']}: {safe_line(note['text'])}")
    return 0


def _review_row(record, version) -> dict:
    """One review as plain data: the other version, progress, notes."""
    from ..archive.reviews import version_info

    mine = version_info(version)
    state = record.state
    if record.old == mine:
        other, other_path = record.new, state.new_path
    else:
        other, other_path = record.old, state.old_path
    notes = [
        {"pair": k, "section": record.headings.get(k, ""), "text": p.note}
        for k, p in sorted(state.pairs.items())
        if p.note
    ]
    return {
        "key": state.key,
        "other": _ref_text(other) if other else (other_path or "a file"),
        "reviewed": sum(p.reviewed for p in state.pairs.values()),
        "total": record.total,
        "notes": notes,
        "updated": state.updated,
    }


def _ref_text(info: dict) -> str:
    from ..archive import DEFAULT_KIND

    tail = "" if info.get("kind") in (None, DEFAULT_KIND) else f":{info['kind']}"
    return f"{info.get('agency')}@{info.get('year')}{tail}"
