"""Evaluate every checkpoint of one size (all seeds at once): usage eval_run.py CKPT_DIR DEVICE SAMPLES."""
from __future__ import annotations

import json
import os
import sys
import time

import torch

from evaluate import evaluate_members
from tasks import World

EVAL_SAMPLING_SEED = 4242


def main(ckpt_dir, device, samples):
    torch.set_num_threads(1)
    spec = json.load(open(os.path.join(ckpt_dir, "spec.json")))
    log = json.load(open(os.path.join(ckpt_dir, "train_log.json")))
    tasks = World(spec["world"]).eval_tasks()
    res = []
    for c in log["checkpoints"]:
        t = time.time()
        ck = torch.load(os.path.join(ckpt_dir, c["file"]))
        r = evaluate_members(ck["members"], spec["arch"], tasks, samples, device, EVAL_SAMPLING_SEED)
        res.append({"file": c["file"], "results": r})
        print(c["file"], f"{time.time() - t:.1f}s",
              {t["id"]: [round(x[t["id"]]["passAtK"]["1"], 3) for x in r] for t in tasks}, flush=True)
    json.dump(res, open(os.path.join(ckpt_dir, "eval.json"), "w"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
