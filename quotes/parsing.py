"""The parsing layer: model resolution, one stanza pipeline per parser, batching, parse cache.

Model resolution, first match wins:

1. ``model=`` (a directory, or a name: ``stanza:de``, ``stanza:de-hdt``, ``compact``);
2. the environment variable ``QUOTES_MODEL_DIR``;
3. stanza's official German models, if installed in stanza's resource directory;
4. the compact model shipped inside this package (with a one-line notice on stderr, once per
   installation).

Nothing is ever downloaded implicitly: ``quotes models download`` does that, on request.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable, Iterator, Sequence

from . import models, speedups
from .document import Document
from .errors import ModelNotFoundError

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
COMPACT_DIR = Path(models.MODEL_DIR)
COMPACT_FILES = ("tokenize", "mwt", "pos", "lemma", "depparse")
STANZA_PACKAGES = {"de": "default", "de-hdt": "hdt", "de-gsd": "gsd"}
FIX_COMMAND = "quotes models download"

# German contractions that UD splits into two words ("zum" -> "zu dem"). Corpus tokens arrive
# unsplit; marking them lets stanza's MWT expander split them as it does for raw text.
CONTRACTIONS = frozenset(
    "am ans aufs beim durchs fürs hinterm hinters im ins überm übers ums unterm unters vom vorm vors zum zur".split()
)

# Limits that bound time and memory on any input (README, "Limits"): the parser's memory grows
# with the square of a sentence's length, so longer sentences are cut for it, and long texts are
# tokenized and parsed a piece at a time. Offsets always index the whole text.
MAX_SENTENCE_TOKENS = 200
PIECE_CHARACTERS = 100_000
PIECE_SENTENCES = 200
# A text is tokenized on its own first (to find long sentences) when it is longer than a piece or
# has a stretch of this many whitespace-separated words without a sentence end or line break.
SUSPECT_WORDS = 120
_SENTENCE_ENDS = re.compile(r"[.!?;:]\s|\n")

_notice_shown = False
notice_every_run = False
"""Show the compact-model notice on every run (``--verbose``), not only the first one."""


# Characters the parser sees as a space: NUL and the byte-order mark (U+FEFF). Same length, so
# offsets still index the text as given.
_AS_SPACE = str.maketrans({"\x00": " ", "\ufeff": " "})


def for_parser(text: str) -> str:
    """``text`` as the tokenizer gets it (see ``_AS_SPACE``)."""
    return text.translate(_AS_SPACE) if "\x00" in text or "\ufeff" in text else text


def _may_be_long(text: str) -> bool:
    if len(text) > PIECE_CHARACTERS:
        return True
    start = 0
    for match in _SENTENCE_ENDS.finditer(text + "\n"):
        if match.start() - start > 4 * SUSPECT_WORDS and len(text[start : match.start()].split()) > SUSPECT_WORDS:
            return True
        start = match.end()
    return False


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most about ``PIECE_CHARACTERS``, cut at a paragraph break, a line
    break or a space where there is one, each with its offset."""
    start = 0
    while len(text) - start > PIECE_CHARACTERS:
        limit = start + PIECE_CHARACTERS
        cut = max(text.rfind("\n\n", start, limit), -1)
        if cut <= start + PIECE_CHARACTERS // 2:
            cut = text.rfind("\n", start, limit)
        if cut <= start + PIECE_CHARACTERS // 2:
            cut = text.rfind(" ", start, limit)
        if cut <= start:
            cut = limit
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def _cut(text: str, sentence: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A sentence in parts of at most ``MAX_SENTENCE_TOKENS`` tokens, each ending after the last
    comma, semicolon, colon or dash of its second half when it has one."""
    while len(sentence) > MAX_SENTENCE_TOKENS:
        cut = MAX_SENTENCE_TOKENS
        for index in range(MAX_SENTENCE_TOKENS - 1, MAX_SENTENCE_TOKENS // 2, -1):
            if text[sentence[index][0] : sentence[index][1]] in (",", ";", ":", "–", "-"):
                cut = index + 1
                break
        yield sentence[:cut]
        sentence = sentence[cut:]
    if sentence:
        yield sentence


@dataclass(frozen=True)
class ModelSpec:
    """A resolved parsing model: what to load and how to name it in every result."""

    kind: str  # "compact" (a directory of our layout) or "stanza" (stanza's resource directory)
    path: Path
    package: str = "default"
    identity: str = ""

    def pipeline_kwargs(self) -> dict[str, Any]:
        if self.kind == "stanza":
            return {"lang": "de", "dir": str(self.path), "package": self.package, "download_method": None}
        kwargs = models.pipeline_kwargs(str(self.path))
        del kwargs["processors"]  # the parser chooses them (NER is optional)
        return kwargs

    def postprocess(self, doc: Any) -> None:
        """Repairs the compact tagger needs: Konjunktiv forms it leaves without Mood=Sub."""
        if self.kind == "compact":
            models.apply_mood_lexicon(doc, str(self.path))


def stanza_resources_dir() -> Path:
    """Where stanza keeps its downloaded models (``STANZA_RESOURCES_DIR`` or ``~/stanza_resources``)."""
    return Path(os.environ.get("STANZA_RESOURCES_DIR") or Path.home() / "stanza_resources")


def installed_stanza_packages(resources: Path | None = None) -> list[str]:
    """The official German packages whose parser is installed in stanza's resource directory."""
    resources = resources or stanza_resources_dir()
    if not (resources / "resources.json").is_file():
        return []
    found = []
    for package in sorted(set(STANZA_PACKAGES.values())):
        if _stanza_package_dir(resources, package) is not None:
            found.append(package)
    return found


def _stanza_package_dir(resources: Path, package: str) -> Path | None:
    """stanza stores each processor under de/<processor>/<package-or-treebank>.pt."""
    depparse = resources / "de" / "depparse"
    if not depparse.is_dir():
        return None
    treebank = {"default": "gsd", "gsd": "gsd", "hdt": "hdt"}.get(package, package)
    matches = [p for p in depparse.glob("*.pt") if p.stem.startswith(treebank)]
    return depparse if matches else None


def compact_model_info(path: Path = COMPACT_DIR) -> dict[str, Any]:
    """The compact model's card data (``model.json``): name, version, scores, training command."""
    try:
        return json.loads((path / "model.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _compact_spec(path: Path) -> ModelSpec:
    missing = [f"{name}.pt" for name in COMPACT_FILES if not (path / f"{name}.pt").is_file()]
    if missing:
        raise ModelNotFoundError(
            f"model directory {path} lacks {', '.join(missing)}; run `{FIX_COMMAND}` or point --model/QUOTES_MODEL_DIR at a complete model"
        )
    info = compact_model_info(path)
    # the post-step after parsing is part of the model: a new one must not reuse cached parses
    identity = f"{info.get('name', path.name)}@{info.get('version', 'unversioned')}+{models.POSTPROCESS_VERSION}"
    return ModelSpec("compact", path, identity=identity)


def _stanza_spec(resources: Path, package: str) -> ModelSpec:
    if _stanza_package_dir(resources, package) is None or not (resources / "resources.json").is_file():
        raise ModelNotFoundError(
            f"stanza's German '{package}' models are not installed in {resources}; run `{FIX_COMMAND} --package {package}`"
        )
    import stanza

    return ModelSpec("stanza", resources, package, identity=f"stanza:de-{package}@{stanza.__version__}")


def _directory_spec(path: Path) -> ModelSpec:
    if not path.is_dir():
        raise ModelNotFoundError(f"model directory {path} does not exist; run `{FIX_COMMAND}` or give an existing directory")
    if (path / "resources.json").is_file() and (path / "de").is_dir():
        return _stanza_spec(path, "default")
    return _compact_spec(path)


def resolve_model(model: str | os.PathLike[str] | None = None) -> ModelSpec:
    """Find the model to parse with, in the documented order (see the module docstring)."""
    if model is not None:
        name = str(model)
        if name == "compact":
            return _compact_spec(COMPACT_DIR)
        if name.startswith("stanza:"):
            short = name.split(":", 1)[1]
            if short not in STANZA_PACKAGES:
                raise ModelNotFoundError(f"unknown model name {name!r}; known: {', '.join('stanza:' + k for k in STANZA_PACKAGES)}, compact")
            return _stanza_spec(stanza_resources_dir(), STANZA_PACKAGES[short])
        return _directory_spec(Path(name).expanduser())
    env = os.environ.get("QUOTES_MODEL_DIR")
    if env:
        return _directory_spec(Path(env).expanduser())
    installed = installed_stanza_packages()
    if installed:
        package = "default" if "default" in installed else installed[0]
        return _stanza_spec(stanza_resources_dir(), package)
    spec = _compact_spec(COMPACT_DIR)
    _show_compact_notice()
    return spec


def cache_home() -> Path:
    """The project's cache: ``$QUOTES_CACHE_DIR`` or ``~/.cache/quotes``."""
    base = os.environ.get("QUOTES_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "quotes"
    return Path(base)


def _show_compact_notice() -> None:
    """The notice once per installation (a marker file in the cache remembers it), or on every
    run with :data:`notice_every_run`."""
    global _notice_shown
    if _notice_shown:
        return
    _notice_shown = True
    marker = cache_home() / "compact-model-notice-shown"
    if marker.exists() and not notice_every_run:
        return
    print(
        "quotes: parsing with the compact built-in German model; "
        f"stanza's official models are far more accurate: `{FIX_COMMAND}`",
        file=sys.stderr,
    )
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text("the compact-model notice was shown; quotes shows it again with --verbose\n", encoding="utf-8")
    except OSError:
        pass  # a cache that cannot be written: the notice again next time


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class ParseCache:
    """Parsed documents on disk, keyed by model identity and a hash of the input.

    Entries are JSON (``Document.to_json``) and carry their own key: an entry that fails to
    load or whose key or text does not match is treated as missing and re-parsed.
    """

    def __init__(self, directory: str | os.PathLike[str]):
        self.directory = Path(directory).expanduser()
        self.unwritable = False

    @staticmethod
    def key(model: str, text: str, tokens: Sequence[Sequence[tuple[int, int]]] | None = None) -> str:
        digest = hashlib.sha256()
        for part in (model, text, json.dumps(tokens) if tokens is not None else ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, text: str) -> Document | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("key") != key or data["document"]["text"] != text:
                return None
            document = Document.from_json(data["document"])
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            return None
        return document if _well_formed(document) else None

    def put(self, key: str, document: Document) -> None:
        """Store an entry; a cache that cannot be written is reported once and then left alone."""
        if self.unwritable:
            return
        path = self._path(key)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps({"key": key, "document": document.to_json()}, ensure_ascii=False), encoding="utf-8")
            os.replace(temporary, path)  # atomic: a reader never sees half an entry
        except OSError as error:
            self.unwritable = True
            print(f"quotes: cannot write the parse cache {self.directory} ({error.strerror or error}); "
                  "going on without it: give a writable folder with --cache", file=sys.stderr)


def _well_formed(document: Document) -> bool:
    """Whether a cache entry has the types and ranges a parse has (a hand-made one may not)."""
    length = len(document.text)
    for token in document.tokens:
        if not (type(token.start) is int and type(token.end) is int and 0 <= token.start <= token.end <= length):
            return False
    for sentence in document.sentences:
        for number, word in enumerate(sentence.words, start=1):
            if word.id != number or type(word.head) is not int or not 0 <= word.head <= len(sentence.words):
                return False
            if not all(isinstance(v, str) for v in (word.text, word.lemma, word.upos, word.xpos, word.feats, word.deprel)):
                return False
            if word.ner is not None and not isinstance(word.ner, str):
                return False
    return True


class Parser:
    """Turns German text into :class:`Document` objects with one stanza pipeline.

    The pipeline is built on first use and reused for every document; texts given together
    are parsed in one batch.
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        cache: str | os.PathLike[str] | ParseCache | None = None,
        ner: bool = False,
        quantise: bool = False,
    ):
        self._model = model
        self.cache = ParseCache(cache) if isinstance(cache, (str, os.PathLike)) else cache
        self.ner = ner
        self.quantise = quantise
        self._pipelines: dict[tuple[bool, str | None], Any] = {}

    @cached_property
    def spec(self) -> ModelSpec:
        """The resolved model, found on first use (empty input needs none)."""
        return resolve_model(self._model)

    @property
    def model_id(self) -> str:
        # a quantised pipeline parses differently: its parses are cached apart
        return self.spec.identity + ("+ner" if self.ner else "") + ("+int8" if self.quantise else "")

    def _pipeline(self, pretokenized: bool, processors: str | None = None) -> Any:
        key = (pretokenized, processors)
        if key not in self._pipelines:
            import stanza

            logging.getLogger("stanza").setLevel(logging.WARNING)
            kwargs = self.spec.pipeline_kwargs()
            if processors is None:
                processors = PROCESSORS + (",ner" if self.ner else "")
            else:  # stanza adds every processor it is given a model path for
                kwargs = {k: v for k, v in kwargs.items() if k.split("_", 1)[0] in ("lang", "dir", "download", "allow", *processors.split(","))}
            try:
                shipped = COMPACT_DIR if self.spec.path == COMPACT_DIR else None
                with speedups.loading_for_prediction(shipped):
                    self._pipelines[key] = stanza.Pipeline(
                        processors=processors,
                        tokenize_pretokenized=pretokenized,
                        logging_level="ERROR",  # not stanza's warning about the compact model's "unknown" language
                        **kwargs,
                    )
            except (OSError, ValueError, FileNotFoundError) as error:
                raise ModelNotFoundError(f"could not load model {self.model_id} from {self.spec.path}: {error}; run `{FIX_COMMAND}`") from None
            speedups.use_fast_tree_decoding()
            if self.quantise:
                speedups.quantise(self._pipelines[key])
        return self._pipelines[key]

    def parse(self, text: str, id: str | None = None) -> Document:
        """Parse one raw text."""
        return next(self.parse_many([(id, text)]))

    def parse_many(self, items: Iterable[tuple[str | None, str]], batch_size: int = 32) -> Iterator[Document]:
        """Parse (id, text) pairs lazily, ``batch_size`` documents per pipeline call, in input order."""
        for batch in batches(items, batch_size):
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[tuple[str | None, str]]) -> Iterator[Document]:
        results: list[Document | None] = []
        todo: list[tuple[int, str]] = []
        for position, (doc_id, text) in enumerate(batch):
            cached = self._cached(text, None) if text.strip() else Document(text, (), (), doc_id)
            if cached is None and _may_be_long(text):
                cached = self._parse_long(text)  # parsed on its own, in bounded pieces
            if cached is not None:
                results.append(cached)
            else:
                results.append(None)
                todo.append((position, text))
        if todo:
            import stanza

            parsed = self._pipeline(False)([stanza.Document([], text=for_parser(text)) for _, text in todo])
            for (position, text), stanza_doc in zip(todo, parsed):
                self.spec.postprocess(stanza_doc)
                document = Document.from_stanza(stanza_doc, text=text, model=self.model_id)
                self._store(text, None, document)
                results[position] = document
        for (doc_id, _), document in zip(batch, results):
            assert document is not None
            yield Document(document.text, document.sentences, document.tokens, doc_id, document.model)

    def parse_pretokenized(
        self, text: str, sentences: Sequence[Sequence[tuple[int, int]]], id: str | None = None
    ) -> Document:
        """Parse text whose tokens and sentences are given as character offsets (corpus input).

        The document keeps exactly these tokens, in order, so token indices map back to corpus
        token positions; contractions are still split into words by the MWT model.
        """
        return next(self.parse_pretokenized_many([(text, sentences, id)]))

    def parse_pretokenized_many(
        self, items: Iterable[tuple[str, Sequence[Sequence[tuple[int, int]]], str | None]], batch_size: int = 32
    ) -> Iterator[Document]:
        """:meth:`parse_pretokenized` for (text, sentences, id) triples, lazily and in input order,
        the sentences of ``batch_size`` documents in one pipeline call: stanza sorts them by
        length into its batches, so they pad less and run in fewer, fuller batches."""
        for batch in batches(items, batch_size):
            results: list[Document | None] = []
            todo: list[tuple[int, str, list[list[tuple[int, int]]], str | None]] = []
            for text, given, doc_id in batch:
                sentences = [list(s) for s in given if s]
                cached = self._cached(text, sentences) if sentences else Document(text, (), (), doc_id)
                if cached is None and (len(text) > PIECE_CHARACTERS or max(map(len, sentences)) > MAX_SENTENCE_TOKENS):
                    cached = self._parse_bounded(text, sentences, doc_id)
                results.append(cached)
                if cached is None:
                    todo.append((len(results) - 1, text, sentences, doc_id))
            for (position, text, sentences, _), document in zip(todo, self._parse_tokens([t[1:] for t in todo])):
                self._store(text, sentences, document)
                results[position] = document
            for (_, _, doc_id), document in zip(batch, results):
                assert document is not None
                yield Document(document.text, document.sentences, document.tokens, doc_id, document.model)

    def _parse_bounded(self, text: str, sentences: list[list[tuple[int, int]]], id: str | None) -> Document:
        """Bounded memory: long sentences cut, the document parsed a piece at a time."""
        bounded = [part for sentence in sentences for part in _cut(text, sentence)]
        pieces = [bounded[i : i + PIECE_SENTENCES] for i in range(0, len(bounded), PIECE_SENTENCES)]
        parts = [self._parse_tokens([(text, piece, id)])[0] for piece in pieces]
        document = Document.join(text, parts, id=id, model=self.model_id)
        self._store(text, sentences, document)
        return document

    def _parse_tokens(self, items: Sequence[tuple[str, list[list[tuple[int, int]]], str | None]]) -> list[Document]:
        """Parse the given tokens of several documents in one pipeline call."""
        if not items:
            return []
        from stanza.models.common import doc as stanza_doc

        rows = []
        for text, sentences, _ in items:
            for sentence in sentences:
                row = []
                for number, (start, end) in enumerate(sentence, start=1):
                    form = text[start:end]
                    token: dict[str, Any] = {stanza_doc.ID: (number,), stanza_doc.TEXT: form}
                    if form.lower() in CONTRACTIONS:
                        token[stanza_doc.MISC] = "MWT=Yes"
                    row.append(token)
                rows.append(row)
        parsed = self._pipeline(True)(stanza_doc.Document(rows, items[0][0] if len(items) == 1 else None)).sentences
        documents, first = [], 0
        for text, sentences, id in items:
            part = SimpleNamespace(sentences=parsed[first : first + len(sentences)])  # what the two steps below read
            first += len(sentences)
            self.spec.postprocess(part)
            documents.append(Document.from_stanza(part, text=text, offsets=sentences, id=id, model=self.model_id))
        return documents

    def _parse_long(self, text: str) -> Document | None:
        """A text that may hold a sentence longer than ``MAX_SENTENCE_TOKENS`` or be longer than
        ``PIECE_CHARACTERS``: tokenized piece by piece; if that finds neither, None (it is parsed
        as any other text), else its tokens are parsed as corpus input, long sentences cut."""
        sentences: list[list[tuple[int, int]]] = []
        tokenizer = self._pipeline(False, "tokenize")
        for offset, piece in _pieces(text):
            for sentence in tokenizer(for_parser(piece)).sentences:
                sentences.append([(offset + t.start_char, offset + t.end_char) for t in sentence.tokens])
        if len(text) <= PIECE_CHARACTERS and all(len(s) <= MAX_SENTENCE_TOKENS for s in sentences):
            return None
        return self.parse_pretokenized(text, sentences)

    def _cached(self, text: str, tokens: Sequence[Sequence[tuple[int, int]]] | None) -> Document | None:
        if self.cache is None:
            return None
        return self.cache.get(ParseCache.key(self.model_id, text, tokens), text)

    def _store(self, text: str, tokens: Sequence[Sequence[tuple[int, int]]] | None, document: Document) -> None:
        if self.cache is not None:
            self.cache.put(ParseCache.key(self.model_id, text, tokens), document)


# Published scores of stanza's official German models (UD test sets, from raw text).
OFFICIAL_SCORES = {"default": "UPOS 95.6, LAS 81.8 (GSD)", "gsd": "UPOS 95.6, LAS 81.8 (GSD)", "hdt": "UPOS 98.3, LAS 93.6 (HDT)"}


def describe_models() -> str:
    """A table of the models this machine has, their scores, and which one is used by default."""
    rows = []
    try:
        default = resolve_model_quietly()
    except ModelNotFoundError:
        default = None
    env = os.environ.get("QUOTES_MODEL_DIR")
    if env:
        rows.append(("QUOTES_MODEL_DIR", env, "", "set"))
    resources = stanza_resources_dir()
    installed = installed_stanza_packages(resources)
    for package in ("default", "hdt"):
        state = "installed" if package in installed else f"not installed: `{FIX_COMMAND} --package {package}`"
        rows.append((f"stanza:de-{package}" if package != "default" else "stanza:de", str(resources), OFFICIAL_SCORES[package], state))
    info = compact_model_info()
    scores = info.get("scores", {})
    summary = ", ".join(f"{k} {v}" for k, v in scores.items() if k in ("UPOS", "LAS")) or "see MODEL_CARD.md"
    rows.append(("compact", str(COMPACT_DIR), f"{summary} (held-out GSD)", "built in"))
    lines = []
    for name, path, score, state in rows:
        chosen = default is not None and (
            (name == "compact" and default.kind == "compact" and default.path == COMPACT_DIR)
            or (name.startswith("stanza") and default.kind == "stanza" and STANZA_PACKAGES.get(name.split(":")[1]) == default.package)
            or (name == "QUOTES_MODEL_DIR" and env is not None)
        )
        lines.append(f"{'*' if chosen else ' '} {name:<18} {state:<12} {score}\n    {path}")
    lines.append("* = used by default")
    return "\n".join(lines)


def resolve_model_quietly() -> ModelSpec:
    """Like :func:`resolve_model` without arguments, but without the compact-model notice."""
    global _notice_shown
    shown, _notice_shown = _notice_shown, True
    try:
        return resolve_model()
    finally:
        _notice_shown = shown


def download_models(package: str = "default") -> None:
    """Download stanza's official German models with stanza's own downloader (needs internet)."""
    import stanza

    try:
        stanza.download("de", package=package, processors=PROCESSORS, model_dir=str(stanza_resources_dir()))
    except Exception as error:  # requests/urllib errors differ by version; all mean "no download"
        raise ModelNotFoundError(f"download of stanza's German '{package}' models failed ({type(error).__name__}: {error}); check the internet connection") from None
