"""Fault injection: kill `kg build` at random moments, rerun it, compare with a clean build.

    python -m benchmarks.bench_faults                     # 20 kills over the seeds
    python -m benchmarks.bench_faults --kills 5 --seed 7 --articles seeds

A clean build of the articles is made first (twice, to check that a clean build is itself
reproducible), timed, and snapshotted: every named graph's triple count and order-free digest
(kg.journal.graph_digest), and the same for the default graph and the lookup index. Then, for each
kill: a fresh store, `kg build` started as its own process, SIGKILL after a random delay drawn
over one phase's window in the clean build (index, write, reasoning in turn, as its journal showed
them), the phase the build's journal was in at that moment, then
`kg build` run again to the end, and its snapshot compared with the clean one. Prints one row per
kill (delay, phase, rerun exit status, equal or the graphs that differ, what the rerun said it
repaired) and the totals: equal reruns out of kills, kills per phase.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.journal import JOURNAL, graph_digest  # noqa: E402
from kg.store.opening import INDEX_FOLDER  # noqa: E402


def snapshot(store_dir: Path) -> dict[str, str]:
    """Every named graph's digest, the default graph's, and the lookup index's (a store of its own
    in the folder's lookup-index/)."""
    store = ox.Store.read_only(str(store_dir))
    figures = {g.value: graph_digest(store, g.value) for g in store.named_graphs()}
    figures["(default graph)"] = graph_digest(store, None)
    index_dir = store_dir / INDEX_FOLDER
    if index_dir.is_dir():
        index = ox.Store.read_only(str(index_dir))
        figures["(lookup index)"] = graph_digest(index, None)
        del index
    del store
    return figures


def run_build(articles: str, store_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", articles, "--store", str(store_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def phase_of(store_dir: Path) -> str:
    try:
        return json.loads((store_dir / JOURNAL).read_text(encoding="utf-8")).get("phase", "?")
    except (OSError, ValueError):
        return "not started"


PHASES = ("index", "write", "reasoning")


def clean_build(articles: str, store_dir: Path) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """The phases' windows (seconds from the start) as the build's journal showed them, and the
    store's snapshot."""
    started = time.monotonic()
    process = run_build(articles, store_dir)
    seen: dict[str, float] = {}
    while process.poll() is None:
        seen.setdefault(phase_of(store_dir), time.monotonic() - started)
        time.sleep(0.01)
    end = time.monotonic() - started
    _, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"the clean build failed (exit {process.returncode}):\n{err[-2000:]}")
    starts = sorted((t, p) for p, t in seen.items() if p in PHASES)
    windows = {p: (t, starts[i + 1][0] if i + 1 < len(starts) else end) for i, (t, p) in enumerate(starts)}
    return windows, snapshot(store_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(ROOT / "seeds"), help="the articles to build (a folder)")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="kg-faults-"))
    try:
        windows, clean = clean_build(args.articles, work / "clean")
        _, again = clean_build(args.articles, work / "clean-again")
        print(f"clean build: {len(clean) - 1} named graphs; phases (s from start): "
              + ", ".join(f"{p} {a:.1f}-{b:.1f}" for p, (a, b) in windows.items())
              + f"; a second clean build equal to the first: {clean == again}")
        equal, phases = 0, {}
        print(f"{'kill':>4} {'after s':>8} {'phase':<12} {'rerun':>5}  result; repaired")
        for n in range(1, args.kills + 1):
            store_dir = work / f"kill-{n}"
            low, high = windows[list(windows)[n % len(windows)]]   # each phase in turn
            delay = rng.uniform(low, high)
            process = run_build(args.articles, store_dir)
            deadline = time.monotonic() + delay
            while time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.02)
            phase = phase_of(store_dir) if process.poll() is None else "finished"
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.communicate()
            phases[phase] = phases.get(phase, 0) + 1
            rerun = run_build(args.articles, store_dir)
            _, err = rerun.communicate()
            figures = snapshot(store_dir)
            differ = sorted(g for g in set(clean) | set(figures) if clean.get(g) != figures.get(g))
            equal += not differ
            repaired = [line.split("Repaired: ", 1)[1][:90] for line in err.splitlines() if "Repaired: " in line]
            result = "equal" if not differ else "DIFFERENT: " + ", ".join(differ[:3])
            print(f"{n:>4} {delay:>8.2f} {phase:<12} {rerun.returncode:>5}  {result}; {' | '.join(repaired) or '-'}",
                  flush=True)
            shutil.rmtree(store_dir, ignore_errors=True)
        print(f"\n{equal} of {args.kills} reruns equal to the clean build; kills by phase: "
              + ", ".join(f"{phase} {count}" for phase, count in sorted(phases.items())))
        return 0 if equal == args.kills else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
