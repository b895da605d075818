"""Latency of the language server: time from ``didChange`` to the diagnostics for it, on a
1,000-word article, with LanguageTool off and on (warm: the first check, which starts it, is
not timed). The time includes the server's typing pause (``newslint.lsp.server.DEBOUNCE``).
Each setting is measured twice: checked in the language server's own process
(``NEWSLINT_SERVER=off``), and on a warm server (``server: required``, a server of its own in a
temporary runtime folder, stopped at the end).

    .venv/bin/python benchmarks/bench_lsp.py [--runs 15]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pytest_lsp import make_test_lsp_client

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "securityweek-tiktok-wechat-bans.txt"


def article(words: int = 1000) -> str:
    """The seed's paragraphs, repeated with a number so no paragraph is a copy."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 12]
    out, n, i = [], 0, 0
    while n < words:
        p = paragraphs[i % len(paragraphs)] + f" ({i})"
        out.append(p)
        n += len(p.split())
        i += 1
    return "\n\n".join(out) + "\n"


async def measure(config: str, runs: int, env: dict) -> list:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".newslint.yaml").write_text(config, encoding="utf-8")
        path = root / "story.txt"
        text = article()
        client = make_test_lsp_client()
        await client.start_io(sys.executable, "-m", "newslint", "lsp", env=env)
        await client.initialize_session(types.InitializeParams(
            capabilities=types.ClientCapabilities(), root_uri=root.as_uri()))
        uri = path.as_uri()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1,
                                                 text=text)))
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        times = []
        for version in range(2, runs + 2):
            text = text.replace("there few", "there few", 1) + f"Edit {version}.\n"
            started = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            times.append(time.perf_counter() - started)
        await client.shutdown_session()
        await client.stop()
        return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"article: {len(article().split())} words; {args.runs} changes each")
    base = {k: v for k, v in os.environ.items() if k not in ("NEWSLINT_SERVER", "CI")}
    in_process = {**base, "NEWSLINT_SERVER": "off"}
    for label, config in (("LanguageTool off", "languagetool: off\n"),
                          ("LanguageTool on (warm)", "languagetool:\n  mode: required\n")):
        times = asyncio.run(measure(config, args.runs, in_process))
        report(f"{label}, in process", times)
        with tempfile.TemporaryDirectory(prefix="nls-bench-") as runtime:
            os.chmod(runtime, 0o700)
            warm = {**base, "XDG_RUNTIME_DIR": runtime}
            try:
                times = asyncio.run(measure(config + "server: required\n", args.runs, warm))
            finally:
                subprocess.run([sys.executable, "-m", "newslint", "server", "stop"], env=warm,
                               capture_output=True)
            report(f"{label}, warm server", times)


def report(label: str, times: list) -> None:
    print(f"{label:38} median {statistics.median(times) * 1000:7.1f} ms   "
          f"min {min(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
