"""Embedded posts and video modules: someone else's words set into a web story.

A story page embeds a tweet, an Instagram post or a video player, and an extraction of the
story text keeps the post's words followed by its signature line:

    Sharing my full letter on the the sentencing of … pic.twitter.com/s96jjh8AlD

    — Rep. Ilhan Omar (@Ilhan) November 25, 2019

or a video module's title, description and "(Published Monday, Nov. 18, 2019)". The post is
the poster's words, verbatim (a doubled "the the" in it is theirs, not the writer's slip), and
it restates what the story already quotes or says by design: the duplicate rules do not
report an embed as a repeated paragraph. Whether the module belongs in the story text at all
is a question for the page-furniture rules.
"""

from __future__ import annotations

from newslint.text.memo import remember_last
from newslint.text.patterns import LazyPattern

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")

#: The signature line under an embedded post: "— Mike Beauvais (@MikeBeauvais) November 18,
#: 2019" (Twitter), "A post shared by Jane Doe (@janedoe) on Nov 18, 2019 at 9:02am PST"
#: (Instagram), and a video module's "(Published Monday, Nov. 18, 2019)".
SIGNATURE = LazyPattern(
    r"^\s*(?:[—–-]\s*[^\n()]{1,80}\(@\w{1,30}\)\s*" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
    r"|A (?:post|photo|video) shared by [^\n()]{1,80}\(@[\w.]{1,30}\)[^\n]{0,60}"
    r"|\((?:Published|Updated|Posted)\s[^()\n]{4,60}\))\s*$")

#: A post's own link: "pic.twitter.com/…", "https://t.co/…".
POST_LINK = LazyPattern(r"\bpic\.twitter\.com/\w|\bhttps?://t\.co/\w")


def has_post_link(prose: str) -> bool:
    """``POST_LINK`` is in ``prose``: looked for only where one of the addresses it needs is
    (two substring tests, where the pattern is tried at every word of every paragraph)."""
    return ("pic.twitter.com/" in prose or "://t.co/" in prose) and \
        POST_LINK.search(prose) is not None


#: How many blocks above a signature line belong to the embed (a video module's title and
#: description, a post written in two paragraphs).
EMBED_BLOCKS_ABOVE = 2

_KINDS = ("paragraph", "blockquote", "list_item", "caption", "heading")


@remember_last  # asked by the duplicate, spelling and LanguageTool rules of each document
def embed_blocks(blocks) -> frozenset:
    """Indices of the blocks of embedded posts and modules: each signature line, the block
    just above it (and the one above that when it also carries a post link or is a short
    title line), and any block carrying a post link."""
    found: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind not in _KINDS:
            continue
        prose = block.prose
        if has_post_link(prose):
            found.add(i)
        if len(prose) < 200 and SIGNATURE.match(prose):
            found.add(i)
            for j in range(i - 1, max(-1, i - 1 - EMBED_BLOCKS_ABOVE), -1):
                above = blocks[j]
                if above.kind not in _KINDS:
                    break
                if j < i - 1 and not (has_post_link(above.prose) or _title_line(above.prose)):
                    break
                found.add(j)
    return frozenset(found)


def _title_line(prose: str) -> bool:
    """A module's title: one short line with no full stop at its end ("'We Got Her!' Video
    Shows Dramatic Rescue of Kidnapped Girl")."""
    text = prose.strip()
    return 0 < len(text.split()) <= 14 and not text.endswith(".")
