"""Text utilities shared by the core: length-preserving folding and pinyin glosses."""

from reader.text.fold import fold, fold_char
from reader.text.glosses import GLOSS_PATTERN, gloss_spans, strip_glosses

__all__ = ["GLOSS_PATTERN", "fold", "fold_char", "gloss_spans", "strip_glosses"]
