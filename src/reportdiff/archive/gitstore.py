"""The git plumbing under the archive: a bare repository written without a work tree.

Every write builds blobs and trees straight into the object database, makes a commit
and moves the branch with ``update-ref NEW OLD`` — a compare-and-swap. An add that is
interrupted leaves at most unreachable objects; the branch always names a whole
commit. A lock file (filelock: flock on POSIX, msvcrt on Windows) serialises writers
on one machine; the compare-and-swap catches anything the lock does not. A ``Repo``
is opened per operation and closed after it, so no ``git cat-file`` process outlives
a command. An archive is marked as reportdiff's in its git config, and a folder that
holds anything else — another git repository, other files — is never written into.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from io import BytesIO
from pathlib import Path

from ..errors import ArchiveError

LOCK_NAME = "reportdiff.lock"
MARK_SECTION, MARK_OPTION = "reportdiff", "archive"
LOCK_TIMEOUT_S = 30.0
_TREE_MODE = 0o040000
_BLOB_MODE = 0o100644
_NO_COMMIT = "0" * 40


def is_repository(path: Path) -> bool:
    return (path / "HEAD").is_file() and (path / "objects").is_dir()


@contextlib.contextmanager
def open_repo(path: Path, *, create: bool = False) -> Iterator:
    """A Repo for one operation; with ``create``, make the bare repository first."""
    import git

    if not is_repository(path):
        if not create:
            check_folder(path)
            raise ArchiveError(
                f"no report archive at {path} (add a report with `reportdiff archive add`)"
            )
        check_writable(path)
        path.mkdir(parents=True, exist_ok=True)
        with git.Repo.init(path, bare=True, initial_branch="main") as repo:
            _mark(repo)
    try:
        repo = git.Repo(path)
    except git.exc.GitError as exc:
        raise ArchiveError(f"{path} is not a readable archive: {exc}") from exc
    with repo:
        yield repo


def check_folder(path: Path) -> None:
    """A one-line error when ``path`` cannot be an archive folder at all."""
    if path.is_symlink() and not path.exists():
        raise ArchiveError(f"{path} is a broken symbolic link, not an archive folder")
    if path.exists() and not path.is_dir():
        raise ArchiveError(f"{path} is a file, not an archive folder")


def check_writable(path: Path) -> None:
    """Refuse to write an archive into a folder that holds something else."""
    check_folder(path)
    if is_repository(path):
        if not _is_ours(path):
            raise ArchiveError(
                f"{path} is a git repository that is not a report archive; "
                "give --archive a new or empty folder"
            )
        return
    if (path / ".git").exists():
        raise ArchiveError(f"{path} is a git working tree; give --archive a new or empty folder")
    if (path / LOCK_NAME).is_file():
        return  # an archive being made by another reportdiff right now
    if path.is_dir() and any(path.iterdir()):
        raise ArchiveError(
            f"{path} is a folder with other files in it; give --archive a new or empty folder"
        )


def _is_ours(path: Path) -> bool:
    """Marked in its config, or (made before the mark) holding reportdiff's lock file."""
    import configparser

    config = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        config.read(path / "config", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return False
    marked = config.has_option(MARK_SECTION, MARK_OPTION)
    return marked or (path / LOCK_NAME).is_file()


def _mark(repo) -> None:
    with repo.config_writer() as config:
        config.set_value(MARK_SECTION, MARK_OPTION, "true")


@contextlib.contextmanager
def write_lock(path: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold an exclusive lock on the archive folder while writing to it."""
    from filelock import FileLock, Timeout

    check_writable(path)
    path.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path / LOCK_NAME, timeout=timeout_s)
    try:
        lock.acquire(poll_interval=0.05)
    except Timeout:
        raise ArchiveError(
            f"the archive at {path} is busy (another reportdiff is writing); try again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def branch_commit(repo, branch: str):
    """The commit a branch points at, or None when it does not exist yet."""
    from gitdb.exc import BadName

    try:
        return repo.commit(f"refs/heads/{branch}")
    except (BadName, ValueError):
        return None


def store_blob(repo, data: bytes) -> bytes:
    from gitdb import IStream

    return repo.odb.store(IStream("blob", len(data), BytesIO(data))).binsha


def store_tree(repo, entries: Mapping[str, tuple[bytes, int]]) -> bytes:
    """Write a tree of ``name -> (binsha, mode)``, in git's own entry order."""
    from git.objects.fun import tree_to_stream
    from gitdb import IStream

    def order(name: str) -> bytes:
        # git sorts a subtree as if its name ended with '/'.
        suffix = "/" if entries[name][1] == _TREE_MODE else ""
        return (name + suffix).encode("utf-8")

    rows = [(entries[n][0], entries[n][1], n) for n in sorted(entries, key=order)]
    buf = BytesIO()
    tree_to_stream(rows, buf.write)
    data = buf.getvalue()
    return repo.odb.store(IStream("tree", len(data), BytesIO(data))).binsha


def put_tree(repo, base, parts: tuple[str, ...], files: Mapping[str, bytes]) -> bytes:
    """A copy of tree ``base`` (or an empty one) with folder ``parts`` set to ``files``."""
    entries = {item.name: (item.binsha, item.mode) for item in base} if base else {}
    if not parts:
        return store_tree(repo, {n: (store_blob(repo, d), _BLOB_MODE) for n, d in files.items()})
    head = parts[0]
    sub = next((t for t in base.trees if t.name == head), None) if base else None
    entries[head] = (put_tree(repo, sub, parts[1:], files), _TREE_MODE)
    return store_tree(repo, entries)


def subtree(tree, parts: tuple[str, ...]):
    """The tree at ``parts`` under ``tree``, or None."""
    for name in parts:
        if tree is None:
            return None
        tree = next((t for t in tree.trees if t.name == name), None)
    return tree


def blob_bytes(tree, name: str) -> bytes | None:
    blob = next((b for b in tree.blobs if b.name == name), None) if tree else None
    return blob.data_stream.read() if blob else None


def commit_tree(repo, branch: str, tree_sha: bytes, message: str, parent) -> str:
    """Commit ``tree_sha`` on ``branch`` iff the branch still points at ``parent``."""
    from git import Commit, GitCommandError

    commit = Commit.create_from_tree(
        repo, tree_sha.hex(), message, parent_commits=[parent] if parent else [], head=False
    )
    old = parent.hexsha if parent else _NO_COMMIT
    try:
        repo.git.update_ref(f"refs/heads/{branch}", commit.hexsha, old)
    except GitCommandError as exc:
        raise ArchiveError(f"the archive changed while writing; try again ({exc})") from exc
    return commit.hexsha
