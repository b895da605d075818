"""The project dictionary: words the spell checker must accept (house names, jargon)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from newslint.errors import ConfigError


class ProjectDictionary:
    """Accepted words. An entry in lower case accepts any capitalisation ("newslint" accepts
    "Newslint"); an entry with capitals must match exactly ("McClatchy")."""

    def __init__(self, words: Iterable[str] = ()):
        self.exact: set[str] = set()
        self.folded: set[str] = set()
        for word in words:
            self.add(word)

    def add(self, word: str) -> None:
        word = word.strip()
        if not word or word.startswith("#"):
            return
        if word == word.lower():
            self.folded.add(word)
        else:
            self.exact.add(word)

    def __contains__(self, word: str) -> bool:
        return word in self.exact or word.lower() in self.folded

    def __len__(self) -> int:
        return len(self.exact) + len(self.folded)

    @classmethod
    def load(cls, words: Iterable[str], file: str, root: Path) -> "ProjectDictionary":
        """Words from config plus a file of one word per line (``#`` starts a comment)."""
        dictionary = cls(words)
        if file:
            path = Path(file).expanduser()
            path = path if path.is_absolute() else root / path
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(f"languagetool.dictionary_file: cannot read {path}: "
                                  f"{exc.strerror or exc}") from None
            for line in text.splitlines():
                dictionary.add(line.split("#", 1)[0])
        return dictionary
