"""Fuzz cec with ten thousand damaged councils and report tracebacks, hangs, reads outside, the slowest case.

    python benchmarks/fuzz.py [--variants 10000] [--workers 2] [--timeout 10] [--json out.json]

Each variant is a seeded mutation of sample-council from tests/fuzzcorpus.py (wrong types,
impossible dates, huge strings and numbers, alias bombs, deep nesting, encodings, links out, FIFOs,
devices, path traversal; the same seed always gives the same variant). Every variant goes through
`cec check`; every --second-every-th variant then goes through one of `cec publish`,
`cec calendar`, `cec export --format popolo` and `cec export` in turn (the package export, about
ten times slower than the others, every --every-export-th time its turn comes; publish the other
times), through the real CLI app, in worker processes.

Each worker runs its share of seeds in-process, with an alarm of --timeout (60) wall-clock seconds
on every run (a run blocked, on a FIFO say, would never end) and its CPU time measured (a command
using more than --slow, 10, seconds of CPU is a hang too; the wall clock alone would also count
whatever else a shared machine is doing), and an audit hook on every file opened (one outside the council,
the output folder and Python's own files is a read outside). The parent is a watchdog: a worker
silent for --timeout + 20 seconds (stuck where no alarm reaches, or killed for memory) is killed,
its current seed counted as a hang, and a new worker continues after it. Workers run with a 3 GB
address-space limit, so /dev/zero read whole would end as a MemoryError traceback, not a dead machine.

Also measured: how long the YAML reader takes to refuse alias bombs (3 to 12 levels) and deep
nesting (up to 10,000 `[`), straight from the event stream. Not part of the test suite
(tests/test_fuzz.py runs a few hundred of the same variants). docs/safety.md records a run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests"))


# --- the worker ---------------------------------------------------------------------------------

def worker(scratch: Path, seeds: list[int], timeout: int, every_export: int, slow: float, second_every: int) -> None:
    import signal

    os.environ.setdefault("_TYPER_FORCE_DISABLE_TERMINAL", "1")
    os.environ.setdefault("NO_COLOR", "1")
    from fuzzcorpus import Hang, commands_for, make_variant, remove, run_variant

    base = scratch / "base"  # made by the parent before any worker starts
    here = scratch / f"w{os.getpid()}"

    def stop(*_):
        raise Hang(f"still running after {timeout} s")

    signal.signal(signal.SIGALRM, stop)
    for seed in seeds:
        print(json.dumps({"start": seed}), flush=True)
        signal.alarm(timeout)
        try:
            variant = make_variant(base, here / "council", seed)
        except BaseException as err:  # the harness, not cec
            signal.alarm(0)
            print(json.dumps({"seed": seed, "mutations": [], "harness": f"{type(err).__name__}: {err}"}), flush=True)
            continue
        commands = commands_for(seed, every_export, second_every)
        began = time.perf_counter()
        signal.alarm(timeout)
        try:
            outcome = run_variant(variant, here / "out", commands)
            line = {"seed": seed, "mutations": outcome.mutations, "exits": outcome.exits,
                    "seconds": outcome.seconds, "cpu": outcome.cpu, "tracebacks": outcome.tracebacks,
                    "outside": outcome.outside, "canary": outcome.canary}
            if any(cpu > slow for cpu in outcome.cpu.values()):
                line["hang"] = True  # more than --slow seconds of CPU: as bad as a hang
        except Hang:
            line = {"seed": seed, "mutations": variant.mutations, "hang": True, "commands": list(commands),
                    "seconds": {"all": time.perf_counter() - began}}
        except BaseException as err:  # the harness itself (never cec: run_variant catches cec's exits)
            line = {"seed": seed, "mutations": variant.mutations, "harness": f"{type(err).__name__}: {err}"}
        finally:
            signal.alarm(0)
        remove(here / "out")
        print(json.dumps(line), flush=True)
    remove(here)


# --- the parent ---------------------------------------------------------------------------------

def bombs() -> dict:
    """Seconds the YAML reader takes to refuse alias bombs and deep nesting (refused from the events)."""
    from fuzzcorpus import _alias_bomb, _nest

    from cecli.yamlread import YamlProblem, parse

    cases = [("alias bomb", _alias_bomb(levels)) for levels in range(3, 13)]
    cases += [("nesting", "a: " + _nest(depth, style)) for depth in (65, 1000, 10_000) for style in ("flow", "open", "block")]
    times: dict[str, list[float]] = {}
    for kind, text in cases:
        for _ in range(20):
            began = time.perf_counter()
            try:
                parse(text)
                refused = False
            except YamlProblem:
                refused = True
            elapsed = time.perf_counter() - began
            if not refused:
                elapsed = float("inf")
            times.setdefault(kind, []).append(elapsed)
    return {kind: {"runs": len(values), "median_ms": statistics.median(values) * 1000,
                   "max_ms": max(values) * 1000} for kind, values in times.items()}


class Worker:
    """One worker process over a list of seeds, restarted after a seed that killed or stalled it."""

    def __init__(self, scratch: Path, seeds: list[int], args) -> None:
        self.seeds = list(seeds)  # the seeds not yet reported
        self.args = args
        self.scratch = scratch
        self.current: int | None = None
        self.killed = False
        self.start()

    def start(self) -> None:
        limit = 3 << 30

        def limits():
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        spec = ",".join(map(str, self.seeds))
        self.errors = open(self.scratch / f"worker-{self.seeds[0]}.err", "wb")
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--worker", str(self.scratch), "--seeds", spec,
             "--timeout", str(self.args.timeout), "--every-export", str(self.args.every_export),
             "--slow", str(self.args.slow), "--second-every", str(self.args.second_every)],
            stdout=subprocess.PIPE, stderr=self.errors, preexec_fn=limits, cwd=self.scratch)
        self.buffer = b""
        self.current = None
        self.killed = False
        self.last = time.monotonic()

    def finished(self, seed: int) -> None:
        if seed in self.seeds:
            self.seeds = self.seeds[self.seeds.index(seed) + 1:]
        self.current = None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=10_000)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=int, default=60,
                        help="wall-clock seconds before a run counts as a hang (blocked: it would never end)")
    parser.add_argument("--slow", type=float, default=10,
                        help="CPU seconds of one command that count as a hang (busy: an alias bomb expanding)")
    parser.add_argument("--every-export", type=int, default=3,
                        help="the package export takes every Nth of its turns (publish the others)")
    parser.add_argument("--second-every", type=int, default=2,
                        help="every Nth variant runs a second command after check (the rest check only)")
    parser.add_argument("--json", type=Path, help="write every failing case and the summary here")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seeds", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, [int(s) for s in args.seeds.split(",")], args.timeout, args.every_export, args.slow,
               args.second_every)
        return 0

    began = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="cec-fuzz-"))
    from fuzzcorpus import make_base

    make_base(scratch / "base")
    seeds = list(range(args.first_seed, args.first_seed + args.variants))
    workers = [Worker(scratch, seeds[i::args.workers], args) for i in range(args.workers)]
    results: list[dict] = []
    active = list(workers)
    while active:
        by_fd = {w.proc.stdout.fileno(): w for w in active}
        ready, _, _ = select.select(list(by_fd), [], [], 1.0)
        for fd in ready:
            w = by_fd[fd]
            chunk = os.read(fd, 1 << 16)
            w.last = time.monotonic()
            if not chunk:  # the worker ended: all done, or it died (or was killed) in a seed
                w.proc.wait()
                if w.current is not None:
                    w.errors.close()
                    said = Path(w.errors.name).read_text(errors="replace")[-2000:]
                    results.append({"seed": w.current, "hang": True, "killed": True, "mutations": [],
                                    "note": "the watchdog killed a silent worker" if w.killed else
                                    f"the worker died (exit {w.proc.returncode}): {said}"})
                    w.finished(w.current)
                if w.seeds and (w.killed or w.proc.returncode != 0 or w.current is not None):
                    w.start()
                elif w.seeds:  # ended cleanly but seeds remain: should not happen; run them
                    w.start()
                continue
            w.buffer += chunk
            *lines, w.buffer = w.buffer.split(b"\n")
            for raw in lines:
                line = json.loads(raw)
                if "start" in line:
                    w.current = line["start"]
                    continue
                results.append(line)
                w.finished(line["seed"])
                if len(results) % 500 == 0:
                    print(f"  {len(results):,} variants, {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
        for w in active:
            if w.current is not None and not w.killed and time.monotonic() - w.last > args.timeout + 20:
                w.killed = True
                w.proc.kill()
        active = [w for w in workers if w.seeds or w.proc.poll() is None]
    elapsed = time.monotonic() - began
    import shutil

    shutil.rmtree(scratch, ignore_errors=True)
    return report(results, elapsed, args)


def report(results: list[dict], elapsed: float, args) -> int:
    tracebacks = [r for r in results if r.get("tracebacks")]
    hangs = [r for r in results if r.get("hang")]
    outside = [r for r in results if r.get("outside") or r.get("canary")]
    harness = [r for r in results if r.get("harness")]
    runs: dict[str, int] = {}
    slowest = (0.0, None, None)
    busiest = (0.0, None, None)
    exits: dict[str, dict[int, int]] = {}
    for r in results:
        for command, seconds in (r.get("seconds") or {}).items():
            runs[command] = runs.get(command, 0) + 1
            if seconds > slowest[0]:
                slowest = (seconds, command, r)
        for command, cpu in (r.get("cpu") or {}).items():
            if cpu > busiest[0]:
                busiest = (cpu, command, r)
        for command, code in (r.get("exits") or {}).items():
            exits.setdefault(command, {}).setdefault(code, 0)
            exits[command][code] += 1
    refusal = bombs()
    summary = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "variants": len(results), "wall_seconds": round(elapsed), "workers": args.workers,
        "runs_per_command": runs, "exit_codes": exits,
        "tracebacks": len(tracebacks), "hangs": len(hangs), "reads_outside": len(outside),
        "runs_over_10s_wall": sum(1 for r in results for s in (r.get("seconds") or {}).values() if s > 10),
        "harness_errors": len(harness),
        "slowest": {"seconds": round(slowest[0], 3), "command": slowest[1],
                    "cpu_seconds": round((slowest[2] or {}).get("cpu", {}).get(slowest[1], 0), 3),
                    "seed": slowest[2]["seed"] if slowest[2] else None,
                    "mutations": slowest[2]["mutations"] if slowest[2] else None},
        "most_cpu": {"cpu_seconds": round(busiest[0], 3), "command": busiest[1],
                     "seed": busiest[2]["seed"] if busiest[2] else None,
                     "mutations": busiest[2]["mutations"] if busiest[2] else None},
        "median_seconds": {command: round(statistics.median(
            [r["seconds"][command] for r in results if command in (r.get("seconds") or {})]), 3) for command in runs},
        "refusal_ms": refusal,
    }
    print(json.dumps(summary, indent=2))
    for kind, items in (("traceback", tracebacks), ("hang", hangs), ("read outside", outside), ("harness", harness)):
        for r in items[:10]:
            print(f"\n{kind}: seed {r['seed']}: {r.get('mutations')}", file=sys.stderr)
            for command, text in (r.get("tracebacks") or {}).items():
                print(f"  {command}:\n{text[-1500:]}", file=sys.stderr)
            for item in (r.get("outside") or []) + (r.get("canary") or []):
                print(f"  {item}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "failures": tracebacks + hangs + outside + harness},
                                        indent=2), encoding="utf-8")
    return 1 if (tracebacks or hangs or outside or harness) else 0


if __name__ == "__main__":
    sys.exit(main())
