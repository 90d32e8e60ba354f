"""A pre-LayerNorm GPT with learned absolute positions, written as an *ensemble*: every weight has a leading member
axis E, so one process trains several seeds of one size at once (batched matmuls; tiny models are launch-bound).

Member weights use canonical names (see `member_weights`), shared with export.py, which builds the ONNX graph
(and its KV cache) from them. GELU is the exact erf form; LayerNorm eps 1e-5; attention scale 1/sqrt(headDim).
"""
from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

LN_EPS = 1e-5


def param_count(layers: int, d: int, vocab: int, context: int, ff_mult: int = 4) -> int:
    per_layer = 4 * d + (d * 3 * d + 3 * d) + (d * d + d) + (d * ff_mult * d + ff_mult * d) + (ff_mult * d * d + d)
    return vocab * d + context * d + layers * per_layer + 2 * d + d * vocab


class EnsembleGPT(nn.Module):
    def __init__(self, E: int, layers: int, d: int, heads: int, vocab: int, context: int, ff_mult: int = 4,
                 seeds: list[int] | None = None):
        super().__init__()
        assert d % heads == 0
        self.E, self.L, self.d, self.H, self.V, self.T, self.ff = E, layers, d, heads, vocab, context, ff_mult
        ff = ff_mult * d
        P = lambda *s: nn.Parameter(torch.zeros(E, *s))
        self.tok_emb, self.pos_emb = P(vocab, d), P(context, d)
        self.ln1_w, self.ln1_b, self.ln2_w, self.ln2_b = P(layers, d), P(layers, d), P(layers, d), P(layers, d)
        self.qkv_w, self.qkv_b = P(layers, d, 3 * d), P(layers, 3 * d)
        self.proj_w, self.proj_b = P(layers, d, d), P(layers, d)
        self.fc_w, self.fc_b = P(layers, d, ff), P(layers, ff)
        self.fc2_w, self.fc2_b = P(layers, ff, d), P(layers, d)
        self.lnf_w, self.lnf_b = P(d), P(d)
        self.head_w = P(d, vocab)
        seeds = seeds if seeds is not None else list(range(E))
        with torch.no_grad():
            for e, s in enumerate(seeds):  # each member initialised from its own seed (reproducible per seed)
                g = torch.Generator().manual_seed(1000 + s)
                n = lambda shape, std: torch.randn(shape, generator=g) * std
                self.tok_emb[e] = n((vocab, d), 0.02); self.pos_emb[e] = n((context, d), 0.02)
                self.qkv_w[e] = n((layers, d, 3 * d), 0.02); self.fc_w[e] = n((layers, d, ff), 0.02)
                self.proj_w[e] = n((layers, d, d), 0.02 / math.sqrt(2 * layers))
                self.fc2_w[e] = n((layers, ff, d), 0.02 / math.sqrt(2 * layers))
                self.head_w[e] = n((d, vocab), 0.02)
            for w in (self.ln1_w, self.ln2_w, self.lnf_w):
                w.fill_(1.0)

    def n_params(self) -> int:
        return sum(p.numel() for p in self.parameters()) // self.E

    @staticmethod
    def _lin(x, w, b):  # x [E, M, i], w [E, i, o], b [E, o]
        return torch.baddbmm(b[:, None, :], x, w)

    def _ln(self, x, w, b):  # x [E, M, d]
        return F.layer_norm(x, (self.d,), eps=LN_EPS) * w[:, None, :] + b[:, None, :]

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """ids [E, B, S] (positions 0..S-1) -> logits [E, B, S, V]."""
        E, B, S = ids.shape
        d, H = self.d, self.H
        hd = d // H
        eidx = torch.arange(E, device=ids.device)[:, None, None]
        x = self.tok_emb[eidx, ids] + self.pos_emb[:, None, :S, :]
        x = x.reshape(E, B * S, d)
        for l in range(self.L):
            h = self._ln(x, self.ln1_w[:, l], self.ln1_b[:, l])
            qkv = self._lin(h, self.qkv_w[:, l], self.qkv_b[:, l]).view(E * B, S, 3, H, hd)
            q, k, v = qkv.permute(2, 0, 3, 1, 4).unbind(0)  # [E*B, H, S, hd]
            a = _causal_attention(q, k, v)
            a = a.transpose(1, 2).reshape(E, B * S, d)
            x = x + self._lin(a, self.proj_w[:, l], self.proj_b[:, l])
            h = self._ln(x, self.ln2_w[:, l], self.ln2_b[:, l])
            h = F.gelu(self._lin(h, self.fc_w[:, l], self.fc_b[:, l]))
            x = x + self._lin(h, self.fc2_w[:, l], self.fc2_b[:, l])
        x = self._ln(x, self.lnf_w, self.lnf_b)
        return torch.bmm(x, self.head_w).view(E, B, S, self.V)

    # ---------- canonical per-member weights ----------
    def member_weights(self, e: int) -> dict[str, torch.Tensor]:
        out = {"tok_emb": self.tok_emb[e], "pos_emb": self.pos_emb[e], "lnf.w": self.lnf_w[e],
               "lnf.b": self.lnf_b[e], "head.w": self.head_w[e]}
        for l in range(self.L):
            for name, p in (("ln1.w", self.ln1_w), ("ln1.b", self.ln1_b), ("qkv.w", self.qkv_w),
                            ("qkv.b", self.qkv_b), ("proj.w", self.proj_w), ("proj.b", self.proj_b),
                            ("ln2.w", self.ln2_w), ("ln2.b", self.ln2_b), ("fc.w", self.fc_w), ("fc.b", self.fc_b),
                            ("fc2.w", self.fc2_w), ("fc2.b", self.fc2_b)):
                out[f"l{l}.{name}"] = p[e, l]
        return {k: v.detach().float().cpu().clone() for k, v in out.items()}

    @torch.no_grad()
    def load_members(self, members: list[dict[str, torch.Tensor]]):
        assert len(members) == self.E
        for e, w in enumerate(members):
            self.tok_emb[e] = w["tok_emb"]; self.pos_emb[e] = w["pos_emb"]
            self.lnf_w[e] = w["lnf.w"]; self.lnf_b[e] = w["lnf.b"]; self.head_w[e] = w["head.w"]
            for l in range(self.L):
                for name, p in (("ln1.w", self.ln1_w), ("ln1.b", self.ln1_b), ("qkv.w", self.qkv_w),
                                ("qkv.b", self.qkv_b), ("proj.w", self.proj_w), ("proj.b", self.proj_b),
                                ("ln2.w", self.ln2_w), ("ln2.b", self.ln2_b), ("fc.w", self.fc_w),
                                ("fc.b", self.fc_b), ("fc2.w", self.fc2_w), ("fc2.b", self.fc2_b)):
                    p[e, l] = w[f"l{l}.{name}"]


def _causal_attention(q, k, v):
    if hasattr(F, "scaled_dot_product_attention"):
        return F.scaled_dot_product_attention(q, k, v, is_causal=True)
    S = q.shape[-2]  # torch < 2.0 (Debian's 1.13): explicit causal softmax attention
    att = (q @ k.transpose(-1, -2)) / math.sqrt(q.shape[-1])
    mask = torch.ones(S, S, dtype=torch.bool, device=q.device).tril()
    return torch.softmax(att.masked_fill(~mask, float("-inf")), -1) @ v


QUANT_AXIS = {"tok_emb": 0, "pos_emb": 0}  # per-row for Gather tables; per-output-column (axis 1) for MatMul weights


def is_quantized(name: str) -> bool:
    return name in ("tok_emb", "pos_emb", "head.w") or name.endswith((".qkv.w", ".proj.w", ".fc.w", ".fc2.w"))


def quantize_int8(w: torch.Tensor, axis: int):
    """Symmetric per-channel int8: returns (q int8, scale float32 per channel along `axis`)."""
    red = 1 - axis
    amax = w.abs().amax(dim=red).clamp_min(1e-8)
    scale = (amax / 127.0).float()
    shape = [1, 1]; shape[axis] = -1
    q = torch.clamp(torch.round(w / scale.view(shape)), -127, 127).to(torch.int8)
    return q, scale


def dequantized(weights: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """The weights exactly as the int8 ONNX file computes with them (q * scale)."""
    out = {}
    for k, w in weights.items():
        if is_quantized(k):
            ax = QUANT_AXIS.get(k, 1)
            q, s = quantize_int8(w, ax)
            shape = [1, 1]; shape[ax] = -1
            out[k] = q.float() * s.view(shape)
        else:
            out[k] = w
    return out
