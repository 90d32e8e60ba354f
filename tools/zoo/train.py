"""Train one model size for several seeds at once (ensemble axis) with a warmup-stable-decay schedule and one decay
branch per token budget: at 0.8*D_i the model and optimiser are copied and the copy decays linearly to 0 over
0.2*D_i; the annealed branch is the checkpoint for budget D_i. D counts row positions (rows x ROW_LEN) per member.

usage: python3 train.py SPEC.json   (spec written by build.py; see run_spec)
"""
from __future__ import annotations

import copy
import json
import os
import sys
import time

import torch

from model import EnsembleGPT
from tasks import ROW_LEN, V, World


def _opt(model, lr, wd, device):
    decay = [p for n, p in model.named_parameters() if n.endswith("_w") and not n.startswith("ln")]
    rest = [p for n, p in model.named_parameters() if not (n.endswith("_w") and not n.startswith("ln"))]
    groups = [{"params": decay, "weight_decay": wd}, {"params": rest, "weight_decay": 0.0}]
    kw = {"fused": True} if str(device).startswith("cuda") else {}
    return torch.optim.AdamW(groups, lr=lr, betas=(0.9, 0.98), eps=1e-8, **kw)


def _clip_per_member(model, max_norm):
    ps = [p for p in model.parameters() if p.grad is not None]
    sq = sum(p.grad.pow(2).flatten(1).sum(1) for p in ps)
    f = torch.clamp(max_norm / (sq.sqrt() + 1e-6), max=1.0)
    for p in ps:
        p.grad.mul_(f.view(-1, *([1] * (p.dim() - 1))))


class Stream:
    """Training rows for all members, generated chunk-wise on the device. Member e draws from worlds[e] (the task
    variant it is trained on); each variant's rows come from one generator seeded by (stream seed, variant)."""

    def __init__(self, worlds, excls, B, seed, device, chunk=16):
        self.B, self.dev, self.chunk = B, device, chunk
        self.groups = []  # (world, excl keys, number of consecutive members)
        for w, x in zip(worlds, excls):
            if self.groups and self.groups[-1][0] is w:
                self.groups[-1][2] += 1
            else:
                self.groups.append([w, x, 1])
        self.gens = [torch.Generator(device=device).manual_seed(seed + 1_000_003 * i) for i in range(len(self.groups))]
        self.buf = []

    def next(self):
        if not self.buf:
            ids_l, mask_l = [], []
            for (w, x, n), g in zip(self.groups, self.gens):
                ids, mask = w.batch(n * self.B * self.chunk, g, self.dev, x)
                ids_l.append(ids.view(self.chunk, n, self.B, ROW_LEN))
                mask_l.append(mask.view(self.chunk, n, self.B, ROW_LEN - 1))
            ids, mask = torch.cat(ids_l, 1), torch.cat(mask_l, 1)
            self.buf = list(zip(ids.unbind(0), mask.unbind(0)))[::-1]
        return self.buf.pop()


def _step(model, opt, batch, lr, clip):
    ids, mask = batch
    for gr in opt.param_groups:
        gr["lr"] = lr
    logits = model(ids[:, :, :-1])
    tgt = ids[:, :, 1:]
    nll = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1), reduction="none")
    nll = nll.view(mask.shape) * mask
    per_member = nll.sum((1, 2)) / mask.sum((1, 2)).clamp_min(1)
    opt.zero_grad(set_to_none=True)
    per_member.sum().backward()
    _clip_per_member(model, clip)
    opt.step()
    return per_member.detach()


def run_spec(spec: dict) -> dict:
    device = spec.get("device") or ("cuda" if torch.cuda.is_available() else "cpu")
    torch.set_num_threads(int(spec.get("threads", 1)))
    if device.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    a = spec["arch"]
    # members: one per (variant, seed); spec["variants"] = list of task configs, spec["seeds"] = seeds per variant
    variants = spec.get("variants") or [spec["world"]]
    vworlds = [World(c) for c in variants]
    vexcl = [w.eval_keys(device) for w in vworlds]
    members = [(v, s) for v in range(len(variants)) for s in spec["seeds"]]
    seeds = [s for _, s in members]
    worlds = [vworlds[v] for v, _ in members]
    excls = [vexcl[v] for v, _ in members]
    E, B = len(members), spec["batchRows"]
    torch.manual_seed(seeds[0])
    model = EnsembleGPT(E, a["layers"], a["dModel"], a["heads"], V, ROW_LEN, a["ffMult"], seeds=seeds).to(device)
    opt = _opt(model, spec["lr"], spec["weightDecay"], device)
    tok_per_step = B * ROW_LEN
    budgets = sorted(spec["budgets"])  # tokens
    steps = [max(5, round(D / tok_per_step)) for D in budgets]
    branch_at = [round(0.8 * s) for s in steps]
    warm = max(5, min(spec.get("warmupSteps", 200), branch_at[0] // 2))
    trunk = Stream(worlds, excls, B, 10_000 + 97 * seeds[0], device)
    lr0, clip = spec["lr"], spec.get("clip", 1.0)
    out_dir = spec["outDir"]
    os.makedirs(out_dir, exist_ok=True)
    log = {"spec": spec, "checkpoints": []}
    t0 = time.time()
    step = 0
    for bi, (S, Sb) in enumerate(zip(steps, branch_at)):
        while step < Sb:
            lr = lr0 * min(1.0, (step + 1) / warm)
            _step(model, opt, trunk.next(), lr, clip)
            step += 1
        bm = copy.deepcopy(model)
        bo = _opt(bm, lr0, spec["weightDecay"], device)
        bo.load_state_dict(copy.deepcopy(opt.state_dict()))  # Adam moments copied, not shared
        br = Stream(worlds, excls, B, 20_000 + 97 * seeds[0] + 7919 * bi, device)
        n_dec = S - Sb
        losses = []
        for j in range(n_dec):
            lr = lr0 * min(1.0, (step + 1) / warm) * (1.0 - (j + 1) / (n_dec + 1))
            losses.append(_step(bm, bo, br.next(), lr, clip))
        tail = torch.stack(losses[-max(1, n_dec // 5):]).mean(0).tolist() if losses else [float("nan")] * E
        name = f"b{bi}"
        torch.save({"members": [bm.member_weights(e) for e in range(E)], "seeds": seeds,
                    "variants": [v for v, _ in members], "tokens": S * tok_per_step,
                    "steps": S}, os.path.join(out_dir, name + ".pt"))
        log["checkpoints"].append({"file": name + ".pt", "budget": budgets[bi], "tokens": S * tok_per_step,
                                   "steps": S, "trainLossTail": tail, "elapsed_s": time.time() - t0})
        print(f"[{spec['name']}] budget {budgets[bi]:.3g} steps {S} loss {['%.3f' % x for x in tail]} "
              f"t={time.time() - t0:.1f}s", flush=True)
        del bm, bo
    log["params"] = model.n_params()
    log["seconds"] = time.time() - t0
    with open(os.path.join(out_dir, "train_log.json"), "w") as f:
        json.dump(log, f, indent=1)
    return log


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        run_spec(json.load(f))
