"""Measure the loader's precision per kind of fact on the development corpus, for kg/confidence.py.

Runs the shared scorer (../shared/eval/score.py: `kg build`, then the named queries, against the
corpus's gold facts), prints precision per kind, and with --write stores it in kg/precision.json,
where kg.confidence reads it. The figure kept is smoothed, (tp + 1) / (predicted + 2), so that six
right out of six is read as 0.88 and not as certainty.

    python -m benchmarks.measure_precision              # print the figures
    python -m benchmarks.measure_precision --write      # and store them in kg/precision.json
    python -m benchmarks.measure_precision --scores scores.json --write   # from a scorer's --json
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PRECISION_FILE = ROOT / "kg" / "precision.json"


def run_scorer(scorer: Path, corpus: Path, gold: Path, out: Path) -> dict:
    kg = Path(sys.executable).with_name("kg")
    subprocess.run([sys.executable, str(scorer), "--kg", str(kg), "--articles", str(corpus),
                    "--gold", str(gold), "--json", str(out), "--cwd", str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=1800)
    return json.loads(out.read_text(encoding="utf-8"))


def table(scores: dict, corpus_name: str) -> dict:
    kinds = {}
    for kind, row in sorted(scores["scores"].items()):
        tp, pred = int(row["tp"]), int(row["pred"])
        kinds[kind] = {"tp": tp, "predicted": pred, "raw": round(tp / pred, 3) if pred else None,
                       "precision": round((tp + 1) / (pred + 2), 3)}
    return {"measured_on": corpus_name, "smoothing": "(tp + 1) / (predicted + 2)",
            "command": "python -m benchmarks.measure_precision --write", "kinds": kinds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    parser.add_argument("--articles", type=Path, default=SHARED / "corpus" / "articles")
    parser.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold.json")
    parser.add_argument("--scores", type=Path, help="a scorer's --json output to read instead of running it")
    parser.add_argument("--write", action="store_true", help="store the figures in kg/precision.json")
    parser.add_argument("--out", type=Path, default=PRECISION_FILE, help="where --write stores them")
    args = parser.parse_args(argv)
    if args.scores is not None:
        scores = json.loads(args.scores.read_text(encoding="utf-8"))
    else:
        if not args.scorer.is_file():
            print(f"no scorer at {args.scorer}: put ../shared beside the project, or give --scorer", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="ctkg-precision-") as tmp:
            scores = run_scorer(args.scorer, args.articles, args.gold, Path(tmp) / "scores.json")
    count = len(list(args.articles.glob("*.txt"))) if args.articles.is_dir() else 0
    result = table(scores, f"development corpus ({count} reports)" if count else "development corpus")
    print(f"{'kind':24} {'tp/pred':>9} {'raw':>6} {'smoothed':>9}")
    for kind, row in result["kinds"].items():
        raw = "-" if row["raw"] is None else f"{row['raw']:.2f}"
        print(f"{kind:24} {row['tp']:>4}/{row['predicted']:<4} {raw:>6} {row['precision']:>9.2f}")
    if args.write:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(f"written to {args.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
