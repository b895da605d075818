"""Paths the tests share: the repository, the seed article, the Wikinews corpus, the schema."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "securityweek-tiktok-wechat-bans.txt"
WIKINEWS = REPO / "benchmarks" / "corpus" / "wikinews"
SCHEMA = REPO / "newslint" / "schema" / "findings.schema.json"
