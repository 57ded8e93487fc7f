"""Fuzzing (issue 13): a few hundred damaged copies of sample-council through the real commands.

Every variant (tests/fuzzcorpus.py: wrong types, impossible dates, huge values, alias bombs, deep
nesting, encodings, links out, FIFOs, devices, path traversal) goes through `cec check` and one of
`cec publish`, `cec calendar`, `cec export --format popolo` and `cec export` in turn, in-process
through the CLI app, split over two forked workers. Each must end with exit 0, 1 or 2 (never 3,
never a traceback), within 10 seconds of CPU (and 60 of wall clock, so a loaded machine is not
taken for a hang; a run blocked on a FIFO never ends at all), without opening a file outside the council and its output
folder, and without the outside canary's content in any output. benchmarks/fuzz.py runs the same
corpus ten thousand times over.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from pathlib import Path

VARIANTS = 240
WORKERS = 2
EVERY_EXPORT = 3  # the package export (the slowest command) on every third variant it comes round to


def _run_share(args) -> list[dict]:
    scratch, seeds = args
    from fuzzcorpus import Hang, commands_for, make_variant, remove, run_variant

    base = Path(scratch) / "base"
    problems = []

    def stop(*_):
        raise Hang("still running after 60 s")

    signal.signal(signal.SIGALRM, stop)
    began = time.process_time()
    for seed in seeds:
        variant = make_variant(base, Path(scratch) / f"v-{seed % WORKERS}", seed)
        signal.alarm(60)
        try:
            outcome = run_variant(variant, Path(scratch) / f"out-{seed}", commands_for(seed, EVERY_EXPORT))
        except Hang:
            problems.append({"seed": seed, "mutations": variant.mutations, "hang": True})
            continue
        finally:
            signal.alarm(0)
        remove(Path(scratch) / f"out-{seed}")
        slow = {command: cpu for command, cpu in outcome.cpu.items() if cpu > 10}
        if slow:
            problems.append({"seed": seed, "mutations": outcome.mutations, "slow": slow})
        if not outcome.ok:
            problems.append({"seed": seed, "mutations": outcome.mutations, "tracebacks": outcome.tracebacks,
                             "outside": outcome.outside, "canary": outcome.canary})
    remove(Path(scratch) / f"v-{seeds[0] % WORKERS}")
    return [{"cpu": time.process_time() - began}] + problems


def test_damaged_councils_never_crash_hang_or_read_outside(tmp_path):
    from fuzzcorpus import make_base

    make_base(tmp_path / "base")
    shares = [(str(tmp_path), list(range(worker, VARIANTS, WORKERS))) for worker in range(WORKERS)]
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
        results = pool.map(_run_share, shares)
    elapsed = time.perf_counter() - began
    problems = [p for share in results for p in share[1:]]
    assert problems == [], problems[:3]
    # in under a minute on two free cores: each worker's own CPU time (the wall clock also counts
    # whatever else the machine is doing)
    cpu = max(share[0]["cpu"] for share in results)
    assert cpu < 60, f"{VARIANTS} variants took {cpu:.0f} s of CPU in the busiest worker ({elapsed:.0f} s wall)"
