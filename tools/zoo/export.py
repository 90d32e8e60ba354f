"""Build the contract's ONNX graph (opset 17, packed KV cache, int8 weights, dequantised in-graph) from canonical member
weights, and compute reference outputs with onnxruntime FROM THE EXPORTED FILE.

inputs:  input_ids int64 [B, S]; past_kv float32 [L, 2, B, H, P, hd]
outputs: logits float32 [B, S, V]; present_kv float32 [L, 2, B, H, P+S, hd]
"""
from __future__ import annotations

import hashlib
import math

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from model import LN_EPS, QUANT_AXIS, is_quantized, quantize_int8
from tasks import EOS_ID, encode, decode

OPSET = 17


def build_onnx(weights: dict, arch: dict) -> bytes:
    L, d, H, V = arch["layers"], arch["dModel"], arch["heads"], arch["vocabSize"]
    hd = d // H
    nodes, inits = [], []
    cnt = [0]

    def nm(p):
        cnt[0] += 1
        return f"{p}_{cnt[0]}"

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def node(op, ins, n_out=1, **attrs):
        outs = [nm(op) for _ in range(n_out)]
        nodes.append(helper.make_node(op, ins, outs, name=nm(op + "_n"), **attrs))
        return outs[0] if n_out == 1 else outs

    def weight(name):
        w = weights[name]
        if is_quantized(name):
            ax = QUANT_AXIS.get(name, 1)
            q, s = quantize_int8(w, ax)
            qn = const(name + ".q", q.numpy())
            shape = [1, 1]; shape[ax] = -1
            sn = const(name + ".scale", s.numpy().astype(np.float32).reshape(shape))
            # Dequantize as Cast(int8 -> float) * per-channel scale: bit-identical to DequantizeLinear, but
            # onnxruntime's ENABLE_ALL level fuses DequantizeLinear+MatMul into an integer kernel that quantises the
            # activations too (logits moved by ~0.04), which would make the references runtime-dependent.
            return node("Mul", [node("Cast", [qn], to=TensorProto.FLOAT), sn])
        return const(name, w.numpy().astype(np.float32))

    ids, past = "input_ids", "past_kv"
    i64 = lambda v: const(nm("c"), np.array(v, dtype=np.int64))
    f32 = lambda v: const(nm("c"), np.array(v, dtype=np.float32))
    past_shape = node("Shape", [past])
    P = node("Gather", [past_shape, i64(4)], axis=0)  # scalar
    ids_shape = node("Shape", [ids])
    S = node("Gather", [ids_shape, i64(1)], axis=0)
    PS = node("Add", [P, S])
    qpos = node("Range", [P, PS, i64(1)])  # [S]
    kpos = node("Range", [i64(0), PS, i64(1)])  # [P+S]
    allowed = node("LessOrEqual", [node("Unsqueeze", [kpos, i64([0])]), node("Unsqueeze", [qpos, i64([1])])])
    bias = node("Where", [allowed, f32(0.0), f32(-1e9)])  # [S, P+S]
    x = node("Add", [node("Gather", [weight("tok_emb"), ids], axis=0), node("Gather", [weight("pos_emb"), qpos], axis=0)])
    split_sizes = i64([d, d, d])
    shape_bshd = i64([0, 0, H, hd])
    shape_bsd = i64([0, 0, d])
    scale = f32(1.0 / math.sqrt(hd))
    presents = []

    def ln(x, p):
        return node("LayerNormalization", [x, weight(p + ".w"), weight(p + ".b")], axis=-1, epsilon=LN_EPS)

    def lin(x, p):
        return node("Add", [node("MatMul", [x, weight(p + ".w")]), weight(p + ".b")])

    for l in range(L):
        h = ln(x, f"l{l}.ln1")
        q, k, v = node("Split", [lin(h, f"l{l}.qkv"), split_sizes], n_out=3, axis=2)
        q, k, v = [node("Transpose", [node("Reshape", [t, shape_bshd])], perm=[0, 2, 1, 3]) for t in (q, k, v)]
        pl = node("Gather", [past, i64(l)], axis=0)  # [2, B, H, P, hd]
        k_all = node("Concat", [node("Gather", [pl, i64(0)], axis=0), k], axis=2)
        v_all = node("Concat", [node("Gather", [pl, i64(1)], axis=0), v], axis=2)
        presents.append(node("Unsqueeze", [node("Concat", [node("Unsqueeze", [k_all, i64([0])]),
                                                          node("Unsqueeze", [v_all, i64([0])])], axis=0), i64([0])]))
        att = node("MatMul", [q, node("Transpose", [k_all], perm=[0, 1, 3, 2])])
        att = node("Softmax", [node("Add", [node("Mul", [att, scale]), bias])], axis=-1)
        a = node("Reshape", [node("Transpose", [node("MatMul", [att, v_all])], perm=[0, 2, 1, 3]), shape_bsd])
        x = node("Add", [x, lin(a, f"l{l}.proj")])
        h = lin(ln(x, f"l{l}.ln2"), f"l{l}.fc")
        h = node("Mul", [node("Mul", [h, f32(0.5)]),
                         node("Add", [node("Erf", [node("Mul", [h, f32(1.0 / math.sqrt(2.0))])]), f32(1.0)])])
        x = node("Add", [x, lin(h, f"l{l}.fc2")])
    x = ln(x, "lnf")
    nodes.append(helper.make_node("MatMul", [x, weight("head.w")], ["logits"], name="head"))
    nodes.append(helper.make_node("Concat", presents, ["present_kv"], name="present", axis=0))
    graph = helper.make_graph(
        nodes, "t2zoo_gpt",
        [helper.make_tensor_value_info(ids, TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info(past, TensorProto.FLOAT, [L, 2, "batch", H, "past", hd])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq", V]),
         helper.make_tensor_value_info("present_kv", TensorProto.FLOAT, [L, 2, "batch", H, "total", hd])],
        inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="t2-explorer tools/zoo")
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m.SerializeToString()


def sha256(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


class OrtModel:
    def __init__(self, data: bytes, arch: dict):
        import onnxruntime as ort
        so = ort.SessionOptions(); so.intra_op_num_threads = 1
        self.sess = ort.InferenceSession(data, so, providers=["CPUExecutionProvider"])
        self.arch = arch

    def empty_past(self, B):
        a = self.arch
        return np.zeros((a["layers"], 2, B, a["heads"], 0, a["dModel"] // a["heads"]), np.float32)

    def run(self, ids: np.ndarray, past: np.ndarray):
        return self.sess.run(["logits", "present_kv"], {"input_ids": ids.astype(np.int64), "past_kv": past})

    def greedy(self, prompt: str, max_new: int) -> str:
        ids = np.array([encode(prompt)], np.int64)
        logits, past = self.run(ids, self.empty_past(1))
        out = []
        for _ in range(max_new):
            t = int(np.argmax(logits[0, -1]))
            if t == EOS_ID:
                break
            out.append(t)
            logits, past = self.run(np.array([[t]], np.int64), past)
        return decode(out)

    def check_incremental(self, prompt: str, cont: str) -> float:
        """max |logits| difference between one full forward pass and prefill + one-token-at-a-time decoding."""
        full_ids = np.array([encode(prompt + cont)], np.int64)
        full, _ = self.run(full_ids, self.empty_past(1))
        n0 = len(encode(prompt))
        lg, past = self.run(full_ids[:, :n0], self.empty_past(1))
        diffs = [np.abs(lg - full[:, :n0]).max()]
        for i in range(n0, full_ids.shape[1]):
            lg, past = self.run(full_ids[:, i:i + 1], past)
            diffs.append(np.abs(lg[:, 0] - full[:, i]).max())
        return float(max(diffs))


def reference(data: bytes, arch: dict, tasks: list[dict], n_greedy_per_task: int = 3) -> dict:
    om = OrtModel(data, arch)
    greedy = []
    for t in tasks:
        for p in t["problems"][:n_greedy_per_task]:
            greedy.append({"task": t["id"], "prompt": p["prompt"], "output": om.greedy(p["prompt"], t["maxAnswerTokens"])})
    prompt = tasks[0]["problems"][0]["prompt"]
    logits, _ = om.run(np.array([encode(prompt)], np.int64), om.empty_past(1))
    inc = om.check_incremental(prompt, tasks[0]["problems"][0]["answer"])
    return {"greedy": greedy, "logits": {"prompt": prompt, "lastPosition": [float(v) for v in logits[0, -1, :8]]},
            "incrementalMaxAbsDiff": inc}


def torch_logits(weights: dict, arch: dict, prompt: str) -> np.ndarray:
    """Reference forward pass in torch (dequantized weights), for cross-checking the ONNX graph."""
    import torch
    from model import EnsembleGPT, dequantized
    m = EnsembleGPT(1, arch["layers"], arch["dModel"], arch["heads"], arch["vocabSize"], arch["context"], arch["ffMult"])
    m.load_members([dequantized(weights)])
    with torch.no_grad():
        return m(torch.tensor([[encode(prompt)]]))[0, 0].numpy()
