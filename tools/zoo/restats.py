"""Recompute the target statistics of the shipped zoo from manifest.json (no model is run; checksums unchanged).

usage: python3 tools/zoo/restats.py [public/models/manifest.json]
"""
from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from evaluate import target_stats  # noqa: E402
from zoo_export import clean  # noqa: E402


def main(path):
    m = json.load(open(path))
    tids = list(m["models"][0]["results"])
    st = target_stats(m["models"], tids)
    m["testbedStats"]["shippedStats"] = st
    json.dump(clean(m), open(path, "w"), indent=1)
    print(json.dumps(clean(st), indent=1))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "public", "models", "manifest.json"))
