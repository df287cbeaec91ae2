"""Persistent caches of model outputs, in the user cache dir: (model, sentence) → embedding, and
(model, prompt, wording) → fluency score.

A person runs the tool on the same articles many times (another length, another format); each run
would embed and score the same sentences again, and load two models (torch and transformers alone
take ~2.5 s to import) to do it. When every answer is cached, neither model is loaded.

sqlite (the standard library's) keeps the rows: safe when two
runs write at once (WAL journal, a busy timeout), bounded in size (the least recently used rows go), and
never a reason for a brief to fail: any error switches the cache off for the process with one warning.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MAX_ENTRIES = 300_000  # ~470 MB of float32 384-d vectors at most; a day of a newsroom's coverage fits
DIMENSIONS = 384
SETUP_ATTEMPTS = 20  # ~10 s of retries in all, should another run be setting up the same new file


def weights_stamp(model_dir: Path) -> str:
    """Names a model's weights (path, size, time): a new or changed model never reads another's answers."""
    if model_dir.is_dir():
        weights = sorted(model_dir.glob("*.safetensors")) or sorted(model_dir.glob("*.bin")) or sorted(model_dir.glob("*.gguf"))
    else:
        weights = [model_dir]
    return ";".join(f"{w.resolve()}:{w.stat().st_size}:{int(w.stat().st_mtime)}" for w in weights if w.exists())


class VectorCache:
    """Rows of `dimensions` numbers per text in one sqlite table; `table` keeps kinds of answer apart."""

    def __init__(self, path: Path, model_id: str, max_entries: int = MAX_ENTRIES, table: str = "vectors",
                 dimensions: int = DIMENSIONS, dtype=np.float32):
        self.path = Path(path)
        self.model_id = model_id
        self.max_entries = max_entries
        self.table, self.dimensions, self.dtype = table, dimensions, np.dtype(dtype)
        self._db: sqlite3.Connection | None = None
        self._failed = False
        self.writable = True  # False: answers still come from it, new ones are not stored

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._failed:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                try:
                    self._set_up(db)
                except sqlite3.Error:
                    db.close()
                    raise
                self._db = db
            except (sqlite3.Error, OSError) as error:
                self._disable(error)
        return self._db

    def _set_up(self, db: sqlite3.Connection) -> None:
        """WAL journal and the table. Two runs opening a new file at once can both hold a read lock
        while each asks to write (switching the journal); sqlite answers one of them "locked" at once,
        without waiting out the busy timeout, so that step is retried."""
        for attempt in range(SETUP_ATTEMPTS):
            try:
                if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
                db.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (key BLOB PRIMARY KEY, vector BLOB NOT NULL, used REAL NOT NULL)")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or attempt == SETUP_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def _disable(self, error: Exception) -> None:
        log.warning("model cache (%s) off for this run (%s: %s)", self.table, self.path, error)
        self._failed, self._db = True, None

    def _key(self, text: str) -> bytes:
        return hashlib.sha1(f"{self.model_id}\0{text}".encode()).digest()

    def get(self, texts: list[str]) -> dict[int, np.ndarray]:
        """Index in `texts` → cached vector, for the texts the cache holds."""
        db = self._connect()
        if db is None or not texts:
            return {}
        keys = [self._key(text) for text in texts]
        found: dict[bytes, np.ndarray] = {}
        try:
            for start in range(0, len(keys), 500):  # sqlite's limit on query parameters
                chunk = keys[start:start + 500]
                rows = db.execute(f"SELECT key, vector FROM {self.table} WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=self.dtype)
                    if vector.shape == (self.dimensions,):
                        found[key] = vector
        except sqlite3.Error as error:
            self._disable(error)
            return {}
        return {i: found[key] for i, key in enumerate(keys) if key in found}

    def fetch(self, keys: list[str], compute: Callable[[list[int]], np.ndarray]) -> np.ndarray:
        """A row per key: from the cache where a run stored it, else from `compute(indices of the missing
        keys)`, stored for the next run."""
        cached = self.get(keys)
        missing = [i for i in range(len(keys)) if i not in cached]
        rows = np.empty((len(keys), self.dimensions), dtype=self.dtype)
        for i, row in cached.items():
            rows[i] = row
        if missing:
            rows[missing] = compute(missing)
        self.put([keys[i] for i in missing], rows[missing], hits=[keys[i] for i in cached])
        return rows

    def put(self, texts: list[str], vectors: np.ndarray, hits: list[str] = ()) -> None:
        """Store new vectors and mark `hits` as used now; then keep only the `max_entries` most recent."""
        db = self._connect() if self.writable else None
        if db is None:
            return
        now = time.time()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(f"INSERT OR REPLACE INTO {self.table} (key, vector, used) VALUES (?, ?, ?)",
                           [(self._key(t), np.asarray(v, dtype=self.dtype).reshape(-1).tobytes(), now) for t, v in zip(texts, vectors)])
            db.executemany(f"UPDATE {self.table} SET used = ? WHERE key = ?", [(now, self._key(t)) for t in hits])
            (count,) = db.execute(f"SELECT COUNT(*) FROM {self.table}").fetchone()
            if count > self.max_entries:
                db.execute(f"DELETE FROM {self.table} WHERE key IN (SELECT key FROM {self.table} ORDER BY used LIMIT ?)",
                           (count - self.max_entries,))
            db.execute("COMMIT")
        except sqlite3.Error as error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._disable(error)
