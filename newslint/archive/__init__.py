"""Checking archives: articles exported as JSON Lines or Parquet, lists of paths, and runs on
a Dask cluster. Nothing here is imported by an ordinary run of files."""

#: File name endings read as archives of articles rather than as one article.
ARCHIVE_SUFFIXES = (".jsonl", ".parquet")


def is_archive(path: str) -> bool:
    """True when ``path`` names a JSON Lines or Parquet archive of articles."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)
