#!/bin/bash
# The full build on the lent GPU machine: trains, evaluates and exports, then packs everything into $OUT/zoo.tar.gz.
cd "$(dirname "$0")"
nvidia-smi -L
export PYTHONUNBUFFERED=1
timeout ${BUILD_TIMEOUT:-540} python3 build.py --config ${CONFIGS:-configs/v3.json} --work /tmp/zw \
  --out /tmp/zout $EXTRA 2>&1 | tee /tmp/build.log
mkdir -p /tmp/pack/work; cp /tmp/build.log /tmp/pack/; cp /tmp/zw/stats.json /tmp/pack/work/ 2>/dev/null
for d in /tmp/zw/ckpt/*; do n=$(basename $d); cp $d/train_log.json /tmp/pack/work/$n.train.json; cp $d/eval.json /tmp/pack/work/$n.eval.json; done 2>/dev/null
cp /tmp/zw/logs/*.log /tmp/pack/work/ 2>/dev/null
cp -r /tmp/zout /tmp/pack/models 2>/dev/null
tar czf /tmp/zoo.tar.gz -C /tmp pack; split -b 15000000 -d /tmp/zoo.tar.gz $OUT/zoo.tar.gz.part; ls -la $OUT
python3 -c "import json; s=json.load(open('/tmp/zw/stats.json')); [print(v['variant'], round(v['score'],2), json.dumps(v['stats']['perTask'])) for v in s['variants']]"
