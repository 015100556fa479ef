"""The corpus catalog: where each corpus comes from, under which license, and where it is here.

A corpus directory is found, in this order, at: ``--path`` (the corpus root, in its published
layout), ``$QUOTES_CORPORA_DIR/<folder>``, the download cache ``<cache>/<folder>`` (after
``quotes corpora download NAME``) and ``../shared/corpora/<folder>`` next to the repository
(development and CI).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from quotes.errors import CorpusError
from quotes.parsing import cache_home

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Corpus:
    """One catalogued corpus.

    ``splits`` maps a split name to its directory under the corpus root (published layout);
    ``checksums`` the sha256 of the splits of the development snapshot (see :func:`checksum`);
    ``archive`` the public download (a GitHub archive at the catalogued commit).
    """

    name: str
    title: str
    folder: str
    source: str
    archive: str
    license: str
    citation: str
    format: str
    splits: dict[str, str]
    checksums: dict[str, str]
    labelled: bool = True
    """Whether the corpus gives quote types and media (SpkAtt does not)."""
    parts: tuple[str, ...] = ("quote", "cue", "frame", "speaker", "addressee")
    """The parts it annotates (scores of other parts are not reported)."""
    anchor: str = "quote"
    """The part that identifies a quote in span matching (SpkAtt: the cue)."""


CORPORA = {
    corpus.name: corpus
    for corpus in (
        Corpus(
            name="wikinews",
            title="German news quotation attribution 2024 (WIKINEWS)",
            folder="wikinews-quotes-2024",
            source="https://github.com/uhh-lt/german-news-quotation-attribution-2024",
            archive="https://github.com/uhh-lt/german-news-quotation-attribution-2024/archive/74e7bd6d1b57b662865f570c4d1de26ff15d2689.zip",
            license="CC BY-NC-SA 4.0",
            citation="Fynn Petersen-Frey and Chris Biemann (2024): Dataset of Quotation Attribution in German News Articles. LREC-COLING 2024.",
            format="wikinews-json",
            splits={"train": "data/train", "dev": "data/dev", "test": "data/test"},
            checksums={
                "train": "fb228c241bad8c3da711d439b4e2df63273addb07d4516be1a3bff1a6edc3b29",
                "dev": "c56902e7fb40b92260d7fe33e01fd38476072fc5d1ec466cefd4ae0ef85746cb",
            },
        ),
        Corpus(
            name="spkatt",
            title="GePaDe / SpkAtt-2023 task 1 (German parliamentary debates)",
            folder="spkatt2023-gepade",
            source="https://github.com/umanlp/SpkAtt-2023",
            archive="https://github.com/umanlp/SpkAtt-2023/archive/19be811b3dfaa89c501770c4df708120a4e30bc9.zip",
            license="CC BY-SA 4.0",
            citation="Ines Rehbein et al. (2023): Overview of the GermEval 2023 Shared Task on Speaker Attribution in Newswire and Parliamentary Debates. KONVENS 2023.",
            format="spkatt-json",
            splits={"train": "data/train", "dev": "data/dev", "trial": "data/trial"},
            checksums={
                "train": "78ef4500d753fe6d97891962189231c1b30c2e1491fdbec1f1c64446c7d12863",
                "trial": "dad97baf79d3a14d6bbec4bc82220a70c126d3d490beafc29b9bc3c0cee1ffcc",
            },
            labelled=False,
            parts=("quote", "cue", "speaker", "addressee", "ptc", "topic", "medium", "evidence"),
            anchor="cue",
        ),
        Corpus(
            name="redewiedergabe",
            title="Redewiedergabe main corpus (German fiction and non-fiction 1840-1919)",
            folder="redewiedergabe",
            source="https://github.com/redewiedergabe/corpus",
            archive="https://github.com/redewiedergabe/corpus/archive/45abfcf5f9c2a3d9a903f5c68f8f5b36bbce5563.zip",
            license="CC BY-NC-SA 4.0",
            citation="Annelen Brunner et al. (2020): Corpus REDEWIEDERGABE. LREC 2020.",
            format="redewiedergabe-tsv",
            splits={"main": "data/main/tsv"},
            checksums={"main": "fa5ca21435819e24d1acd2d58bc2338b4458346770064d1563f930b72d4057f1"},
            parts=("quote", "cue", "frame", "speaker"),
        ),
        Corpus(
            name="jsonl",
            title="Your own gold annotations in the project's JSONL format",
            folder="jsonl",
            source="corpora/README.md",
            archive="",
            license="yours",
            citation="",
            format="jsonl",
            splits={"train": "train.jsonl", "dev": "dev.jsonl", "test": "test.jsonl"},
            checksums={},
        ),
    )
}


def corpus(name: str) -> Corpus:
    """The catalog entry ``name``; an unknown name is a :class:`CorpusError` listing the known ones."""
    try:
        return CORPORA[name]
    except KeyError:
        raise CorpusError(f"unknown corpus {name!r}; known: {', '.join(CORPORA)} (see `quotes corpora list`)") from None


def cache_dir() -> Path:
    """Where downloads go: ``<cache>/corpora``."""
    return cache_home() / "corpora"


def candidates(entry: Corpus) -> list[Path]:
    """The corpus roots to look at, without ``--path``, in order."""
    roots = []
    if os.environ.get("QUOTES_CORPORA_DIR"):
        roots.append(Path(os.environ["QUOTES_CORPORA_DIR"]) / entry.folder)
    roots += [cache_dir() / entry.folder, REPOSITORY_ROOT.parent / "shared" / "corpora" / entry.folder]
    return roots


def locate(name: str, split: str, path: str | os.PathLike[str] | None = None) -> Path:
    """The directory (or, for JSONL, the file) holding ``split`` of corpus ``name``.

    With ``path``, only there (for JSONL ``path`` may be the file itself); else the first
    candidate root that has the split. A missing split is a :class:`CorpusError` that says
    where it looked and how to get the corpus.
    """
    entry = corpus(name)
    if split not in entry.splits:
        raise CorpusError(f"corpus {name} has no split {split!r}; its splits: {', '.join(entry.splits)}")
    if path is not None and entry.format == "jsonl" and Path(path).is_file():
        return Path(path)
    roots = [Path(path)] if path is not None else candidates(entry)
    for root in roots:
        if (root / entry.splits[split]).exists():
            return root / entry.splits[split]
    looked = ", ".join(str(root / entry.splits[split]) for root in roots)
    hint = f"; run `quotes corpora download {name}` or give --path" if entry.archive else "; give --path"
    raise CorpusError(f"split {split} of corpus {name} not found (looked at {looked}){hint}")


def checksum(location: Path) -> str:
    """sha256 over the sorted lines "<relative path> <sha256 of the file>" of a split's data files
    (metadata tables excluded), so a result can say exactly which data it measured."""
    if location.is_file():
        return hashlib.sha256(location.read_bytes()).hexdigest()
    files = sorted(p for p in location.rglob("*") if p.is_file() and p.suffix in {".json", ".tsv"} and not p.name.startswith("metadata"))
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.relative_to(location).as_posix()} {hashlib.sha256(file.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()


def download(name: str, target: Path | None = None, timeout: float = 60) -> Path:
    """Fetch corpus ``name`` from its public source into the cache (or ``target``) and return
    its root. Network and archive failures are a one-line :class:`CorpusError`."""
    entry = corpus(name)
    if not entry.archive:
        raise CorpusError(f"corpus {name} has no public source to download; give --path")
    root = Path(target) if target is not None else cache_dir() / entry.folder
    _check_target(root)
    try:
        with urllib.request.urlopen(entry.archive, timeout=timeout) as response:
            archive = zipfile.ZipFile(io.BytesIO(response.read()))
    except (urllib.error.URLError, OSError, zipfile.BadZipFile) as error:
        raise CorpusError(f"could not download {name} from {entry.archive}: {error}") from None
    root.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=root.name + ".partial-", dir=root.parent))  # ours alone
    (partial / DOWNLOAD_MARK).write_text(f"{name} from {entry.archive}\n", encoding="utf-8")
    try:
        for member in archive.infolist():
            inner = Path(*Path(member.filename).parts[1:])  # drop the "<repo>-<commit>/" prefix
            if member.is_dir() or not inner.parts or ".." in inner.parts:
                continue
            (partial / inner).parent.mkdir(parents=True, exist_ok=True)
            (partial / inner).write_bytes(archive.read(member))
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    _check_target(root)
    if root.exists():  # empty, or an earlier download of ours (it has the mark)
        shutil.rmtree(root) if root.is_dir() else root.unlink()
    partial.rename(root)
    return root


# A download writes this file into the corpus root: only a folder that has it is ever replaced.
DOWNLOAD_MARK = ".quotes-download"


def _check_target(root: Path) -> None:
    """Refuse a target that holds anything a download did not put there."""
    if root.is_dir() and any(root.iterdir()) and not (root / DOWNLOAD_MARK).is_file():
        raise CorpusError(f"{root} is not empty and was not made by `quotes corpora download`; give a new or empty folder with --to")
    if root.exists() and not root.is_dir():
        raise CorpusError(f"{root} is a file; give a new or empty folder with --to")
