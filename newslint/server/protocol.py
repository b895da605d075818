"""The wire format between client and server: frames of a 4-byte big-endian length followed by
that many bytes of one :mod:`marshal`-encoded dict (strings, bytes, numbers, lists, dicts).

marshal rather than JSON because it is built into every Python process: the client imports no
module for it (JSON's decoder alone pulls in ``re`` and ``enum``, several milliseconds of a
check that should take a few), and it carries standard input as bytes. marshal must only read
trusted data; here the only peer is this user's own process: the socket is 0600 inside a 0700
folder and both sides check the peer's user id.

A request is one frame from the client (``{"op": "check" | "warm" | "document" | "status" |
"stop"}``); the server answers with a ``hello`` frame naming its identity, then any number of
``out`` / ``err`` frames (text for standard output and standard error, in order), ``hb`` heart
beats while it works, and one final ``exit`` frame with the exit code (or ``bypass``: check
locally). A ``document`` request (the language server's open document: its path, text and
configuration) is answered with a ``report`` frame before ``exit``. Because
the server runs the same command-line code and sends back the exact text it wrote, the output
is identical to an in-process run.
"""


import marshal

#: A request carries file contents from standard input; answers carry whole reports.
MAX_FRAME = 512 * 1024 * 1024


class ProtocolError(Exception):
    """The other side sent something that is not a frame, or went away mid-frame."""


def send(sock, message: dict) -> None:
    data = marshal.dumps(message)
    sock.sendall(len(data).to_bytes(4, "big") + data)


def _read_exactly(sock, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise ProtocolError("the connection closed mid-answer")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def receive(sock) -> dict:
    """The next frame; raises :class:`ProtocolError` on a closed or garbled connection and
    ``TimeoutError`` when the socket's timeout passes."""
    header = sock.recv(4)
    if not header:
        raise ProtocolError("the connection closed")
    if len(header) < 4:
        header += _read_exactly(sock, 4 - len(header))
    size = int.from_bytes(header, "big")
    if size > MAX_FRAME:
        raise ProtocolError(f"a frame of {size} bytes is larger than allowed")
    try:
        message = marshal.loads(_read_exactly(sock, size))
    except (ValueError, EOFError, TypeError) as exc:
        raise ProtocolError(f"not a frame: {exc}") from None
    if not isinstance(message, dict):
        raise ProtocolError("a frame must hold a dict")
    return message


def peer_uid_pid(sock):
    """``(uid, pid)`` of the process at the other end of a Unix socket (Linux: SO_PEERCRED),
    or ``(None, None)``."""
    import _socket

    try:
        raw = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)
    except (OSError, AttributeError):
        return None, None
    pid = int.from_bytes(raw[0:4], "little", signed=True)
    uid = int.from_bytes(raw[4:8], "little", signed=True)
    return uid, pid
