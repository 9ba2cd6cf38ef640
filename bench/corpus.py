"""The corpus on disk: the manifest in ``seeds/``, the documents and their gold.

``seeds/manifest.json`` lists every document with its file, sha256, provenance, split and
date. Loading checks each file's sha256 against the manifest and refuses a changed file: the
gold's offsets are only valid for the exact bytes they were made on.

A document's text may begin with a date prefix: optional whitespace, ``date YYYY-MM-DD``, then
a space or a newline. The date becomes ``Document.date`` (the anchor for "on Monday") and
``Document.body_start`` marks where prose begins; offsets stay relative to the raw text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .errors import CorpusError, InputError, Problem
from .jsonio import load_annotation, loads_checked
from .model import Annotation, Document, Provenance

DATE_PREFIX = re.compile(r"\A\ufeff?\s*date (\d{4}-\d{2}-\d{2})(?:[ \t]+|\r?\n\s*)")
# What a date prefix was meant to be: "date" and a number-like token at the very start.
_DATE_LIKE = re.compile(r"\A\ufeff?\s*date[ \t]+(\d+[-/.][\d\-/.]*)(?=\s|\Z)")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
MANIFEST_VERSION = 1


def parse_date_prefix(text: str) -> tuple[dt.date | None, int]:
    """Return ``(date, body_start)`` for a text with an optional ``date YYYY-MM-DD`` prefix.

    >>> parse_date_prefix(" date 2023-10-16 Lavrov will visit")
    (datetime.date(2023, 10, 16), 17)
    >>> parse_date_prefix("No prefix here.")
    (None, 0)
    """
    m = DATE_PREFIX.match(text)
    if not m:
        return None, 0
    try:
        return dt.date.fromisoformat(m.group(1)), m.end()
    except ValueError:
        return None, 0


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_text_file(path: Path) -> str:
    """Read a document as UTF-8 without newline translation (offsets count raw characters).

    A byte order mark stays in the text (it is a character of the file); a file that is not
    UTF-8 is refused with the line and byte offset of the first bad byte.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(Problem(str(path), "", "file not found")) from None
    except IsADirectoryError:
        raise InputError(Problem(str(path), "", "expected a text file, got a folder")) from None
    except OSError as exc:
        raise InputError(Problem(str(path), "", f"cannot read: {exc.strerror}")) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Problem(str(path), utf8_position(data, exc.start), utf8_message(data, exc.start))) from None


def utf8_position(data: bytes, offset: int) -> str:
    """``line N, byte B`` of the byte at ``offset`` (lines counted from 1, bytes from 0)."""
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, byte {offset}"


def utf8_message(data: bytes, offset: int) -> str:
    """What is wrong with a byte that does not decode, and what was expected."""
    return f"not valid UTF-8 text (byte 0x{data[offset]:02x}); expected UTF-8: re-save the file as UTF-8"


def date_prefix_problem(text: str) -> str | None:
    """A message when ``text`` starts with a date prefix whose date is not a calendar date
    (``date 2023-13-45``, ``date 23-10-16``), else None. Such a prefix is not parsed, so the
    document would silently lose its date and its prefix would be read as prose.

    >>> date_prefix_problem("date 2023-13-45 Lavrov arrived.")
    "date prefix 'date 2023-13-45' is not a calendar date (month must be in 1..12); expected 'date YYYY-MM-DD', e.g. 'date 2023-10-16'"
    >>> date_prefix_problem("date 2023-10-16 Lavrov arrived.") is None
    True
    """
    m = _DATE_LIKE.match(text)
    if m is None or parse_date_prefix(text)[0] is not None:
        return None
    token = m.group(1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        try:
            dt.date.fromisoformat(token)
        except ValueError as exc:
            why = f" ({exc})"
        else:
            return None  # a valid date with nothing after it: an empty document
    else:
        why = ""
    return f"date prefix 'date {token}' is not a calendar date{why}; expected 'date YYYY-MM-DD', e.g. 'date 2023-10-16'"


def document_from_text(doc_id: str, text: str, **kwargs) -> Document:
    """Build a Document from raw text, parsing the optional date prefix.

    A ``date`` keyword overrides the prefix (used for JSONL input with a ``date`` field).
    """
    parsed, body_start = parse_date_prefix(text)
    date = kwargs.pop("date", None) or parsed
    return Document(doc_id, text, date, body_start, sha256=sha256_text(text), **kwargs)


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    id: str
    file: str
    sha256: str
    provenance: Provenance
    split: str
    date: dt.date | None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Corpus:
    """The bundled corpus: documents by id, their gold, and the manifest they came from."""

    root: Path
    entries: tuple[ManifestEntry, ...]

    @property
    def splits(self) -> list[str]:
        return sorted({e.split for e in self.entries})

    def ids(self, split: str | None = None) -> list[str]:
        if split is not None and split not in self.splits and split != "all":
            raise InputError(
                Problem(str(self.manifest_path), "", f"unknown split {split!r}; available: {', '.join(self.splits + ['all'])}")
            )
        return [e.id for e in self.entries if split in (None, "all") or e.split == split]

    @property
    def manifest_path(self) -> Path:
        return self.root / "seeds" / "manifest.json"

    def entry(self, doc_id: str) -> ManifestEntry:
        for e in self.entries:
            if e.id == doc_id:
                return e
        raise InputError(
            Problem(str(self.manifest_path), "", f"unknown document {doc_id!r}; known: {', '.join(self.ids()[:10])}{' ...' if len(self.entries) > 10 else ''}")
        )

    def document(self, doc_id: str) -> Document:
        entry = self.entry(doc_id)
        return _load_document(self.root, entry, self.entries.index(entry))

    def documents(self, split: str | None = None) -> list[Document]:
        return [self.document(i) for i in self.ids(split)]

    def annotation_path(self, doc_id: str) -> Path:
        return self.root / "annotations" / f"{doc_id}.json"

    def annotation(self, doc_id: str) -> Annotation:
        return load_annotation(self.annotation_path(doc_id))

    def gold(self, split: str | None = None) -> dict[str, Annotation]:
        return {i: self.annotation(i) for i in self.ids(split)}

    def hash(self, split: str | None = None) -> str:
        """A hash over the texts and gold files of a split: two results are comparable only
        when they were scored on the same corpus hash."""
        h = hashlib.sha256()
        for i in sorted(self.ids(split)):
            h.update(i.encode())
            h.update(self.entry(i).sha256.encode())
            p = self.annotation_path(i)
            h.update(p.read_bytes() if p.exists() else b"-")
        return h.hexdigest()[:16]


def _load_document(root: Path, entry: ManifestEntry, index: int) -> Document:
    path = root / "seeds" / entry.file
    try:
        found = path.is_file()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise CorpusError(
            Problem(str(root / "seeds" / "manifest.json"), f"/documents/{index}/file", f"document {entry.id!r}: file name cannot be used: {exc.strerror}")
        ) from None
    if not found:
        raise CorpusError(
            Problem(
                str(root / "seeds" / "manifest.json"), f"/documents/{index}/file",
                f"document {entry.id!r}: file {path} not found; restore it, or remove the entry from the manifest",
            )
        )
    text = read_text_file(path)
    actual = sha256_text(text)
    if actual != entry.sha256:
        raise CorpusError(
            Problem(
                str(path), f"document {entry.id!r}",
                f"sha256 {actual[:12]}... does not match the manifest's {entry.sha256[:12]}...: "
                "the file changed after it was annotated; restore it (gold offsets depend on its exact bytes)",
            )
        )
    date, body_start = parse_date_prefix(text)
    return Document(
        entry.id, text, entry.date or date, body_start, entry.provenance, entry.split,
        entry.source, actual,
    )


def read_manifest(path: Path) -> tuple[ManifestEntry, ...]:
    """Parse ``seeds/manifest.json``; every defect is reported with its JSON pointer."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(
            Problem(str(path), "", "manifest not found; a corpus root holds seeds/manifest.json (the documents) and annotations/ (their gold)")
        ) from None
    except UnicodeDecodeError as exc:
        raise CorpusError(Problem(str(path), f"byte {exc.start}", "not valid UTF-8")) from None
    except IsADirectoryError:
        raise CorpusError(Problem(str(path), "", "expected the manifest file, got a folder")) from None
    except OSError as exc:
        raise CorpusError(Problem(str(path), "", f"cannot read: {exc.strerror}")) from None
    try:
        data = loads_checked(raw, str(path))
    except InputError as exc:
        raise CorpusError(exc.problems) from None
    problems: list[Problem] = []
    entries: list[ManifestEntry] = []
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        raise CorpusError(Problem(str(path), "/documents", "expected a list of documents"))
    seen: set[str] = set()
    for i, d in enumerate(docs):
        w = f"/documents/{i}"
        if not isinstance(d, dict):
            problems.append(Problem(str(path), w, "expected an object with id, file, sha256, provenance, split"))
            continue
        missing = [k for k in ("id", "file", "sha256", "provenance", "split") if not isinstance(d.get(k), str)]
        if missing:
            problems.append(Problem(str(path), w, f"missing or non-string fields: {', '.join(missing)}"))
            continue
        name = PurePosixPath(d["file"].replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or not name.parts or ":" in name.parts[0]:
            problems.append(Problem(str(path), f"{w}/file", f"must be a path relative to seeds/ without '..'; got {d['file']!r}"))
            continue
        if d["id"] in seen:
            problems.append(Problem(str(path), f"{w}/id", f"duplicate document id {d['id']!r}"))
        seen.add(d["id"])
        try:
            prov = Provenance(d["provenance"])
        except ValueError:
            problems.append(Problem(str(path), f"{w}/provenance", f"must be one of 'real', 'constructed', 'synthetic'; got {d['provenance']!r}"))
            continue
        date = None
        if d.get("date"):
            try:
                date = dt.date.fromisoformat(d["date"])
            except (TypeError, ValueError):
                problems.append(Problem(str(path), f"{w}/date", f"expected YYYY-MM-DD; got {d['date']!r}"))
        entries.append(ManifestEntry(d["id"], d["file"], d["sha256"], prov, d["split"], date, d.get("source")))
    if problems:
        raise CorpusError(problems)
    return tuple(entries)


@lru_cache(maxsize=8)
def _cached_corpus(root: Path, mtime: float) -> Corpus:
    return Corpus(root, read_manifest(root / "seeds" / "manifest.json"))


def load_corpus(root: str | Path | None = None) -> Corpus:
    """The corpus at ``root`` (default: the project checkout this package lives in)."""
    root = Path(root) if root is not None else PROJECT_ROOT
    manifest = root / "seeds" / "manifest.json"
    try:
        mtime = manifest.stat().st_mtime
    except FileNotFoundError:
        mtime = 0.0
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise CorpusError(Problem(str(manifest), "", f"cannot read: {exc.strerror}")) from None
    return _cached_corpus(root.resolve(), mtime)


def read_documents(source: str | Path, corpus_root: str | Path | None = None) -> list[Document]:
    """Documents from a corpus split name, a folder of ``.txt`` files, one ``.txt`` file, or a
    JSONL file of ``{"id", "text", "date"}`` rows. Any English news text works.

    Every unreadable file, malformed row and malformed date prefix is reported in one
    ``InputError`` (file, line, document id and what was expected), not one at a time.
    """
    path = Path(source)
    try:
        is_dir, is_file = path.is_dir(), path.is_file()
    except OSError as exc:  # a name the file system refuses (too long, ...)
        raise InputError(Problem(str(path), "", f"cannot read: {exc.strerror}")) from None
    if is_dir:
        files = sorted(path.glob("*.txt"))
        if not files:
            raise InputError(Problem(str(path), "", "folder has no .txt files"))
        return _text_documents(files)
    if is_file and path.suffix == ".txt":
        return _text_documents([path])
    if is_file:
        return list(_read_jsonl_documents(path))
    corpus = load_corpus(corpus_root)
    if str(source) in corpus.splits or str(source) == "all":
        return corpus.documents(str(source))
    raise InputError(
        Problem(str(source), "", f"not a file, a folder of .txt files, or a split; splits: {', '.join(corpus.splits + ['all'])}")
    )


def _text_documents(files: list[Path]) -> list[Document]:
    """One document per ``.txt`` file, its id the file's stem; problems of all files at once."""
    docs: list[Document] = []
    problems: list[Problem] = []
    for f in files:
        try:
            text = read_text_file(f)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        why = date_prefix_problem(text)
        if why is not None:
            problems.append(Problem(str(f), "line 1", f"document {f.stem!r}: {why}"))
            continue
        docs.append(document_from_text(f.stem, text, source=str(f)))
    if problems:
        raise InputError(problems)
    return docs


_JSONL_ROW = '{"id": str, "text": str, "date": "YYYY-MM-DD" (optional)}'


def _row_problem(row) -> str | None:
    """What is wrong with the shape of one JSONL document row, naming its id when it has one."""
    if not isinstance(row, dict):
        return f"expected a JSON object {_JSONL_ROW}; got {type(row).__name__}"
    doc_id = row.get("id")
    who = f"document {doc_id!r}: " if isinstance(doc_id, str) else ""
    missing = [k for k in ("id", "text") if row.get(k) is None]
    if missing:
        return f"{who}missing {' and '.join(repr(k) for k in missing)}; expected {_JSONL_ROW}"
    wrong = [f"{k!r} is {json.dumps(row[k])[:40]}" for k in ("id", "text") if not isinstance(row[k], str)]
    if wrong:
        return f"{who}{', '.join(wrong)}; expected {_JSONL_ROW}"
    if not row["id"].strip():
        return f"'id' is empty; expected {_JSONL_ROW}"
    return None


def _read_jsonl_documents(path: Path) -> Iterator[Document]:
    problems: list[Problem] = []
    docs: list[Document] = []
    seen: set[str] = set()
    # Split at "\n" only: str.splitlines() also splits at U+2028, U+0085 and other characters
    # that JSON strings may hold unescaped.
    text = read_text_file(path)
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark before the first row is not part of any document
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(str(path), f"line {n}", f"invalid JSON: {exc.msg} (column {exc.colno}); expected one document {_JSONL_ROW} per line"))
            continue
        except RecursionError:
            problems.append(Problem(str(path), f"line {n}", f"invalid JSON: nested too deeply; expected one document {_JSONL_ROW} per line"))
            continue
        shape = _row_problem(row)
        if shape is not None:
            problems.append(Problem(str(path), f"line {n}", shape))
            continue
        if row["id"] in seen:
            problems.append(Problem(str(path), f"line {n}", f"duplicate document id {row['id']!r}"))
            continue
        seen.add(row["id"])
        date = None
        if row.get("date"):
            try:
                if not isinstance(row["date"], str):
                    raise ValueError
                date = dt.date.fromisoformat(row["date"])
            except ValueError:
                problems.append(Problem(str(path), f"line {n}", f"date must be YYYY-MM-DD; got {row['date']!r}"))
                continue
        provenance = Provenance.CONSTRUCTED
        if row.get("provenance") is not None:
            try:
                provenance = Provenance(row["provenance"])
            except (ValueError, TypeError):
                problems.append(Problem(str(path), f"line {n}", f"provenance must be one of 'real', 'constructed', 'synthetic'; got {row['provenance']!r}"))
                continue
        why = date_prefix_problem(row["text"])
        if why is not None:
            problems.append(Problem(str(path), f"line {n}", f"document {row['id']!r}: {why}"))
            continue
        docs.append(document_from_text(row["id"], row["text"], date=date, source=str(path), provenance=provenance))
    if not docs and not problems:
        problems.append(Problem(str(path), "", f"no documents in the file; expected JSONL, one document {_JSONL_ROW} per line"))
    if problems:
        raise InputError(problems)
    yield from docs


def iter_words(docs: Iterable[Document]) -> int:
    """Whitespace word count of the prose of ``docs`` (for words/s figures)."""
    return sum(len(d.body.split()) for d in docs)
