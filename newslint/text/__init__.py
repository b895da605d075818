"""Text analysis shared by rules: sentences, quotes, words."""
