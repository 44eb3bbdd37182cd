"""Read aloud: the QtTextToSpeech engine following the text, and its controls."""
