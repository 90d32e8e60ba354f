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
    """Training rows for all members, generated chunk-wise on the device (one generator per stream)."""

    def __init__(self, world, E, B, seed, device, excl, chunk=16):
        self.w, self.E, self.B, self.dev, self.excl, self.chunk = world, E, B, device, excl, chunk
        self.g = torch.Generator(device=device).manual_seed(seed)
        self.buf = []

    def next(self):
        if not self.buf:
            ids, mask = self.w.batch(self.E * self.B * self.chunk, self.g, self.dev, self.excl)
            ids = ids.view(self.chunk, self.E, self.B, ROW_LEN)
            mask = mask.view(self.chunk, self.E, self.B, ROW_LEN - 1)
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
    seeds = spec["seeds"]
    E, B = len(seeds), spec["batchRows"]
    world = World(spec["world"])
    excl = world.eval_keys(device)
    torch.manual_seed(seeds[0])
    model = EnsembleGPT(E, a["layers"], a["dModel"], a["heads"], V, ROW_LEN, a["ffMult"], seeds=seeds).to(device)
    opt = _opt(model, spec["lr"], spec["weightDecay"], device)
    tok_per_step = B * ROW_LEN
    budgets = sorted(spec["budgets"])  # tokens
    steps = [max(5, round(D / tok_per_step)) for D in budgets]
    branch_at = [round(0.8 * s) for s in steps]
    warm = max(5, min(spec.get("warmupSteps", 200), branch_at[0] // 2))
    trunk = Stream(world, E, B, 10_000 + 97 * seeds[0], device, excl)
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
        br = Stream(world, E, B, 20_000 + 97 * seeds[0] + 7919 * bi, device, excl)
        n_dec = S - Sb
        losses = []
        for j in range(n_dec):
            lr = lr0 * min(1.0, (step + 1) / warm) * (1.0 - (j + 1) / (n_dec + 1))
            losses.append(_step(bm, bo, br.next(), lr, clip))
        tail = torch.stack(losses[-max(1, n_dec // 5):]).mean(0).tolist() if losses else [float("nan")] * E
        name = f"b{bi}"
        torch.save({"members": [bm.member_weights(e) for e in range(E)], "seeds": seeds, "tokens": S * tok_per_step,
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
