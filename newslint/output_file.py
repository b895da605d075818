"""``--output FILE``: the report is written to a temporary file in FILE's folder and renamed
over FILE only when complete, so a run killed mid-write leaves the previous report intact. A
symlink at FILE is replaced by the new report, never written through (it could point at
anything), and FILE may not be one of the articles being checked."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from newslint.errors import UsageError


def refuse_inputs(output: str, inputs) -> None:
    """Exit 2 when ``output`` is (or, through links, is the same file as) one of ``inputs``."""
    target = Path(output)
    for path in inputs:
        if path == "-":
            continue
        try:
            same = os.path.samefile(path, target) or \
                Path(path).resolve() == target.resolve()
        except OSError:
            continue  # the output does not exist yet, or an input is missing
        if same:
            raise UsageError(f"--output {output}: that is one of the files being checked; "
                             f"choose another file for the report")


@contextmanager
def atomic_output(output: str):
    """A text stream whose contents replace ``output`` when the block ends without error."""
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"--output {output}: cannot write there: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)  # replaces a symlink itself, not its target
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
