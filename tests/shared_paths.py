"""Paths the tests share: the repository, the seed article, the Wikinews corpus, the schema."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "securityweek-tiktok-wechat-bans.txt"
WIKINEWS = REPO / "benchmarks" / "corpus" / "wikinews"
SCHEMA = REPO / "newslint" / "schema" / "findings.schema.json"


def load_benchmark(name: str):
    """Import ``benchmarks/<name>.py`` (not a package) so a test can reuse its measurements."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
