"""Evaluation of checkpoints on the held-out problems: answer NLL (teacher forced, answer + eos) and pass@k by the
unbiased estimator (Chen et al. 2021) from n samples per problem at temperature 1. Models are evaluated with their
int8-dequantised weights, i.e. exactly the numbers the shipped ONNX files compute with. Also: the target statistics.
"""
from __future__ import annotations

import math

import numpy as np
import torch

from model import EnsembleGPT, dequantized
from tasks import EOS_ID, encode

KS = [1, 2, 4, 8, 16, 32, 64]


def pass_at_k(n: int, c: int, k: int) -> float:
    if n - c < k:
        return 1.0
    return float(1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


@torch.no_grad()
def evaluate_members(members: list[dict], arch: dict, tasks: list[dict], n_samples: int, device, seed: int,
                     chunk: int = 4096, exact: bool = False) -> list[dict]:
    """members: canonical weights (float). Returns per member {taskId: {nll, passAtK, passAt1ByLevel, correct}}.

    exact=True (the v3 zoo): no sampling; pass@k = mean over problems of 1 - (1 - p_i)^k for k <= n_samples, with p_i
    = exp(-NLL_i) the teacher-forced probability of answer + eos. A temperature-1 sample equals answer + eos with
    probability exactly p_i, so this is the expectation of the unbiased estimator from any number of samples (its
    limit for n -> infinity): the same quantity, without the sampling noise, at the cost of one forward pass."""
    E = len(members)
    m = EnsembleGPT(E, arch["layers"], arch["dModel"], arch["heads"], arch["vocabSize"], arch["context"],
                    arch["ffMult"]).to(device)
    m.load_members([{k: v.to(device) for k, v in dequantized(w).items()} for w in members])
    m.eval()
    g = torch.Generator(device=device).manual_seed(seed)
    out = [dict() for _ in range(E)]
    for t in tasks:
        probs = t["problems"]
        nll = np.zeros((E, len(probs)))
        correct = np.zeros((E, len(probs)), dtype=np.int64)
        groups: dict[tuple, list[int]] = {}
        for i, p in enumerate(probs):
            groups.setdefault((len(encode(p["prompt"])), len(p["answer"])), []).append(i)
        for (lp, la), idx in groups.items():
            pr = torch.tensor([encode(probs[i]["prompt"]) for i in idx], device=device)
            ans = torch.tensor([encode(probs[i]["answer"]) + [EOS_ID] for i in idx], device=device)
            full = torch.cat([pr, ans], 1)[None].expand(E, -1, -1)
            lg = torch.log_softmax(m(full[:, :, :-1]).float(), -1)[:, :, lp - 1:]
            lp_tok = lg.gather(-1, ans[None].expand(E, -1, -1)[..., None])[..., 0]
            nll[:, idx] = (-lp_tok.sum(-1)).cpu().numpy()
            if exact:
                continue
            # sampling: n_samples per problem, la + 1 tokens (answer + eos), full recompute (rows are short)
            G = len(idx)
            rows = pr.repeat_interleave(n_samples, 0)  # [G*n, lp]
            target = ans.repeat_interleave(n_samples, 0)
            ok_all = []
            for s0 in range(0, rows.shape[0], chunk):
                ids = rows[s0:s0 + chunk][None].expand(E, -1, -1).contiguous()
                tg = target[s0:s0 + chunk]
                ok = torch.ones(ids.shape[:2], dtype=torch.bool, device=device)
                for step in range(la + 1):
                    logits = m(ids)[:, :, -1].float()
                    nxt = torch.multinomial(torch.softmax(logits, -1).view(-1, logits.shape[-1]), 1,
                                            generator=g).view(E, -1)
                    ok &= nxt == tg[None, :, step]
                    ids = torch.cat([ids, nxt[..., None]], -1)
                ok_all.append(ok)
            ok = torch.cat(ok_all, 1).view(E, G, n_samples).sum(-1)
            correct[:, idx] = ok.cpu().numpy()
        levels = sorted(set(p["level"] for p in probs))
        for e in range(E):
            if exact:
                pe = np.exp(-nll[e])
                pk = {str(k): float(np.mean(-np.expm1(k * np.log1p(-np.minimum(pe, 1.0 - 1e-16))))) for k in KS
                      if k <= n_samples}
                by_level = {str(lv): float(np.mean([pe[i] for i, p in enumerate(probs) if p["level"] == lv]))
                            for lv in levels}
            else:
                pk = {str(k): float(np.mean([pass_at_k(n_samples, int(c), k) for c in correct[e]])) for k in KS
                      if k <= n_samples}
                by_level = {str(lv): float(np.mean([correct[e][i] / n_samples for i, p in enumerate(probs)
                                                      if p["level"] == lv])) for lv in levels}
            p = np.exp(-nll[e])  # the model's probability of the exact answer + eos (= its pass@1 on the problem)
            out[e][t["id"]] = {"nll": float(nll[e].mean()), "passAtK": pk, "passAt1ByLevel": by_level,
                               "pInBand": float(np.mean((p >= 1 / 64) & (p <= 0.9))), "pAbove09": float(np.mean(p > 0.9))}
    return out


# ---------------- target statistics ----------------

def spearman(x, y) -> float:
    def ranks(a):
        a = np.asarray(a, float)
        order = a.argsort()
        r = np.empty(len(a))
        r[order] = np.arange(len(a))
        for v in np.unique(a):  # average ties
            sel = a == v
            r[sel] = r[sel].mean()
        return r
    rx, ry = ranks(x), ranks(y)
    if rx.std() == 0 or ry.std() == 0:
        return float("nan")
    return float(np.corrcoef(rx, ry)[0, 1])


def target_stats(models: list[dict], task_ids: list[str], ratio_tol: float = 0.25) -> dict:
    """models: manifest entries with params, tokens, trainFlops, results. Returns the issue's targets, graded."""
    st: dict = {"checkpoints": len(models)}
    Ns = sorted(set(m["params"] for m in models))
    st["sizes"] = {"min": Ns[0], "max": Ns[-1], "decades": math.log10(Ns[-1] / Ns[0])}
    tpp = [m["tokens"] / m["params"] for m in models]
    st["tokensPerParam"] = {"min": min(tpp), "max": max(tpp)}
    st["isoflopLevels"] = sorted(set(m["isoflopLevel"] for m in models if m["suite"] == "isoflop"))
    st["overtrained"] = sum(1 for m in models if m["suite"] == "overtrained")
    # cell means over seeds
    cells: dict = {}
    for m in models:
        cells.setdefault((m["params"], m["tokens"]), []).append(m)
    per_task = {}
    for t in task_ids:
        p1 = [m["results"][t]["passAtK"]["1"] for m in models]
        comp = [m["trainFlops"] for m in models]
        cell_p1 = {c: float(np.mean([m["results"][t]["passAtK"]["1"] for m in ms])) for c, ms in cells.items()}
        kmax = str(max(int(k) for k in models[0]["results"][t]["passAtK"]))
        gain = [m["results"][t]["passAtK"][kmax] - m["results"][t]["passAtK"]["1"] for m in models]
        # size pairs at (nearly) equal tokens per parameter, on cell means
        keys = list(cell_p1)
        wins = total = 0
        for a in keys:
            for b in keys:
                if a[0] < b[0] and abs(math.log((a[1] / a[0]) / (b[1] / b[0]))) <= math.log(1 + ratio_tol):
                    total += 1
                    wins += cell_p1[b] > cell_p1[a]
        wins_i = total_i = 0  # informative pairs only: at least one of the two cells has pass@1 >= 0.02
        for a in keys:
            for b in keys:
                if a[0] < b[0] and abs(math.log((a[1] / a[0]) / (b[1] / b[0]))) <= math.log(1 + ratio_tol) \
                        and max(cell_p1[a], cell_p1[b]) >= 0.02:
                    total_i += 1
                    wins_i += cell_p1[b] > cell_p1[a]
        mono = steps = 0  # per size, cell-mean pass@1 non-decreasing in D (0.01 slack)
        for N in sorted(set(k[0] for k in keys)):
            seq = [cell_p1[k] for k in sorted(k for k in keys if k[0] == N)]
            steps += len(seq) - 1
            mono += sum(seq[i + 1] >= seq[i] - 0.01 for i in range(len(seq) - 1))
        seed_sd = [float(np.std([m["results"][t]["passAtK"]["1"] for m in ms])) for ms in cells.values() if len(ms) > 1]
        per_task[t] = {"spearmanPass1Compute": spearman(comp, p1),
                       "spearmanCellMeans": spearman([6 * c[0] * c[1] for c in keys], [cell_p1[c] for c in keys]),
                       "fractionPass1InBand": float(np.mean([0.02 <= v <= 0.9 for v in p1])),
                       "fractionGain64Ge0.2": float(np.mean([g >= 0.2 for g in gain])),
                       "meanGain64": float(np.mean(gain)),
                       "largerWinsAtEqualTokensPerParam": [wins, total],
                       "largerWinsInformativePairs": [wins_i, total_i],
                       "monotoneInDSteps": [mono, steps],
                       "meanSeedSdPass1": float(np.mean(seed_sd)) if seed_sd else None,
                       "pass1Range": [float(min(p1)), float(max(p1))]}
    for t in task_ids:  # issue 16: graded questions at the overtrained points, sampling gain per checkpoint
        ot = [m for m in models if m["suite"] == "overtrained"]
        if ot and "pInBand" in ot[0]["results"][t]:
            per_task[t]["overtrainedPInBand"] = [float(min(m["results"][t]["pInBand"] for m in ot)),
                                                 float(np.mean([m["results"][t]["pInBand"] for m in ot]))]
            per_task[t]["overtrainedPAbove09"] = float(max(m["results"][t]["pAbove09"] for m in ot))
            per_task[t]["overtrainedPass1"] = [float(min(m["results"][t]["passAtK"]["1"] for m in ot)),
                                               float(max(m["results"][t]["passAtK"]["1"] for m in ot))]
        kmax = str(max(int(k) for k in models[0]["results"][t]["passAtK"]))
        per_task[t]["checkpointsGain64Ge0.2"] = [sum(1 for m in models if m["results"][t]["passAtK"][kmax]
                                                     - m["results"][t]["passAtK"]["1"] >= 0.2), len(models)]
    st["perTask"] = per_task
    kmax = str(max(int(k) for k in models[0]["results"][task_ids[0]]["passAtK"]))
    gain_any = [any(m["results"][t]["passAtK"][kmax] - m["results"][t]["passAtK"]["1"] >= 0.2 for t in task_ids)
                for m in models]
    st["fractionCheckpointsGain64Ge0.2OnSomeTask"] = float(np.mean(gain_any))
    in_band_any = [any(0.02 <= m["results"][t]["passAtK"]["1"] <= 0.9 for t in task_ids) for m in models]
    st["fractionCheckpointsInBandOnSomeTask"] = float(np.mean(in_band_any))
    w = sum(per_task[t]["largerWinsAtEqualTokensPerParam"][0] for t in task_ids)
    n = sum(per_task[t]["largerWinsAtEqualTokensPerParam"][1] for t in task_ids)
    st["largerWinsAllTasks"] = [w, n]
    st["targets"] = {
        "tasks>=3": len(task_ids) >= 3,
        "checkpoints>=20": len(models) >= 20,
        "isoflopLevels>=4": len(st["isoflopLevels"]) >= 4,
        "sizeDecades>=1.5": st["sizes"]["decades"] >= 1.5,
        "tokensPerParam~1..>=300": st["tokensPerParam"]["min"] <= 1.5 and st["tokensPerParam"]["max"] >= 300,
        "overtrained>=100tpp": any(m["suite"] == "overtrained" and m["tokens"] / m["params"] >= 100 for m in models),
        "spearman>=0.7 every task": all(per_task[t]["spearmanPass1Compute"] >= 0.7 for t in task_ids),
        "half in [0.02,0.9] on some task": st["fractionCheckpointsInBandOnSomeTask"] >= 0.5,
        "larger wins most equal-tpp pairs": n > 0 and w / n > 0.5,
        "gain64>=0.2 on >=1/3 (some task)": any(per_task[t]["fractionGain64Ge0.2"] >= 1 / 3 for t in task_ids),
        "gain64>=0.2 on >=1/3 of checkpoints (per checkpoint, on some task)":
            st["fractionCheckpointsGain64Ge0.2OnSomeTask"] >= 1 / 3,
    }
    return st
