"""Query syntax: space = AND, OR, -term / NOT term, "quoted phrases", word* prefixes, (groups)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.search.analysis import WORD_RE, fold_query, is_cjk, stem
from reader.search.messages import Message, message


class QueryError(ValueError):
    """A malformed query; `message` says why (a code and its arguments), str(error) in English."""

    def __init__(self, why: Message) -> None:
        super().__init__(why.text)
        self.message = why


@dataclass(frozen=True)
class Term:
    """One thing to find. kind: "literal" (exact folded substring, e.g. any CJK run),
    "words" (a phrase of word stems) or "prefix" (words starting with `text`)."""

    kind: str
    text: str
    stems: tuple[str, ...] = ()


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    child: object


Node = Term | And | Or | Not
_OPERATORS = {"OR", "AND", "NOT", "(", ")"}


def _tokens(query: str) -> list[tuple[str, str]]:
    """(kind, text) pairs: ("op", OR/AND/NOT/(/)), ("quoted", text) or ("bare", text)."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char.isspace():
            i += 1
        elif char in "()":
            out.append(("op", char))
            i += 1
        elif char == '"':
            close = query.find('"', i + 1)
            if close < 0:
                raise QueryError(message("query.unclosed_quote"))
            out.append(("quoted", query[i + 1 : close]))
            i = close + 1
        elif char == "-" and i + 1 < n and not query[i + 1].isspace() and query[i + 1] not in "-)":
            out.append(("op", "NOT"))
            i += 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in '()"':
                j += 1
            word = query[i:j]
            out.append(("op", word) if word in _OPERATORS else ("bare", word))
            i = j
    return out


def make_term(text: str, quoted: bool = False) -> Term | None:
    """The Term for one typed piece (None if it holds nothing to search for)."""
    folded = fold_query(text)
    if not quoted and folded.endswith("*") and not is_cjk(folded):
        prefix = folded.rstrip("*")
        if WORD_RE.fullmatch(prefix):
            return Term("prefix", prefix)
    if is_cjk(folded):
        literal = folded if quoted else folded.strip("*")
        return Term("literal", literal) if literal.strip() else None
    words = WORD_RE.findall(folded)
    if words:
        return Term("words", " ".join(words), tuple(stem(word) for word in words))
    literal = folded.strip()
    return Term("literal", literal) if literal else None


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens, self.i = tokens, 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node:
        node = self.parse_or()
        if self.peek() is not None:
            raise QueryError(message("query.unopened_parenthesis"))
        return node

    def parse_or(self) -> Node:
        children = [self.parse_and()]
        while self.peek() == ("op", "OR"):
            self.i += 1
            if self.peek() in (None, ("op", ")"), ("op", "OR")):
                raise QueryError(message("query.or_operands"))
            children.append(self.parse_and())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def parse_and(self) -> Node:
        children: list[Node] = []
        start = self.i
        while self.peek() not in (None, ("op", ")"), ("op", "OR")):
            if self.peek() == ("op", "AND"):
                self.i += 1
                if not children or self.peek() in (None, ("op", ")"), ("op", "OR"), ("op", "AND")):
                    raise QueryError(message("query.and_operands"))
                continue
            node = self.parse_unary()
            if node is not None:
                children.append(node)
        if not children:
            raise QueryError(self._empty_message(start))
        return children[0] if len(children) == 1 else And(tuple(children))

    def _empty_message(self, start: int) -> Message:
        """Why the terms from token `start` on hold nothing to search for."""
        consumed = self.tokens[start : self.i]
        if any(kind == "quoted" for kind, _text in consumed):
            return message("query.empty_quotes")
        if self.peek() == ("op", "OR") or (start and self.tokens[start - 1] == ("op", "OR")):
            return message("query.or_operands")
        if start and self.tokens[start - 1] == ("op", "("):
            return message("query.empty_parentheses")
        return message("query.empty")

    def parse_unary(self) -> Node | None:
        kind, text = self.tokens[self.i]
        self.i += 1
        if (kind, text) == ("op", "NOT"):
            if self.peek() in (None, ("op", ")"), ("op", "OR")):
                raise QueryError(message("query.not_operand"))
            child = self.parse_unary()
            return Not(child) if child is not None else None
        if (kind, text) == ("op", "("):
            node = self.parse_or()
            if self.peek() != ("op", ")"):
                raise QueryError(message("query.unclosed_parenthesis"))
            self.i += 1
            return node
        if kind == "op":
            raise QueryError(message("query.unexpected", token=text))
        return make_term(text, quoted=kind == "quoted")


def parse_query(query: str) -> Node:
    """Parse `query`; raises QueryError with a message for the user."""
    if not query or not query.strip():
        raise QueryError(message("query.empty"))
    node = _Parser(_tokens(query)).parse()
    if not has_positive(node):
        raise QueryError(message("query.only_excluded"))
    return node


def has_positive(node: Node) -> bool:
    """Whether `node` can match by containing something (not only by lacking something)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(has_positive(child) for child in node.children)
    return all(has_positive(child) for child in node.children)


def positive_terms(node: Node) -> list[Term]:
    """The terms not under a NOT, in query order, without duplicates."""
    out: list[Term] = []
    if isinstance(node, Term):
        out.append(node)
    elif isinstance(node, (And, Or)):
        for child in node.children:
            out.extend(t for t in positive_terms(child) if t not in out)
    return out


def all_terms(node: Node) -> list[Term]:
    """Every term in `node`, negated or not."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return all_terms(node.child)
    return [term for child in node.children for term in all_terms(child)]
