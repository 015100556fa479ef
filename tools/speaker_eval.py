"""Speaker figures (entity, role, kind, gender) on the speaker gold set, with an error listing.

    python tools/speaker_eval.py                      # train part (for development), then dev
    python tools/speaker_eval.py --split train --errors entity,role   # errors of those fields
    python tools/speaker_eval.py --split train --errors all --limit 40

Develop against the train part and its errors; dev is for measuring (``quotes eval --corpus
wikinews`` reports the same figures under ``speakers``). Uses the parse cache of ``quotes eval``.
"""

from __future__ import annotations

import argparse
from collections import Counter

from quotes import corpora
from quotes.corpora.catalog import cache_home
from quotes.evaluation import speakers as measure
from quotes.evaluation.runner import SPEAKER_GOLD, predict
from quotes.extractor import Extractor


def evaluate(split: str, extractor: Extractor, wanted: set[str], limit: int) -> None:
    gold = measure.read_gold(SPEAKER_GOLD / f"wikinews-{split}.tsv")
    counts: Counter = Counter()
    listing = []
    for document in corpora.read("wikinews", split):
        if document.id not in gold:
            continue
        predicted = [measure.from_annotation(a, document.tokens) for a in predict(extractor, document)]
        counts += measure.document_counts(gold[document.id], predicted)
        for wrong, row, prediction in measure.errors(gold[document.id], predicted):
            if "all" in wanted or set(wrong.split(",")) & wanted:
                listing.append((wrong, row, prediction, document.text))
    figures = measure.scores(counts)
    found = figures["found"]
    print(f"== {split}: {found['found']} of {found['rows']} gold rows found ({100 * found['share']:.1f} %)")
    print(f"entity accuracy {figures['entity']['accuracy']:.3f}   kind accuracy {figures['kind']['accuracy']:.3f}")
    for name in ("overlap", "exact"):
        prf = figures["role"][name]
        print(f"role {name:8} P {prf['p']:.3f} R {prf['r']:.3f} F1 {prf['f1']:.3f}")
    for name in ("female", "male", "all"):
        prf = figures["gender"][name]
        print(f"gender {name:6} P {prf['p']:.3f} R {prf['r']:.3f} F1 {prf['f1']:.3f}  (tp {prf['tp']}, fp {prf['fp']}, fn {prf['fn']})")
    by_field = Counter(field for wrong, *_ in listing for field in wrong.split(","))
    if listing:
        print(f"errors listed: {len(listing)} rows; by field {dict(by_field)}")
    for wrong, row, prediction, text in listing[:limit]:
        print(f"\n[{wrong}] {row.document[:60]} #{row.quote_index} ({row.type})")
        print(f"  text:  …{_context(text, row)}…")
        print(f"  gold:  speaker {row.speaker_text!r} entity {row.entity!r} role {row.role!r} kind {row.kind} gender {row.gender or '-'}")
        if prediction is not None:
            spoken = " … ".join(text[s:e] for s, e in prediction.speaker)
            print(f"  pred:  speaker {spoken!r} entity {prediction.entity!r} role {prediction.role!r} kind {prediction.kind} "
                  f"gender {prediction.gender or '-'} (rule {prediction.rule})")


def _context(text: str, row: measure.GoldSpeaker) -> str:
    start = min([row.quote[0], *(s for s, _ in row.speaker)])
    end = max([row.quote[1], *(e for _, e in row.speaker)])
    shown = text[max(0, start - 40) : min(len(text), end + 20)].replace("\n", " ")
    return shown if len(shown) < 400 else shown[:190] + " [...] " + shown[-190:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev", "both"), default="both")
    parser.add_argument("--errors", default="", help="comma-separated fields whose errors to list: entity, role, kind, gender, missed, all")
    parser.add_argument("--limit", type=int, default=1000, help="at most this many error rows")
    args = parser.parse_args()
    extractor = Extractor(cache=cache_home() / "parses")
    wanted = {field for field in args.errors.split(",") if field}
    for split in ("train", "dev") if args.split == "both" else (args.split,):
        evaluate(split, extractor, wanted, args.limit)


if __name__ == "__main__":
    main()
