"""Markdown tables of the shipped zoo for tools/zoo/README.md, from public/models/manifest.json alone: the cells, the
extrapolation report (recomputed here in Python from the stored points and checked against the stored figures), the
sampling gain per checkpoint and per task, and how graded the overtrained checkpoints are.

usage: python3 tools/zoo/report_tables.py [public/models/manifest.json]
"""
from __future__ import annotations

import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def pct(v):
    return "n/a" if v is None else f"{100 * v:.1f} %"


def recompute(points, pick):
    n = len(points)
    rel = sum(abs(p[pick] - p["observed"]) / p["observed"] for p in points) / n
    so = sum(p["observed"] for p in points)
    bias = (sum(p[pick] for p in points) - so) / so
    return rel, bias


def main(path):
    m = json.load(open(path))
    models = m["models"]
    tasks = list(models[0]["results"])
    kmax = str(max(m["evaluation"]["ks"]))
    out = []
    # ---- cells
    cells = defaultdict(list)
    for x in models:
        cells[(x["params"], x["tokens"], x["suite"])].append(x)
    out.append("| N | D | D/N | suite | seeds | " + " | ".join(f"{t} pass@1 / pass@{kmax} / NLL" for t in tasks) + " |")
    out.append("| --- | --- | --- | --- | --- | " + " | ".join("---" for _ in tasks) + " |")
    for (N, D, suite), xs in sorted(cells.items()):
        mean = lambda f: sum(f(x) for x in xs) / len(xs)
        cols = [f"{mean(lambda x: x['results'][t]['passAtK']['1']):.3f} / {mean(lambda x: x['results'][t]['passAtK'][kmax]):.3f} / "
                f"{mean(lambda x: x['results'][t]['nll']):.2f}" for t in tasks]
        out.append(f"| {N / 1e3:.1f}K | {D / 1e6:.2f}M | {D / N:,.0f} | {suite} | {len(xs)} | " + " | ".join(cols) + " |")
    out.append("")
    # ---- extrapolation report
    rep = (m.get("fits") or {}).get("extrapolation", {}).get("report")
    if rep:
        out.append("| scope | approach | counted points (checkpoints) | law rel. error [95 %] | law direction (bias) | "
                   "baseline rel. error [95 %] | baseline direction (bias) | law − baseline [95 %] | law beats baseline |")
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for scope, r in rep["byScope"].items():
            for name, a in (("A1 (NLL ≥ 1 nat)", r["approach1"]), ("A2 (pass@k in [0.05, 0.95])", r["approach2"])):
                if not a["points"]:
                    out.append(f"| {scope} | {name} | 0 of {a['pointsTotal']} | n/a | | | | | |")
                    continue
                for pick in ("law", "baseline"):
                    rel, bias = recompute(a["points"], pick)
                    assert abs(rel - a[pick]["meanRelativeError"]) <= 2e-5 * max(1, rel), (scope, name, pick, rel)
                    assert abs(bias - a[pick]["bias"]) <= 2e-5 * max(1, abs(bias)), (scope, name, pick, bias)
                L, B, Dd = a["law"], a["baseline"], a["lawMinusBaseline"]
                iv = lambda e: f"[{pct(e['p2_5'])}, {pct(e['p97_5'])}]"
                out.append(f"| {scope} | {name} | {a['pointsCounted']} of {a['pointsTotal']} ({a['checkpointsCounted']}) | "
                           f"{pct(L['meanRelativeError'])} {iv(L['interval'])} | {L['direction']} ({pct(L['bias'])}) | "
                           f"{pct(B['meanRelativeError'])} {iv(B['interval'])} | {B['direction']} ({pct(B['bias'])}) | "
                           f"{pct(Dd['value'])} {iv(Dd['interval'])} | {'yes' if a['beatsBaseline'] else 'no'} |")
        boot = m["fits"]["extrapolation"].get("bootstrap", {}).get("byScope", {})
        if boot:
            out.append("")
            out.append("Refit bootstrap (isoFLOP checkpoints resampled, both laws refitted, counted points only): "
                       + "; ".join(f"{s} A1 {pct(b['percentiles'].get('approach1ReportError', {}).get('p50'))} "
                                   f"[{pct(b['percentiles'].get('approach1ReportError', {}).get('p2_5'))}, "
                                   f"{pct(b['percentiles'].get('approach1ReportError', {}).get('p97_5'))}], A2 "
                                   f"{pct(b['percentiles'].get('approach2ReportError', {}).get('p50'))} "
                                   f"[{pct(b['percentiles'].get('approach2ReportError', {}).get('p2_5'))}, "
                                   f"{pct(b['percentiles'].get('approach2ReportError', {}).get('p97_5'))}]"
                                   for s, b in boot.items()))
        out.append("")
    # ---- sampling gain and gradedness
    gain = lambda x, t: x["results"][t]["passAtK"][kmax] - x["results"][t]["passAtK"]["1"]
    any_gain = sum(1 for x in models if any(gain(x, t) >= 0.2 for t in tasks))
    out.append(f"Sampling gain pass@{kmax} − pass@1 ≥ 0.2: {any_gain} of {len(models)} checkpoints "
               f"({100 * any_gain / len(models):.0f} %) on at least one task; per task: "
               + ", ".join(f"{t} {sum(1 for x in models if gain(x, t) >= 0.2)} ({100 * sum(1 for x in models if gain(x, t) >= 0.2) / len(models):.0f} %)"
                           for t in tasks) + ".")
    ot = [x for x in models if x["suite"] == "overtrained"]
    if ot and "pInBand" in ot[0]["results"][tasks[0]]:
        out.append("Overtrained checkpoints, share of questions with answer probability in [1/64, 0.9] (min–max over "
                   "checkpoints) and with p > 0.9 (max): " + "; ".join(
                       f"{t} {min(x['results'][t]['pInBand'] for x in ot):.2f}–{max(x['results'][t]['pInBand'] for x in ot):.2f}, "
                       f"> 0.9: {max(x['results'][t]['pAbove09'] for x in ot):.2f}, pass@1 "
                       f"{min(x['results'][t]['passAtK']['1'] for x in ot):.2f}–{max(x['results'][t]['passAtK']['1'] for x in ot):.2f}"
                       for t in tasks) + ".")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "public", "models", "manifest.json"))
