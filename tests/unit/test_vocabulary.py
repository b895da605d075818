"""The news vocabulary (wordfreq): typos stay misspellings, words the world writes do not.

Suggestions are the ones LanguageTool 6.8's speller gave for these words in the judged
Wikinews articles and the seed.
"""

import pytest

from newslint.languagetool import vocabulary


@pytest.mark.parametrize("word, suggestions", [
    ("goverment", ["government"]),
    ("recieve", ["receive", "relieve"]),
    ("emplyees", ["employees"]),
    ("missles", ["missiles", "misses", "missies"]),
    ("harrasment", ["harassment"]),
    ("councelling", ["counselling"]),
    ("Rhey", ["They", "Hey"]),
    ("ther", ["the", "their"]),
])
def test_typos_are_misspellings(word, suggestions):
    assert vocabulary.is_misspelling(word, suggestions)


@pytest.mark.parametrize("word, suggestions", [
    ("youtube-dl", ["YouTube", "YouTuber"]),      # software, written often
    ("flickr", ["Flickr", "flick"]),
    ("exoplanet", ["exoplanets"]),
    ("biosignature", []),                          # a term with no close common word
    ("bugfixes", ["bug fixes"]),                   # a closed compound is no typo
    ("Phivolcs", ["Pivots", "Phenolics"]),         # an agency's name opening a sentence
    ("niqab", ["nib", "Iqbal"]),
    # The speller's first choice is the word capitalised: the word exists, in lower case.
    ("chile", ["Chile", "while", "child"]),      # a Fresno chile, in a recipe
    ("govt", ["Govt", "got", "goat"]),
    ("sed", ["SED", "used", "set"]),             # the command-line tool
    # A word in lower case is no typo of a proper noun.
    ("antadoya", ["Antalya", "Antakiya"]),
])
def test_names_and_terms_are_not(word, suggestions):
    assert not vocabulary.is_misspelling(word, suggestions)


def test_near_miss_names_the_likely_word():
    assert vocabulary.near_miss("goverment", ["government"]) == "government"
    assert vocabulary.near_miss("flickr", ["Flickr", "flick"]) is None


@pytest.mark.parametrize("a, b, n", [("recieve", "receive", 1), ("teh", "the", 1),
                                     ("goverment", "government", 1), ("abc", "xyz", 3)])
def test_edits(a, b, n):
    assert vocabulary.edits(a, b) == n


@pytest.mark.parametrize("word, suggestions", [
    # Typos of the judged corpus that a keyboard or vowel slip explains, or that are long
    # enough for a non-slip letter to leave them recognisable.
    ("diplayed", ["displayed"]),
    ("anynomous", ["anonymous"]),
    ("equestrial", ["equestrian"]),
    ("differenciate", ["differentiate"]),
    ("beggras", ["beggars"]),
    ("nany", ["any", "nay", "many"]),
])
def test_slips_of_the_finger_and_long_words_stay_misspellings(word, suggestions):
    assert vocabulary.is_misspelling(word, suggestions)


@pytest.mark.parametrize("word, suggestions", [
    # Short words whose near word is a different letter, not a neighbouring key.
    ("boops", ["books", "boots", "loops"]),
    ("mukt", ["must", "MKT", "mutt"]),
    # Two letters off and neither a slip: another word of the language.
    ("edamame", ["damage"]),
    ("tabanid", ["tabloid", "tabard"]),
    ("baralgan", ["barangay"]),
    # Capitalised names the world writes.
    ("Rappler", ["Rapper", "Grappler"]),
    ("Groupe", ["Group", "Groups", "Grouped"]),
])
def test_words_that_are_no_slip_of_a_common_word_are_not_misspellings(word, suggestions):
    assert vocabulary.near_miss(word, suggestions) is None


def test_slip_edits_weighs_a_far_key_as_two():
    assert vocabulary.slip_edits("rhey", "they") == 1   # r and t are neighbours
    assert vocabulary.slip_edits("mukt", "must") == 2   # k and s are not
    assert vocabulary.slip_edits("seperate", "separate") == 1   # a vowel for a vowel
    assert vocabulary.slip_edits("beggras", "beggars") == 1   # two letters swapped


@pytest.mark.parametrize("word, suggestions", [
    ("vapourised", ["vaporized"]), ("colour", ["color"]), ("centre", ["center"]),
    ("travelled", ["traveled"]), ("analysed", ["analyzed"]), ("organisation", ["organization"]),
])
def test_british_spellings_are_not_misspellings(word, suggestions):
    assert vocabulary.is_british_spelling(word, suggestions)
    assert not vocabulary.is_misspelling(word, suggestions)


def test_regular_derivations_of_common_words_are_not_misspellings():
    assert not vocabulary.is_misspelling("human-crewable", ["human-chewable"])
    assert vocabulary.is_derivation("crewable")
    # A typo stays one, derivation-shaped or not.
    assert vocabulary.is_misspelling("beleiveable", ["believable"])
    assert vocabulary.is_misspelling("councelling", ["counselling"])
