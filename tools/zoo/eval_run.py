"""Evaluate every checkpoint of one size (all seeds at once): usage eval_run.py CKPT_DIR DEVICE SAMPLES [exact]
(exact: pass@k from the teacher-forced answer probabilities, no sampling; see evaluate.evaluate_members)."""
from __future__ import annotations

import json
import os
import sys
import time

import torch

from evaluate import evaluate_members
from tasks import World

EVAL_SAMPLING_SEED = 4242


def main(ckpt_dir, device, samples, exact=False):
    torch.set_num_threads(1)
    spec = json.load(open(os.path.join(ckpt_dir, "spec.json")))
    log = json.load(open(os.path.join(ckpt_dir, "train_log.json")))
    variants = spec.get("variants") or [spec["world"]]
    vtasks = [World(c).eval_tasks() for c in variants]
    res = []
    for c in log["checkpoints"]:
        t = time.time()
        ck = torch.load(os.path.join(ckpt_dir, c["file"]))
        mv = ck.get("variants") or [0] * len(ck["members"])
        r = [None] * len(mv)
        for v in sorted(set(mv)):
            idx = [i for i, x in enumerate(mv) if x == v]
            rv = evaluate_members([ck["members"][i] for i in idx], spec["arch"], vtasks[v], samples, device,
                                  EVAL_SAMPLING_SEED, exact=exact)
            for i, x in zip(idx, rv):
                r[i] = x
        res.append({"file": c["file"], "results": r})
        print(c["file"], f"{time.time() - t:.1f}s",
              {k: [round(x[k]["passAtK"]["1"], 3) for x in r] for k in r[0]}, flush=True)
    json.dump(res, open(os.path.join(ckpt_dir, "eval.json"), "w"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), exact=len(sys.argv) > 4 and sys.argv[4] == "exact")
