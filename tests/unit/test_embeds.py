"""Embedded posts and video modules in extracted story text: the poster's words, and no
repeat of the story they restate. Texts written for these tests in the shape extractions of
news pages take."""

import datetime as dt

from newslint.rules.duplicates import DuplicateAcrossFiles, DuplicateParagraph
from newslint.rules.grammar import RepeatedWord
from newslint.testing import check_corpus, check_text, parse_text
from newslint.text.embeds import embed_blocks

TWEET_STORY = """The governor answered her critics on Twitter within the hour.

"Hey Twitter, the whole point of this campaign is to make people talk about the problem," the governor tweeted on Monday evening.

Hey Twitter, the whole point of this campaign is to make people talk about the problem. So I think that is working... pic.twitter.com/AbCdEf123

— Governor Jane Doe (@govjanedoe) November 18, 2019

Still, this is not the first slogan the state has had to defend in public.
"""

VIDEO_STORY = """A video showing the moment a missing eight-year-old girl was found by police officers was released by prosecutors on Monday.

The suspect was convicted and sentenced to life in prison last Thursday.

'We Found Her!' Video Shows Rescue of Missing Girl

A video showing the moment a missing eight-year-old girl was found by police officers was released by prosecutors on Monday. The station has edited the video to protect the identity of the child.

(Published Monday, Nov. 18, 2019)

The suspect said he needed to get dressed before he opened the door.
"""


def test_signature_line_marks_the_post_above_it():
    doc = parse_text(TWEET_STORY, suffix=".txt")
    kinds = [(i, b.prose[:20]) for i, b in enumerate(doc.blocks) if i in embed_blocks(doc.blocks)]
    assert [i for i, _ in kinds] == [2, 3]


def test_video_module_title_description_and_date_are_one_embed():
    doc = parse_text(VIDEO_STORY, suffix=".txt")
    assert sorted(embed_blocks(doc.blocks)) == [2, 3, 4]


def test_an_embed_restating_the_story_is_not_a_repeated_paragraph():
    for story in (TWEET_STORY, VIDEO_STORY):
        assert check_text(story, DuplicateParagraph(), suffix=".txt") == []
    # The same paragraph pasted twice as story text is still a repeat.
    pasted = VIDEO_STORY.replace("(Published Monday, Nov. 18, 2019)\n\n", "")
    pasted = pasted.replace("'We Found Her!' Video Shows Rescue of Missing Girl\n\n", "")
    assert [f.line for f in check_text(pasted, DuplicateParagraph(), suffix=".txt")] == [5]


def test_a_doubled_word_in_an_embedded_post_is_the_posters():
    text = TWEET_STORY.replace("So I think that is working", "So I think that that that is working")
    assert check_text(text, RepeatedWord(), suffix=".txt") == []
    writer = TWEET_STORY.replace("within the hour", "within the the hour")
    assert [f.excerpt for f in check_text(writer, RepeatedWord(), suffix=".txt")] == ["the the"]


def test_an_embedded_post_is_not_a_copy_across_files():
    other = ("The governor's campaign drew mockery online this week.\n\n"
             "Hey Twitter, the whole point of this campaign is to make people talk about the "
             "problem. So I think that is working... pic.twitter.com/AbCdEf123\n\n"
             "— Governor Jane Doe (@govjanedoe) November 18, 2019\n")
    docs = [parse_text(TWEET_STORY, suffix=".txt", path="a.txt", pub_date=dt.date(2019, 11, 19)),
            parse_text(other, suffix=".txt", path="b.txt", pub_date=dt.date(2019, 11, 20))]
    assert check_corpus(docs, DuplicateAcrossFiles()) == []


def test_the_post_link_test_agrees_with_the_pattern():
    from shared_paths import WIKINEWS

    from newslint.testing import parse_text
    from newslint.text.embeds import POST_LINK, has_post_link

    texts = ["pic.twitter.com/abc", "see https://t.co/x1", "http://t.co/", "xpic.twitter.com/a",
             "pic.twitter.com/ and https://t.co/ bare", "t.co/abc", "pic.twitter.com"]
    for path in sorted(WIKINEWS.glob("2020-*.md"))[:80]:
        texts.extend(b.prose for b in parse_text(path.read_text(encoding="utf-8")).blocks)
    assert sum(has_post_link(t) for t in texts) >= 2
    for text in texts:
        assert has_post_link(text) == (POST_LINK.search(text) is not None), text
