"""Where the server's socket lives, and which server a client may talk to.

Standard library only (and not even pathlib): the command line reads this before deciding
whether to load anything.
"""


import os
import sys

SOCKET_NAME = "server.sock"
LOCK_NAME = "server.lock"
LOG_NAME = "server.log"


def runtime_dir() -> str:
    """``$XDG_RUNTIME_DIR/newslint`` (a per-user folder the system empties at log-out), else a
    ``server-UID`` folder in the cache directory."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and os.path.isdir(base):
        return os.path.join(base, "newslint")
    from newslint.cachedir import default_cache_dir
    return str(default_cache_dir() / f"server-{os.getuid()}")


def ensure_runtime_dir() -> str:
    """:func:`runtime_dir`, created with mode 0700 and checked to belong to this user, so
    nobody else can reach the socket or plant one."""
    folder = runtime_dir()
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.stat(folder)
    if info.st_uid != os.getuid():
        raise PermissionError(f"{folder} belongs to another user")
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def socket_path() -> str:
    return os.path.join(runtime_dir(), SOCKET_NAME)


def identity() -> str:
    """What must match between a client and a server for the server's answers to equal an
    in-process run: the version, the installed code (an edited or upgraded package has other
    modification times) and the Python environment running it (its plugins)."""
    from newslint import __version__

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    newest = count = 0
    stack = [package]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(entry.path)
                elif not entry.name.endswith(".pyc"):
                    st = entry.stat()
                    newest = max(newest, st.st_mtime_ns)
                    count += 1
    path = os.environ.get("PYTHONPATH", "")
    return f"{__version__}|{package}|{newest}|{count}|{sys.prefix}|{path}"
