"""Synthetic reasoning tasks, the shared character vocabulary, and the held-out evaluation sets.

Every row holds one problem aligned at position 0: prompt (ending in '=') + answer + <eos>, padded with <pad> to
ROW_LEN. Training loss is taken only on the answer tokens and the <eos>. Generators are vectorised torch code so they
run on the GPU or the CPU; all randomness comes from explicit torch.Generator / numpy seeds (bit-reproducible).

Tasks (WORLD is the fixed, seeded "world": skill permutations, fact base, held-out splits). In the aligned layout
used by the shipped zoo (configs/d.json) every prompt is 9 tokens and every answer starts at position 9, so the i-th
answer digit always reads the input digit 4 positions before the position that predicts it; mixing tasks whose
answers sit at different offsets kept small models on the chance plateau much longer (tools/zoo/README.md).
  skills  'S' + tag(3 letters) + 4 digits + '=' + the digits mapped through the tag's permutation of 0-9.
          K skills with log-uniform training frequencies p_k ~ R^(-k/(K-1)); level = frequency tercile (1 common).
  chain   'CCC' + start digit + n op digits + 'C' * (4 - n) + '=' + the n running sums mod 10; level = n (2, 3, 4)
          (config chain.width = 4; without it the older unaligned 'C' + start + ops + '=').
  facts   'F' + name(3 letters) + 4 digits x + '=' + (entity's code + x) mod 10 digit-wise. A fact base of E
          entities, entity frequencies log-uniform with ratio RF; level = frequency tercile. With
          facts.codeDigits = 1 (shipped) each entity has one secret digit added to all four: recall of a
          memorised fact composed with a shared circuit; a model unsure between a few candidate digits spreads its
          probability over whole answers, so sampling pays.
  Held-out: every evaluation prompt is excluded from training (rows whose prompt matches one get no loss).
v3 (configs/v3.json, the shipped zoo; issue 16): skills with 3 digits, facts = 'F' + name + query-form digit + '=' ->
the entity's own 3-digit code (query "paraphrase"), Zipf-like frequencies (law "zipf": rank^-a, ratio R / RF),
evaluation items drawn uniformly in log rank, per-item label noise (each training digit true with a probability drawn
from cfg noise, else uniform), no chain task. See tools/zoo/README.md "What is built (v3)".
"""
from __future__ import annotations

import json
import math

import numpy as np
import torch

PAD, EOS = "<pad>", "<eos>"
VOCAB = [PAD, EOS] + list("0123456789") + list("abcdefghijklmnopqrstuvwxyz") + list("CFS=")
PAD_ID, EOS_ID = 0, 1
DIG0 = 2  # id of '0'
LET0 = 12  # id of 'a'
C_ID, F_ID, S_ID, EQ_ID = 38, 39, 40, 41
V = len(VOCAB)
ROW_LEN = 16  # positions per row (= model context)
STOI = {s: i for i, s in enumerate(VOCAB)}

WORLD_SEED = 20261122
EVAL_SEED = 7
PROBLEMS_PER_TASK = 200

DEFAULT_CFG = {  # = configs/v3.json, the shipped zoo's (v2's was configs/d.json)
    "skills": {"K": 200, "R": 1e4, "law": "zipf", "digits": 3, "noise": [0.6, 0.95]},
    "facts": {"E": 2000, "RF": 1e4, "law": "zipf", "answerDigits": 3, "query": "paraphrase", "noise": [0.6, 0.95]},
    "mixture": {"skills": 0.5, "facts": 0.5},
}


def encode(s: str) -> list[int]:
    out, i = [], 0
    while i < len(s):
        if s.startswith(EOS, i):
            out.append(EOS_ID); i += len(EOS); continue
        if s[i] not in STOI or len(s[i]) != 1:
            raise ValueError(f"unknown char {s[i]!r}")
        out.append(STOI[s[i]]); i += 1
    return out


def decode(ids) -> str:
    return "".join(VOCAB[int(i)] for i in ids)


class World:
    """The fixed tables of all tasks, built from WORLD_SEED and a task config."""

    def __init__(self, cfg: dict | None = None):
        self.cfg = json.loads(json.dumps(cfg or DEFAULT_CFG))
        rng = np.random.default_rng(WORLD_SEED)
        K = self.cfg["skills"]["K"]
        tags = rng.choice(26 ** 3, size=K, replace=False)
        self.skill_tags = np.stack([tags // 676, (tags // 26) % 26, tags % 26], 1)  # letter indices
        self.skill_perm = np.stack([rng.permutation(10) for _ in range(K)])
        w = _freqs(K, self.cfg["skills"]["R"], self.cfg["skills"].get("law", "loguniform"))
        self.skill_p = w / w.sum()
        h = self.cfg["skills"].get("headShare", 0.0)  # extra share of skill rows for the most frequent skill
        self.skill_p = (1 - h) * self.skill_p + h * (np.arange(K) == 0)
        E = self.cfg["facts"]["E"]
        names = rng.choice(26 ** 3, size=E, replace=False)
        self.fact_names = np.stack([names // 676, (names // 26) % 26, names % 26], 1)
        self.fact_code = rng.integers(0, 10, size=(E, 4))
        if self.cfg["facts"].get("codeDigits", 4) == 1:  # one secret shift digit per entity, applied to all 4 digits
            self.fact_code = np.repeat(self.fact_code[:, :1], 4, axis=1)
        wf = _freqs(E, self.cfg["facts"]["RF"], self.cfg["facts"].get("law", "loguniform"))
        self.fact_p = wf / wf.sum()
        # v3 (configs/v3.json): answers of `digits` digits (skills) / `answerDigits` (facts) and per-item label noise
        sd = self.cfg["skills"].get("digits", 4)
        self.skill_digits = sd
        fd = self.cfg["facts"].get("answerDigits", 4)
        self.fact_digits = fd
        self.fact_query = self.cfg["facts"].get("query", "add")  # "add": v2's code + x; "paraphrase": x is ignored
        if self.fact_query == "paraphrase":
            self.fact_code = rng.integers(0, 10, size=(E, fd))  # the entity's own fd-digit answer
        lo, hi = self.cfg["skills"].get("noise", [1.0, 1.0])
        self.skill_rel = rng.uniform(lo, hi, size=K)  # per digit: label = true digit with this probability, else uniform
        lo, hi = self.cfg["facts"].get("noise", [1.0, 1.0])
        self.fact_rel = rng.uniform(lo, hi, size=E)
        self.mixture = self.cfg["mixture"]
        self._dev_cache: dict = {}

    def tensors(self, device):
        key = str(device)
        if key not in self._dev_cache:
            t = lambda a, dt=torch.long: torch.as_tensor(np.asarray(a), dtype=dt, device=device)
            self._dev_cache[key] = {
                "skill_tags": t(self.skill_tags), "skill_perm": t(self.skill_perm),
                "skill_p": t(self.skill_p, torch.float64), "fact_names": t(self.fact_names),
                "fact_code": t(self.fact_code), "fact_p": t(self.fact_p, torch.float64),
                "skill_rel": t(self.skill_rel, torch.float32), "fact_rel": t(self.fact_rel, torch.float32),
            }
        return self._dev_cache[key]

    # ---------- training rows ----------
    def _skills(self, n, g, dev):
        T = self.tensors(dev)
        k = torch.multinomial(T["skill_p"], n, replacement=True, generator=g)
        x = torch.randint(0, 10, (n, self.skill_digits), generator=g, device=dev)
        y = _noisy(T["skill_perm"][k[:, None], x], T["skill_rel"][k], g)
        pre = torch.cat([torch.full_like(k, S_ID)[:, None], T["skill_tags"][k] + LET0], 1)
        return [pre, x + DIG0, torch.full_like(k, EQ_ID)[:, None]], y + DIG0

    def _chain_n(self, n, nops, g, dev):
        s = torch.randint(0, 10, (n, 1), generator=g, device=dev)
        ops = torch.randint(0, 10, (n, nops), generator=g, device=dev)
        y = (s + torch.cumsum(ops, 1)) % 10
        lead, tail = _chain_pads(self.cfg["chain"], nops)
        c = torch.full_like(s, C_ID)
        return [*([c] * lead), s + DIG0, ops + DIG0, *([c] * tail), torch.full_like(s, EQ_ID)], y + DIG0

    def _facts(self, n, g, dev):
        T = self.tensors(dev)
        e = torch.multinomial(T["fact_p"], n, replacement=True, generator=g)
        if self.fact_query == "paraphrase":  # 'F' + name + query-form digit x + '=' -> the entity's code
            x = torch.randint(0, 10, (n, 1), generator=g, device=dev)
            y = _noisy(T["fact_code"][e], T["fact_rel"][e], g)
            pre = torch.cat([torch.full_like(e, F_ID)[:, None], T["fact_names"][e] + LET0, x + DIG0,
                             torch.full_like(e, EQ_ID)[:, None]], 1)
            return [pre], y + DIG0
        x = torch.randint(0, 10, (n, 4), generator=g, device=dev)
        y = (T["fact_code"][e] + x) % 10
        pre = torch.cat([torch.full_like(e, F_ID)[:, None], T["fact_names"][e] + LET0, x + DIG0,
                         torch.full_like(e, EQ_ID)[:, None]], 1)
        return [pre], y + DIG0

    def batch(self, n: int, g: torch.Generator, dev, exclude_keys: torch.Tensor | None = None):
        """n training rows: (ids [n, ROW_LEN], loss mask over targets [n, ROW_LEN-1])."""
        mix = self.mixture
        names = [t for t in ("skills", "chain", "facts") if mix.get(t, 0) > 0]
        probs = torch.tensor([mix[t] for t in names], dtype=torch.float64, device=dev)
        which = torch.multinomial(probs, n, replacement=True, generator=g)
        counts = torch.bincount(which, minlength=len(names)).tolist()
        rows, masks = [], []
        for t, c in zip(names, counts):
            if c == 0:
                continue
            if t == "chain":
                lv = self.cfg["chain"]["levels"]
                parts = torch.multinomial(torch.ones(len(lv), device=dev), c, replacement=True, generator=g)
                pc = torch.bincount(parts, minlength=len(lv)).tolist()
                for nops, cc in zip(lv, pc):
                    if cc:
                        r, m = _assemble(*self._chain_n(cc, nops, g, dev))
                        rows.append(r); masks.append(m)
                continue
            gen = self._skills if t == "skills" else self._facts
            r, m = _assemble(*gen(c, g, dev))
            rows.append(r); masks.append(m)
        ids = torch.cat(rows, 0)
        mask = torch.cat(masks, 0)
        if exclude_keys is not None and exclude_keys.numel():
            bad = torch.isin(prompt_keys(ids), exclude_keys)
            mask = mask & ~bad[:, None]  # a row matching an eval prompt contributes nothing
        perm = torch.randperm(ids.shape[0], generator=g, device=dev)
        return ids[perm], mask[perm]

    # ---------- held-out evaluation problems ----------
    def eval_tasks(self) -> list[dict]:
        rng = np.random.default_rng(EVAL_SEED)
        K, E = self.cfg["skills"]["K"], self.cfg["facts"]["E"]
        tasks = []
        probs = []
        sd = self.skill_digits
        slaw = self.cfg["skills"].get("law", "loguniform")
        taken: dict = {}
        seen = set()
        while len(probs) < PROBLEMS_PER_TASK:
            if slaw == "zipf":
                k = _log_rank_draw(rng, K, 10 ** sd, taken)
            else:
                k = int(rng.integers(0, K))
            x = rng.integers(0, 10, sd)
            tag = "".join(chr(97 + int(c)) for c in self.skill_tags[k])  # 3 letters
            prompt = "S" + tag + "".join(map(str, x)) + "="
            if slaw == "zipf" and prompt in seen:
                continue
            seen.add(prompt)
            probs.append({"prompt": prompt, "answer": "".join(str(int(self.skill_perm[k][d])) for d in x),
                          "level": _level_of(k, K, slaw)})
        tasks.append({"id": "skills", "name": "Skill spectrum",
                      "description": f"{K} digit-permutation skills named by 3-letter tags, trained with log-uniform "
                                     f"frequencies (ratio {self.cfg['skills']['R']:g}); level 1/2/3 = most/middle/least "
                                     f"frequent third of skills. Apply the tagged skill to {sd} digits." +
                                     _noise_note(self.cfg["skills"], "skill"),
                      "levels": [1, 2, 3], "maxAnswerTokens": sd + 1, "problems": probs})
        if self.mixture.get("chain", 0) > 0:
            tasks.append(self._chain_task(rng))
        tasks.append(self._facts_task(rng) if self.fact_query == "paraphrase" else self._facts_task_v2(rng))
        return tasks

    def _facts_task(self, rng) -> dict:
        """v3 recall: 200 distinct entities drawn uniformly (so uniformly in log training frequency), each asked in a
        query form x (one digit) that its training rows never use (the prompt is excluded from training)."""
        E, fd = self.cfg["facts"]["E"], self.fact_digits
        flaw = self.cfg["facts"].get("law", "loguniform")
        if flaw == "zipf":  # uniformly in log rank, at most 3 of an entity's 10 query forms held out
            taken: dict = {}
            ents = [_log_rank_draw(rng, E, 3, taken) for _ in range(PROBLEMS_PER_TASK)]
        else:
            ents = rng.choice(E, size=min(E, PROBLEMS_PER_TASK), replace=False)
        probs = []
        used = set()
        for e in ents:
            e = int(e); x = int(rng.integers(0, 10))
            while (e, x) in used:
                x = int(rng.integers(0, 10))
            used.add((e, x))
            name = "".join(chr(97 + int(c)) for c in self.fact_names[e])
            probs.append({"prompt": "F" + name + str(x) + "=", "answer": "".join(str(int(c)) for c in self.fact_code[e]),
                          "level": _level_of(e, E, flaw)})
        freq = (f"Zipf-like entity frequencies (rank^-a, a = {math.log(self.cfg['facts']['RF']) / math.log(E):.2f}: "
                f"ratio {self.cfg['facts']['RF']:g}); evaluation entities drawn uniformly in log rank" if flaw == "zipf"
                else f"Entity frequencies log-uniform (ratio {self.cfg['facts']['RF']:g})")
        return {"id": "facts", "name": "Fact recall (" + str(fd) + "-digit codes)",
                "description": f"A generated fact base of {E} entities (3-letter names), each with a secret {fd}-digit "
                               "code, asked as F + name + a query-form digit (ignored by the answer) + '='; answer the "
                               f"code. {freq}; every evaluation entity is asked in a query form its training rows "
                               "never use. Level = entity frequency third (1 = most frequent)." +
                               _noise_note(self.cfg["facts"], "entity"),
                "levels": [1, 2, 3], "maxAnswerTokens": fd + 1, "problems": probs}

    def _chain_task(self, rng) -> dict:
        probs = []
        lv = self.cfg["chain"]["levels"]
        for i in range(PROBLEMS_PER_TASK):
            nops = lv[i % len(lv)]
            s = int(rng.integers(0, 10)); ops = rng.integers(0, 10, nops)
            run = (s + np.cumsum(ops)) % 10
            lead, tail = _chain_pads(self.cfg["chain"], nops)
            probs.append({"prompt": "C" * lead + str(s) + "".join(map(str, ops)) + "C" * tail + "=",
                          "answer": "".join(map(str, run)), "level": nops})
        return {"id": "chain", "name": "Running-sum chain",
                "description": "Start digit then n operand digits" + (" (prompt padded with C to a fixed layout)"
                               if self.cfg["chain"].get("width") else "") +
                               "; answer the n running sums mod 10. Level = n.",
                "levels": lv, "maxAnswerTokens": max(lv) + 1, "problems": probs}

    def _facts_task_v2(self, rng) -> dict:
        E = self.cfg["facts"]["E"]
        probs = []
        for i in range(PROBLEMS_PER_TASK):
            e = int(rng.integers(0, E)); x = rng.integers(0, 10, 4)
            name = "".join(chr(97 + int(c)) for c in self.fact_names[e])
            probs.append({"prompt": "F" + name + "".join(map(str, x)) + "=",
                          "answer": "".join(str((int(c) + int(d)) % 10) for c, d in zip(self.fact_code[e], x)),
                          "level": 1 + (3 * e) // E})
        one = self.cfg["facts"].get("codeDigits", 4) == 1
        what = ("a secret digit; answer the 4 given digits each plus that digit, mod 10" if one else
                "4-digit codes; answer the entity's code plus the 4 given digits, digit-wise mod 10")
        return {"id": "facts", "name": "Fact recall (" + ("secret-digit shift" if one else "digit-wise code shift") + ")",
                "description": f"A generated fact base of {E} entities (3-letter names), each with {what}. "
                               f"Entity frequencies log-uniform (ratio {self.cfg['facts']['RF']:g}). Evaluation "
                               "prompts never occur in training. Level = entity frequency third (1 = most frequent).",
                "levels": [1, 2, 3], "maxAnswerTokens": 5, "problems": probs}

    def eval_keys(self, dev) -> torch.Tensor:
        keys = []
        for t in self.eval_tasks():
            for p in t["problems"]:
                ids = encode(p["prompt"])
                row = torch.zeros(1, ROW_LEN, dtype=torch.long)
                row[0, : len(ids)] = torch.tensor(ids)
                keys.append(int(prompt_keys(row)[0]))
        return torch.tensor(sorted(set(keys)), dtype=torch.long, device=dev)


def _freqs(n: int, ratio: float, law: str) -> np.ndarray:
    """Unnormalised training frequencies of n items, most frequent first, with max/min = ratio: 'loguniform' (v2):
    ratio^(-i/(n-1)), evenly spread in log frequency; 'zipf' (v3): rank^(-a) with a = ln(ratio)/ln(n), so most items
    are rare and a few very common (the head is learned early, the tail only with more data or capacity)."""
    if law == "zipf":
        return (np.arange(n) + 1.0) ** (-math.log(ratio) / math.log(n))
    return ratio ** (-np.arange(n) / (n - 1))


def _log_rank_draw(rng, n: int, per_item_cap: int, taken: dict) -> int:
    """An item index drawn uniformly in log rank (= uniformly in log training frequency under 'zipf'), at most
    per_item_cap times per item."""
    while True:
        i = min(n - 1, int(math.exp(rng.uniform(0.0, math.log(n)))) - 1)
        if taken.get(i, 0) < per_item_cap:
            taken[i] = taken.get(i, 0) + 1
            return i


def _level_of(i: int, n: int, law: str) -> int:
    """Level 1/2/3 = most/middle/least frequent third: of the index range (loguniform) or of log rank (zipf)."""
    if law == "zipf":
        return 1 + min(2, int(3 * math.log(i + 1) / math.log(n)))
    return 1 + (3 * i) // n


def _noise_note(c: dict, item: str) -> str:
    if "noise" not in c:
        return ""
    lo, hi = c["noise"]
    return (f" Training labels are noisy: each answer digit is the true one with a per-{item} probability drawn "
            f"uniformly from [{lo:g}, {hi:g}], else a uniform random digit; the evaluation answer is the noise-free one, "
            "so even a perfect model answers a question with probability below 1.")


def _noisy(y: torch.Tensor, rel: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """Training labels with per-item noise: each digit of y [n, d] stays with probability rel [n], else it is replaced
    by a uniform random digit (which may equal it). The evaluation answer is always the noise-free y, so a perfect model
    gets each digit right with probability rel + (1 - rel)/10: no question can be solved outright."""
    if bool((rel >= 1).all()):
        return y
    keep = torch.rand(y.shape, generator=g, device=y.device) < rel[:, None]
    rnd = torch.randint(0, 10, y.shape, generator=g, device=y.device)
    return torch.where(keep, y, rnd)


def _chain_pads(cfg: dict, nops: int) -> tuple[int, int]:
    """Leading and trailing 'C's of a chain prompt. With cfg["width"] = W (aligned layout) the prompt is
    'CCC' + start + ops + 'C' * (W - n) + '=': the start digit sits where skills' 3-letter tag ends, operand i where
    skills' input digit i sits, and the answer starts at the same position as in skills and facts, so every task
    reads its i-th input digit at the same offset from the i-th answer digit. Without it: 'C' + start + ops + '='."""
    w = cfg.get("width")
    if not w:
        return 1, 0
    assert nops <= w
    return 3, w - nops


def _assemble(prefix_parts, y):
    pre = torch.cat([p if p.dim() == 2 else p[:, None] for p in prefix_parts], 1)
    n, lp = pre.shape
    la = y.shape[1]
    ids = torch.full((n, ROW_LEN), PAD_ID, dtype=torch.long, device=pre.device)
    ids[:, :lp] = pre
    ids[:, lp:lp + la] = y
    ids[:, lp + la] = EOS_ID
    mask = torch.zeros((n, ROW_LEN - 1), dtype=torch.bool, device=pre.device)
    mask[:, lp - 1: lp + la] = True  # targets at positions lp..lp+la (answer + eos) predicted from lp-1..
    return ids, mask


def prompt_keys(ids: torch.Tensor) -> torch.Tensor:
    """Exact integer key of the prompt (tokens up to and including the first '='), 6 bits per token."""
    n, T = ids.shape
    eq = (ids == EQ_ID).int()
    upto = torch.cumsum(torch.cumsum(eq, 1), 1) <= 1  # positions before and at the first '='
    tok = torch.where(upto, ids, torch.zeros_like(ids))[:, :9]
    w = (64 ** torch.arange(tok.shape[1], device=ids.device, dtype=torch.long))
    return (tok * w).sum(1)


def tasks_json(world: World) -> dict:
    return {"version": 1, "tasks": world.eval_tasks()}


if __name__ == "__main__":
    w = World()
    g = torch.Generator().manual_seed(0)
    ids, m = w.batch(8, g, "cpu")
    for r, mm in zip(ids, m):
        print(decode(r), "".join("^" if b else "." for b in mm.tolist()))
    ts = w.eval_tasks()
    for t in ts:
        print(t["id"], t["problems"][:2])
    print("V", V, math.prod([1]))
