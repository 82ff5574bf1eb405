"""All-or-nothing outputs: the files of one run replace the previous ones
together, or not at all.

Every file goes to a temporary file beside its target (``.timeline.NAME.*.tmp``;
the JSON Lines stream to ``.timeline.NAME.partial``, kept after a crash for
``--resume``), is flushed to disk (fsync), and only when every file of the run
is complete are they renamed over their targets, one after the other, then
the folder synced.  A failure before that (a full disk, Ctrl-C, a killed
process) leaves the previous outputs as they were; a rename that fails puts
back the files already replaced.  A lock per output (``.timeline.lock`` in
an output folder, ``.timeline.NAME.lock`` beside an output file, removed at
the end) keeps a second run from writing into the same place at the same time.

A path the user names that is not a regular file (``/dev/stdout``, a FIFO)
is written to directly: it cannot be replaced.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import IO, BinaryIO

from timeline.errors import ExportError

try:  # POSIX; elsewhere outputs are not locked
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

PREFIX = ".timeline."
LOCK_NAME = ".timeline.lock"


def partial_path(target: Path) -> Path:
    """Where the stream to ``target`` is written until the run completes."""
    return target.parent / f"{PREFIX}{target.name}.partial"


def lock_path(target: Path, *, folder: bool) -> Path:
    return target / LOCK_NAME if folder else target.parent / f"{PREFIX}{target.name}.lock"


class StagedOutputs:
    """The files of one run, staged until :meth:`commit` (see the module doc).
    Use as a context manager: leaving it without a commit discards them."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []  # (temporary, target)
        self._streams: list[tuple[BinaryIO, Path, Path]] = []  # (handle, partial, target)
        self._direct: list[IO[bytes]] = []
        self._locks: list[tuple[int, Path]] = []

    # --- locking --------------------------------------------------------------
    def lock(self, target: Path, *, folder: bool) -> None:
        """Refuse to go on while another run writes ``target``; remove the
        temporary files that killed runs left there."""
        if fcntl is None:
            return
        path = lock_path(target, folder=folder)
        while True:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
            except OSError as exc:
                raise ExportError(f"cannot write output: {exc.strerror or exc}", location=str(target)) from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                os.close(fd)
                raise ExportError(f"another timeline run{f' (process {holder})' if holder else ''} is writing "
                                  "there: wait for it to finish or choose another --output",
                                  location=str(target)) from None
            # the run that held it may have removed the file meanwhile: lock the one in place
            if _same_file(fd, path):
                break
            os.close(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self._locks.append((fd, path))
        _remove_stale(target if folder else target.parent, "" if folder else target.name)

    # --- staging --------------------------------------------------------------
    def stage(self, target: Path, content: str, *, in_folder: bool = True) -> None:
        """``content`` (UTF-8) for ``target``, written now, in place at commit."""
        data = content.encode("utf-8")
        destination = _destination(target, in_folder)
        if destination is None:
            with open(target, "wb") as direct:
                direct.write(data)
            return
        handle, temporary = tempfile.mkstemp(dir=destination.parent, prefix=f"{PREFIX}{destination.name}.",
                                             suffix=".tmp")
        self._staged.append((Path(temporary), destination))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())

    def open_stream(self, target: Path, *, in_folder: bool = True, keep: bool = False) -> tuple[BinaryIO, Path | None]:
        """A binary stream for ``target`` and the partial file behind it
        (None for a FIFO or device).  ``keep``: append to what a killed run
        left in the partial file (its last, unfinished line cut off), or
        else to a copy of the complete ``target``."""
        destination = _destination(target, in_folder)
        if destination is None:
            direct = open(target, "wb")
            self._direct.append(direct)
            return direct, None
        partial = partial_path(destination)
        if partial.is_symlink():
            partial.unlink()
        if keep:
            if partial.is_file():
                _cut_unfinished_line(partial)
            elif destination.is_file():
                shutil.copyfile(destination, partial)
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | (os.O_APPEND if keep else os.O_TRUNC)
        stream = os.fdopen(os.open(partial, flags, 0o666), "ab" if keep else "wb")
        self._streams.append((stream, partial, destination))
        return stream, partial

    # --- the end of the run ---------------------------------------------------
    def commit(self) -> None:
        """Sync every file, then rename them all over their targets."""
        for stream, partial, destination in self._streams:
            if not stream.closed:
                stream.flush()
                os.fsync(stream.fileno())
                stream.close()
            self._staged.append((partial, destination))
        self._streams.clear()
        for direct in self._direct:
            direct.close()
        self._direct.clear()
        replaced: list[tuple[Path, Path | None]] = []  # (target, backup of the previous file)
        try:
            for temporary, destination in self._staged:
                _keep_permissions(temporary, destination)
                backup = _backup(destination)
                os.replace(temporary, destination)
                replaced.append((destination, backup))
        except BaseException:
            for destination, backup in reversed(replaced):  # put the previous files back
                if backup is not None:
                    os.replace(backup, destination)
            raise
        finally:
            for _, backup in replaced:
                if backup is not None:
                    backup.unlink(missing_ok=True)
        for folder in {destination.parent for _, destination in self._staged}:
            _sync_folder(folder)
        self._staged.clear()

    def discard(self, *, keep_partial: bool = False) -> None:
        """Remove the staged files (``keep_partial``: leave the stream's
        partial file for ``--resume``); never raises."""
        for stream, partial, _ in self._streams:
            try:
                stream.close()
            except OSError:
                pass
            if not keep_partial:
                partial.unlink(missing_ok=True)
        for direct in self._direct:
            try:
                direct.close()
            except OSError:
                pass
        for temporary, _ in self._staged:
            temporary.unlink(missing_ok=True)
        self._streams.clear()
        self._direct.clear()
        self._staged.clear()

    def release(self) -> None:
        for fd, path in self._locks:
            path.unlink(missing_ok=True)  # before the lock drops: a waiting run then sees a new file
            os.close(fd)
        self._locks.clear()

    def __enter__(self) -> "StagedOutputs":
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard(keep_partial=True)
        self.release()


def _destination(target: Path, in_folder: bool) -> Path | None:
    """The regular file to replace: ``target`` itself in an output folder
    (a symlink there is replaced, never followed); where a path the user
    named leads; None when it leads to something that cannot be replaced."""
    if in_folder:
        if target.is_dir() and not target.is_symlink():
            raise IsADirectoryError(21, "is a directory", str(target))
        return target
    resolved = target.resolve()
    if resolved.is_dir():
        raise IsADirectoryError(21, "is a directory", str(resolved))
    if resolved.exists() and not resolved.is_file():
        return None
    return resolved


def _same_file(fd: int, path: Path) -> bool:
    try:
        held, named = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (named.st_dev, named.st_ino)


def _keep_permissions(temporary: Path, destination: Path) -> None:
    # an existing regular file keeps its permissions; a new one gets the usual
    existing = destination.lstat() if destination.exists() and not destination.is_symlink() else None
    if existing is not None and stat.S_ISREG(existing.st_mode):
        os.chmod(temporary, existing.st_mode & 0o777)
    else:
        os.chmod(temporary, 0o666 & ~_umask())


def _backup(destination: Path) -> Path | None:
    """A hard link to the file about to be replaced, to put it back."""
    if not destination.is_file() or destination.is_symlink():
        return None
    backup = Path(tempfile.mktemp(dir=destination.parent, prefix=f"{PREFIX}{destination.name}.", suffix=".tmp"))
    try:
        os.link(destination, backup)
    except OSError:  # no hard links there: no way back, the rename still happens
        return None
    return backup


def _cut_unfinished_line(path: Path) -> None:
    """Drop what follows the last newline (a line a kill cut short)."""
    with open(path, "rb+") as stream:
        size = stream.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - 65536)
            stream.seek(start)
            block = stream.read(end - start)
            newline = block.rfind(b"\n")
            if newline >= 0:
                stream.truncate(start + newline + 1)
                return
            end = start
        stream.truncate(0)


def _remove_stale(folder: Path, name: str) -> None:
    """Temporary files of runs that were killed (the lock is held: none is live)."""
    for path in folder.glob(f"{PREFIX}{name}*.tmp" if name else f"{PREFIX}*.tmp"):
        if path.is_file() or path.is_symlink():
            path.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable (not every file system can sync a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
