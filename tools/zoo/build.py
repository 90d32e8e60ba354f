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

# (name, layers, dModel, heads); ff multiplier 4. Sizes roughly double from one to the next: 8.2K ... 291K params
# (1.55 decades), small enough that the whole zoo trains on two CPU cores in well under an hour.
SIZES = [("s8k", 2, 16, 4), ("s17k", 2, 24, 4), ("s29k", 2, 32, 4), ("s61k", 2, 48, 4), ("s121k", 3, 56, 4),
         ("s291k", 3, 88, 4)]
ND_LEVELS = [4e10 * 2 ** i for i in range(6)]  # isoFLOP levels as N*D (doubling); C = 6*N*D = 2.4e11 ... 7.7e12
TPP_RANGE = (0.8, 600.0)  # tokens/param window for isoFLOP cells
OVERTRAINED_TPP = {"s61k": 500, "s121k": 150}  # beyond each size's isoFLOP tokens/param (340 and 88)
SEEDS = [0, 1]
BATCH_ROWS = 128
LR = {"s8k": 4e-3, "s17k": 3e-3, "s29k": 3e-3, "s61k": 3e-3, "s121k": 2.5e-3, "s291k": 2e-3}


def arch_of(L, d, H):
    return {"layers": L, "dModel": d, "heads": H, "headDim": d // H, "context": ROW_LEN, "vocabSize": V, "ffMult": 4}


def plan(sizes=None, nd_levels=None, overtrained=None):
    runs = []
    for name, L, d, H in SIZES:
        if sizes and name not in sizes:
            continue
        N = param_count(L, d, V, ROW_LEN)
        cells = []
        for nd in (nd_levels or ND_LEVELS):
            tpp = nd / N / N
            if TPP_RANGE[0] <= tpp <= TPP_RANGE[1]:
                cells.append({"tokens": nd / N, "suite": "isoflop", "isoflopLevel": 6 * nd})
        ot = (OVERTRAINED_TPP if overtrained is None else overtrained).get(name)
        if ot:
            cells.append({"tokens": ot * N, "suite": "overtrained", "isoflopLevel": None})
        if cells:
            runs.append({"name": name, "arch": arch_of(L, d, H), "params": N, "cells": cells,
                         "lr": LR[name]})
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
    ap.add_argument("--samples", type=int, default=64)
    ap.add_argument("--config", default=os.path.join(HERE, "configs", "d.json"),
                    help="comma-separated JSON task configs, trained side by side as ensemble members (default: "
                         "the shipped zoo's d)")
    ap.add_argument("--variant", type=int, default=None, help="variant to ship (default: best target score)")
    ap.add_argument("--sizes", default=None, help="comma-separated subset of size names")
    ap.add_argument("--seeds", default=None)
    ap.add_argument("--batch-rows", type=int, default=BATCH_ROWS)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply all token budgets (smoke tests)")
    ap.add_argument("--levels", default=None, help="comma-separated indices into ND_LEVELS (experiments)")
    ap.add_argument("--no-overtrained", action="store_true")
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
            spec = {"name": r["name"], "arch": r["arch"], "seeds": seeds, "batchRows": args.batch_rows,
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
                                               str(args.samples)], env_for(device)))
        print("eval:", flush=True)
        run_parallel(cmds, workers, os.path.join(args.work, "logs"))
        timings["eval_s"] = time.time() - t
    if "export" in stages:
        t = time.time()
        from zoo_export import export_zoo
        export_zoo(runs, args.work, args.out, cfgs, args.samples, timings, args.variant)
        timings["export_s"] = time.time() - t
    print("timings", json.dumps(timings), flush=True)


if __name__ == "__main__":
    main()
