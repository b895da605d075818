"""Language identification of blocks, sentences and quotations (py3langid, the real model)."""

from newslint.parsers import plaintext
from newslint.text.language import MIN_WORDS, foreign_spans, is_foreign

# Sentences from Wikinews (CC BY 2.5) and a Spanish quotation of the kind news stories carry.
ENGLISH = ("The Magnitogorsk building collapse killed at least 39 people, the Russian "
           "emergencies ministry said on Friday.")
SPANISH = "El gobierno dijo que los trabajadores recibirán su salario completo este mes."
GERMAN = "Die Digitalisierung zieht sich bereits heute durch alle Branchen der Wirtschaft."


def test_whole_sentences():
    assert not is_foreign(ENGLISH)
    assert is_foreign(SPANISH)
    assert is_foreign(GERMAN)
    assert not is_foreign(SPANISH, "es")


def test_short_text_is_never_called_foreign():
    short = "Rappler CEO Maria Ressa"
    assert len(short.split()) < MIN_WORDS
    assert not is_foreign(short)


def test_foreign_sentence_and_quotation_inside_an_english_block():
    text = (f"{ENGLISH} {SPANISH}\n\n"
            "She said in Spanish: \"No vamos a permitir que esto vuelva a pasar en nuestro "
            "país.\" Then she left the room without taking any questions.\n")
    doc = plaintext.parse("story.txt", text)
    first, second = doc.prose_blocks
    spans = foreign_spans(first)
    assert [first.prose[s.start:s.end].strip() for s in spans] == [SPANISH]
    covered = [second.prose[s.start:s.end] for s in foreign_spans(second)]
    assert any(c.startswith('"No vamos') for c in covered)
    assert not any("Then she left" in c for c in covered)


def test_a_foreign_block_is_one_span():
    doc = plaintext.parse("story.txt", GERMAN + " " + GERMAN + "\n")
    (block,) = doc.prose_blocks
    assert [(s.start, s.end) for s in foreign_spans(block)] == [(0, len(block.prose))]


def test_a_translation_run_into_the_sentence_before_is_its_own_clause():
    # Wikinews prints a quotation's original after its translation, with no full stop between.
    text = ('Pierluisi said, "If the Senate confirms me, I will be governor until next '
            'Wednesday." ((es))Spanish language: Si el Senado me ratifica, seré gobernador hasta '
            'el 2020. Si el Senado no me ratifica, seré gobernador hasta el próximo miércoles '
            'The Senate was set to meet on Wednesday.\n')
    block = plaintext.parse("story.txt", text).prose_blocks[0]
    covered = [block.prose[s.start:s.end] for s in foreign_spans(block)]
    assert any("Senado me ratifica" in c for c in covered)
    assert not any("If the Senate confirms" in c for c in covered)
