"""Progress bars that tell the truth: one step per document, the total when it is known, words
per second and the time left; only when stderr is a terminal (never in logs or pipes)."""

from __future__ import annotations

import sys
import time
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], total: int | None, words: Callable[[T], int], show: bool = True, desc: str = "documents") -> Iterator[T]:
    """``items`` as they come, with a bar on stderr counting them (``words(item)`` words each)."""
    if not (show and sys.stderr.isatty()):
        yield from items
        return
    from tqdm import tqdm

    started, count = time.perf_counter(), 0
    with tqdm(total=total, desc=desc, unit="doc", file=sys.stderr, dynamic_ncols=True) as bar:
        for item in items:
            count += words(item)
            bar.set_postfix_str(f"{count / max(time.perf_counter() - started, 1e-6):,.0f} words/s", refresh=False)
            bar.update(1)
            yield item
