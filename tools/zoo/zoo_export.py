"""Export every evaluated checkpoint to ONNX (int8), compute references from the exported files with onnxruntime,
check incremental decoding against a full pass, and write manifest.json, tasks.json and the target statistics."""
from __future__ import annotations

import json
import os

import numpy as np
import torch

from evaluate import KS, target_stats
from export import build_onnx, reference, sha256, torch_logits
from tasks import EOS_ID, PAD_ID, VOCAB, ROW_LEN, World, tasks_json


def clean(x):
    """JSON for JavaScript: NaN/Infinity become null."""
    if isinstance(x, float) and not np.isfinite(x):
        return None
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    return x


def fmt_tokens(D):
    """2.5e6 -> '2p5m', 1.4e5 -> '140k', 5.3e7 -> '53m'."""
    v, unit = (D / 1e6, "m") if D >= 1e6 else (D / 1e3, "k")
    s = f"{v:.0f}" if v >= 10 else f"{v:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", "p") + unit


def collect(runs, work, variant):
    """Manifest-like entries (no ONNX yet) for every evaluated checkpoint member of one task variant."""
    entries = []
    for r in runs:
        d = os.path.join(work, "ckpt", r["name"])
        log = json.load(open(os.path.join(d, "train_log.json")))
        evals = {e["file"]: e["results"] for e in json.load(open(os.path.join(d, "eval.json")))}
        for c in log["checkpoints"]:
            # the cell of a checkpoint: the planned cell nearest to its budget (runs stopped or rerun with a subset of
            # the planned budgets keep their labels; a budget more than 5 % from every cell is a planning error)
            cell = min(r["cells"], key=lambda x: abs(np.log(x["tokens"] / c["budget"])))
            if abs(np.log(cell["tokens"] / c["budget"])) > 0.05:
                raise ValueError(f"{r['name']}: checkpoint {c['file']} (budget {c['budget']:.4g}) matches no planned cell")
            mv = c.get("variants")
            seeds = log["spec"]["seeds"]
            nv = len(log["spec"].get("variants") or [0])
            members = [(v, s) for v in range(nv) for s in seeds]
            for e, (v, seed) in enumerate(members):
                if v != variant:
                    continue
                N, D = log["params"], c["tokens"]
                res = {t: {k: x[k] for k in ("nll", "passAtK", "passAt1ByLevel", "pInBand", "pAbove09") if k in x}
                       for t, x in evals[c["file"]][e].items()}
                entries.append({"id": f"n{round(N / 1000)}k-d{fmt_tokens(D)}-s{seed}", "member": e,
                                "ckpt": os.path.join(d, c["file"]), "arch": r["arch"], "params": N, "tokens": D,
                                "seed": seed, "suite": cell["suite"], "isoflopLevel": cell["isoflopLevel"],
                                "trainFlops": 6 * N * D, "tokensPerParam": D / N, "trainSteps": c["steps"],
                                "trainLossTail": c["trainLossTail"][e], "results": res})
    return entries


CHANCE_MARGIN_NATS = 1.0  # issue 16: cells whose mean answer NLL is within this of chance are not shipped


def chance_nll(task: dict) -> float:
    """NLL of a uniform guess of the answer digits (the eos costs nothing): (maxAnswerTokens - 1) * ln 10 nats."""
    return (task["maxAnswerTokens"] - 1) * float(np.log(10.0))


def drop_near_chance(entries, tasks, margin=CHANCE_MARGIN_NATS):
    """Entries of the cells (N, D) whose seed-mean macro NLL is at least `margin` nats below the macro chance NLL, and
    the ids of the others (the chance plateau, where no law describes anything)."""
    chance = float(np.mean([chance_nll(t) for t in tasks]))
    cells: dict = {}
    for m in entries:
        cells.setdefault((m["params"], m["tokens"]), []).append(m)
    keep, dropped = [], []
    for ms in cells.values():
        macro = float(np.mean([np.mean([m["results"][t["id"]]["nll"] for t in tasks]) for m in ms]))
        (keep if macro <= chance - margin else dropped).extend(ms)
    order = {id(m): i for i, m in enumerate(entries)}
    keep.sort(key=lambda m: order[id(m)])
    return keep, sorted(m["id"] for m in dropped), chance


def score(stats):
    t = stats["targets"]
    pt = stats["perTask"].values()
    return (sum(bool(v) for v in t.values()) + stats["fractionCheckpointsInBandOnSomeTask"]
            + float(np.mean([np.nan_to_num(x["spearmanPass1Compute"] or 0.0) for x in pt])))


def export_zoo(runs, work, out, cfgs, samples, timings=None, variant=None, max_bytes=28_500_000,
               chance_margin=CHANCE_MARGIN_NATS, exact=False):
    per_variant = []
    for v, cfg in enumerate(cfgs):
        entries, _, _ = drop_near_chance(collect(runs, work, v), World(cfg).eval_tasks(), chance_margin)
        tids = [t["id"] for t in World(cfg).eval_tasks()]
        st = target_stats(entries, tids)
        per_variant.append({"variant": v, "config": cfg, "score": score(st), "stats": st})
        print(f"variant {v}: score {score(st):.2f}", json.dumps(clean(st["targets"])), flush=True)
    if variant is None:
        variant = max(per_variant, key=lambda x: x["score"])["variant"]
    cfg = cfgs[variant]
    entries, near_chance, chance = drop_near_chance(collect(runs, work, variant), World(cfg).eval_tasks(), chance_margin)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):  # the zoo directory holds only what this build writes
        if f.endswith(".onnx"):
            os.remove(os.path.join(out, f))
    world = World(cfg)
    tj = tasks_json(world)
    tasks = tj["tasks"]
    json.dump(tj, open(os.path.join(out, "tasks.json"), "w"), indent=1)
    # size budget: drop the highest seeds of the largest models first until the zoo fits (file bytes ~ 1.05 N + 8 KB)
    ship = list(entries)
    est = lambda ms: sum(1.05 * m["params"] + 8000 for m in ms)
    dropped = []
    while est(ship) > max_bytes:
        cand = max((m for m in ship if m["seed"] > 0), key=lambda m: (m["params"], m["seed"]), default=None)
        if cand is None:
            break
        ship.remove(cand); dropped.append(cand["id"])
    ship.sort(key=lambda m: (m["params"], m["tokens"], m["seed"]))
    models, checks, cache = [], [], {}
    for m in ship:
        if m["ckpt"] not in cache:
            cache.clear(); cache[m["ckpt"]] = torch.load(m["ckpt"])
        w = cache[m["ckpt"]]["members"][m["member"]]
        data = build_onnx(w, m["arch"])
        with open(os.path.join(out, m["id"] + ".onnx"), "wb") as f:
            f.write(data)
        ref = reference(data, m["arch"], tasks)
        tl = torch_logits(w, m["arch"], ref["logits"]["prompt"])
        checks.append({"id": m["id"], "incremental": ref.pop("incrementalMaxAbsDiff"),
                       "ortVsTorch": float(np.abs(np.array(ref["logits"]["lastPosition"]) - tl[-1, :8]).max())})
        e = {k: v for k, v in m.items() if k not in ("member", "ckpt", "arch")}
        e.update({"file": m["id"] + ".onnx", "sha256": sha256(data), "bytes": len(data), "dtype": "int8",
                  "architecture": m["arch"], "reference": ref})
        models.append(e)
    while sum(m["bytes"] for m in models) > max_bytes:  # exact check on the written files
        cand = max((m for m in models if m["seed"] > 0), key=lambda m: (m["params"], m["seed"]))
        models.remove(cand); dropped.append(cand["id"]); os.remove(os.path.join(out, cand["file"]))
    stats = per_variant[variant]["stats"]
    stats["shippedVariant"] = variant
    stats["droppedForSize"] = dropped
    stats["droppedNearChance"] = {"rule": f"cells (N, D) whose seed-mean macro answer NLL is within {chance_margin:g} "
                                          f"nat of the macro chance NLL ({chance:.3f} nats) are not shipped",
                                  "ids": near_chance}
    stats["exportChecks"] = {"maxIncrementalVsFull": max(c["incremental"] for c in checks),
                             "maxOrtVsTorch": max(c["ortVsTorch"] for c in checks)}
    stats["zooBytes"] = sum(m["bytes"] for m in models)
    stats["buildTimings"] = timings
    stats["shippedStats"] = target_stats(models, [t["id"] for t in tasks])
    manifest = {
        "version": 1, "createdBy": "tools/zoo", "vocab": VOCAB, "specialTokens": {"pad": PAD_ID, "eos": EOS_ID},
        "context": ROW_LEN,
        "evaluation": {"temperature": 1.0, "samplesPerProblem": samples, "problemsPerTask": len(tasks[0]["problems"]),
                       "ks": [k for k in KS if k <= samples], "seed": 4242,
                       "weights": "int8-dequantised weights (the numbers the ONNX files compute with)",
                       "correct": "the sampled continuation equals answer + eos",
                       **({"passAtK": "exact, not sampled: mean over problems of 1 - (1 - p_i)^k, p_i = the "
                                      "teacher-forced probability of answer + eos (a temperature-1 sample equals answer + "
                                      "eos with probability p_i, so this is the expectation of the unbiased estimator from "
                                      "any number of samples); samplesPerProblem is the largest k",
                           "passAt1ByLevel": "mean p_i over the level's problems"} if exact else {}),
                       "maxAnswerTokens": "counts the eos: at most maxAnswerTokens generated tokens (answer + eos)",
                       "greedyReference": "argmax decoding from the prompt with the KV cache for at most "
                                          "maxAnswerTokens steps, stopping at eos; output excludes the eos",
                       "nll": "mean over problems of -log p(answer + eos | prompt), nats"},
        "tokensDefinition": "training tokens D = rows x 16 positions per row (one problem per row, padded); loss "
                            "only on answer tokens + eos",
        "taskConfig": cfg, "models": models, "testbedStats": stats, "fits": None,
    }
    manifest = clean(manifest)
    json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=1)
    json.dump(clean({"variants": per_variant, "checks": checks, "timings": timings}),
              open(os.path.join(work, "stats.json"), "w"), indent=1)
    print(json.dumps(clean(stats), indent=1), flush=True)
    return manifest
