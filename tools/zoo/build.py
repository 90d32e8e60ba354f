"""One command that rebuilds the zoo: plan the grid, train (parallel processes), evaluate, export, report.

  /usr/bin/python3 tools/zoo/build.py                      # everything, device auto (cuda if available)
  /usr/bin/python3 tools/zoo/build.py --device cpu --workers 2
  /usr/bin/python3 tools/zoo/build.py --stages export       # re-export from existing checkpoints/evals

Writes checkpoints and evaluations under --work (git-ignored) and the shipped zoo (ONNX, manifest.json,
tasks.json) under --out; prints the target statistics and writes them to --work/stats.json and the manifest.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from model import param_count  # noqa: E402
from tasks import DEFAULT_CFG, ROW_LEN, V, World, tasks_json  # noqa: E402

# v3 (configs/v3.json, issue 16). (name, layers, dModel, heads, batch rows, peak lr, isoFLOP tokens/param cap,
# overtrained tokens/param). Sizes 1.7K ... 535K params (2.50 decades). Small models are step-bound on this CPU, so
# they train with larger batches (more tokens per step at nearly the same cost per step); the cap on isoFLOP tokens per
# parameter keeps each overtrained size's largest isoFLOP D 5x or more below its overtrained D.
SIZES = [  # ("s2k", 1, 8, 2, 1024, 5e-3, 6000, []) and ("s5k", 2, 12, 2, 512, 5e-3, 340, [1700]): cut, see README
         ("s17k", 2, 24, 4, 256, 4e-3, 120, [586]),
         ("s61k", 2, 48, 4, 256, 3e-3, 18, [71]),
         ("s156k", 3, 64, 4, 128, 2.5e-3, 12, []),
         ("s535k", 3, 120, 4, 128, 2e-3, 600, [])]
# 8 doubling isoFLOP levels N*D = 5.353e11 * 2^(i-7) (C = 6ND = 2.5e10 ... 3.2e12): the top level gives the 535K model
# 1M tokens (1.9 tokens/param); the bottom one gives the 1.7K model 2.5M (1,460 tokens/param).
ND_LEVELS = [5.3532e11 * 2 ** (i - 7) for i in range(8)]
TPP_MIN = 0.9  # tokens/param floor of isoFLOP cells (cells within 1 nat of chance are dropped after evaluation)
SEEDS = [0, 1]
BATCH_ROWS = None  # per size (SIZES); --batch-rows overrides


def arch_of(L, d, H):
    return {"layers": L, "dModel": d, "heads": H, "headDim": d // H, "context": ROW_LEN, "vocabSize": V, "ffMult": 4}


def plan(sizes=None, nd_levels=None, overtrained=None):
    """Runs (one per size) with their cells: isoFLOP cells at every level with TPP_MIN <= D/N <= the size's cap, and
    the size's overtrained cells (overtrained = {} drops them)."""
    runs = []
    for name, L, d, H, B, lr, cap, ot in SIZES:
        if sizes and name not in sizes:
            continue
        N = param_count(L, d, V, ROW_LEN)
        cells = []
        for nd in (nd_levels or ND_LEVELS):
            tpp = nd / N / N
            if TPP_MIN <= tpp <= cap:
                cells.append({"tokens": nd / N, "suite": "isoflop", "isoflopLevel": 6 * nd})
        for t in (ot if overtrained is None else overtrained.get(name, [])):
            cells.append({"tokens": t * N, "suite": "overtrained", "isoflopLevel": None})
        if cells:
            runs.append({"name": name, "arch": arch_of(L, d, H), "params": N, "cells": cells, "lr": lr,
                         "batchRows": B})
    return runs


def run_parallel(cmds, workers, log_dir):
    os.makedirs(log_dir, exist_ok=True)

    def one(item):
        name, cmd, env = item
        t = time.time()
        with open(os.path.join(log_dir, name + ".log"), "w") as f:
            rc = subprocess.call(cmd, stdout=f, stderr=subprocess.STDOUT, env=env)
        print(f"  {name}: rc={rc} {time.time() - t:.1f}s", flush=True)
        if rc != 0:
            print(open(os.path.join(log_dir, name + ".log")).read()[-3000:], flush=True)
        return rc

    with ThreadPoolExecutor(max_workers=workers) as ex:
        rcs = list(ex.map(one, cmds))
    if any(rcs):
        raise SystemExit(f"{sum(1 for r in rcs if r)} subprocesses failed")


def env_for(device):
    env = dict(os.environ)
    env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "PYTHONUNBUFFERED": "1"})
    return env


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--device", default=None)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--work", default=os.path.join(HERE, "work"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "..", "public", "models"))
    ap.add_argument("--stages", default="train,eval,export")
    ap.add_argument("--samples", type=int, default=64, help="largest k (and samples per problem with --sampled)")
    ap.add_argument("--sampled", action="store_true",
                    help="measure pass@k from --samples samples per problem (v1, v2) instead of computing it exactly from "
                         "the teacher-forced answer probabilities (v3)")
    ap.add_argument("--config", default=os.path.join(HERE, "configs", "v3.json"),
                    help="comma-separated JSON task configs, trained side by side as ensemble members (default: "
                         "the shipped zoo's v3)")
    ap.add_argument("--variant", type=int, default=None, help="variant to ship (default: best target score)")
    ap.add_argument("--sizes", default=None, help="comma-separated subset of size names")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--batch-rows", type=int, default=BATCH_ROWS)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply all token budgets (smoke tests)")
    ap.add_argument("--levels", default=None, help="comma-separated indices into ND_LEVELS (experiments)")
    ap.add_argument("--no-overtrained", action="store_true")
    ap.add_argument("--chance-margin", type=float, default=1.0,
                    help="cells within this many nats of chance NLL are not shipped (smoke tests: a negative value)")
    args = ap.parse_args()
    import torch
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    workers = args.workers or (8 if device.startswith("cuda") else max(1, os.cpu_count() or 1))
    cfgs = [json.load(open(p)) for p in args.config.split(",")] if args.config else [DEFAULT_CFG]
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else SEEDS
    levels = [ND_LEVELS[int(i)] for i in args.levels.split(",")] if args.levels else None
    runs = plan(args.sizes.split(",") if args.sizes else None, levels, {} if args.no_overtrained else None)
    stages = args.stages.split(",")
    os.makedirs(args.work, exist_ok=True)
    print(f"device={device} workers={workers} runs={len(runs)} checkpoints="
          f"{sum(len(r['cells']) for r in runs) * len(seeds)}", flush=True)
    timings = {}
    if "train" in stages:
        t = time.time()
        cmds = []
        # most expensive first
        for r in sorted(runs, key=lambda r: -r["params"] * max(c["tokens"] for c in r["cells"])):
            spec = {"name": r["name"], "arch": r["arch"], "seeds": seeds, "batchRows": args.batch_rows or r["batchRows"],
                    "lr": r["lr"], "weightDecay": 0.1, "warmupSteps": 100, "variants": cfgs, "device": device,
                    "budgets": [c["tokens"] * args.scale for c in r["cells"]],
                    "outDir": os.path.join(args.work, "ckpt", r["name"])}
            os.makedirs(spec["outDir"], exist_ok=True)
            p = os.path.join(spec["outDir"], "spec.json")
            json.dump(spec, open(p, "w"), indent=1)
            cmds.append((r["name"], [sys.executable, os.path.join(HERE, "train.py"), p], env_for(device)))
        print("train:", flush=True)
        run_parallel(cmds, workers, os.path.join(args.work, "logs"))
        timings["train_s"] = time.time() - t
    if "eval" in stages:
        t = time.time()
        cmds = []
        for r in runs:
            cmds.append(("eval_" + r["name"], [sys.executable, os.path.join(HERE, "eval_run.py"),
                                               os.path.join(args.work, "ckpt", r["name"]), device,
                                               str(args.samples)] + ([] if args.sampled else ["exact"]),
                         env_for(device)))
        print("eval:", flush=True)
        run_parallel(cmds, workers, os.path.join(args.work, "logs"))
        timings["eval_s"] = time.time() - t
    if "export" in stages:
        t = time.time()
        from zoo_export import export_zoo
        export_zoo(runs, args.work, args.out, cfgs, args.samples, timings, args.variant,
                   chance_margin=args.chance_margin, exact=not args.sampled)
        timings["export_s"] = time.time() - t
    print("timings", json.dumps(timings), flush=True)


if __name__ == "__main__":
    main()
