"""Encoding detection: BOMs, (mostly) UTF-8, then GB18030 versus Big5 by common-character scores."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from reader.text.t2s_table import SIMPLIFIED, TRADITIONAL

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# The most frequent Chinese characters in modern text (simplified forms).
_COMMON_SIMPLIFIED = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么"
    "心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现"
    "分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位"
    "因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师"
    "书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及"
    "今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结"
    "六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区"
    "即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友"
    "孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切医会议"
    "领导工作发展建设经济社会问题同志们我们加强推进落实全面深化改革坚持党员干部群众组织"
)


_SCORED_CHARS = 1 << 16  # plenty to tell a right decoding from a garbled one, and fast
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    common = set(_COMMON_SIMPLIFIED)
    common |= {trad for trad, simp in zip(TRADITIONAL, SIMPLIFIED, strict=True) if simp in common}
    return frozenset(common)


def _common_share(text: str) -> float:
    """The share of CJK characters in `text` (its first _SCORED_CHARS) that are common ones; garbled
    decodings score low."""
    common = _common_chars()
    cjk = [char for char in text[:_SCORED_CHARS] if "\u3400" <= char <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(char in common for char in cjk) / len(cjk)


def _private_use_share(text: str) -> float:
    """The share of characters that are private-use or unassigned-looking (a sign of a wrong guess)."""
    odd = len(_PRIVATE_USE.findall(text))
    return odd / max(1, len(text))


def detect_bom(data: bytes) -> str | None:
    """The encoding named by a byte-order mark at the start of `data`, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def detect_encoding(data: bytes) -> str:
    """Guess the encoding of `data`: a BOM, (mostly) UTF-8, GB18030 or Big5 (cp950), else charset-normalizer."""
    bom = detect_bom(data)
    if bom:
        return bom
    sample = data[: 1 << 20]
    if _strict_prefix(sample, "utf-8") is not None or _mostly_utf8(sample):
        return "utf-8"
    candidates = {}
    for encoding in ("gb18030", "cp950"):
        text = _strict_prefix(sample, encoding)
        if text is not None and _private_use_share(text) < 0.001:
            candidates[encoding] = _common_share(text)
    if candidates:
        return max(candidates, key=lambda name: (candidates[name], name == "gb18030"))
    return _normalizer_guess(sample) or "gb18030"


def _mostly_utf8(sample: bytes) -> bool:
    """Whether more non-ASCII characters decode as UTF-8 than fail to: UTF-8 with some bytes of another
    encoding mixed in (a GB18030 line pasted into a UTF-8 file), best read as UTF-8 with replacements."""
    text = sample.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good > bad


def _strict_prefix(sample: bytes, encoding: str) -> str | None:
    """Decode `sample` strictly, forgiving only a multi-byte character cut at the sample's end."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return best.encoding if best is not None else None
