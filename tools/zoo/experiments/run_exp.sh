#!/bin/bash
# Device experiment: three task-config variants on four sizes (isoFLOP levels 0-4, no overtrained), concurrently.
cd "$(dirname "$0")/.."
nvidia-smi -L; python3 -c "import torch, onnxruntime; print(torch.__version__, onnxruntime.__version__)"
for v in v1 v2 v3; do
  timeout ${EXP_TIMEOUT:-430} python3 build.py --config experiments/$v.json --sizes s28k,s60k,s238k,s452k \
    --levels 0,1,2,3,4 --no-overtrained --workers 4 --work /tmp/w_$v --out /tmp/o_$v > /tmp/exp_$v.log 2>&1 &
done
wait
mkdir -p /tmp/res
for v in v1 v2 v3; do
  mkdir -p /tmp/res/$v; cp /tmp/exp_$v.log /tmp/res/$v/; cp /tmp/w_$v/stats.json /tmp/res/$v/ 2>/dev/null
  for d in /tmp/w_$v/ckpt/*; do n=$(basename $d); cp $d/train_log.json /tmp/res/$v/$n.train.json 2>/dev/null; cp $d/eval.json /tmp/res/$v/$n.eval.json 2>/dev/null; done
  cp /tmp/w_$v/logs/*.log /tmp/res/$v/ 2>/dev/null
done
tar czf $OUT/exp.tar.gz -C /tmp res
tail -5 /tmp/exp_v*.log
