#!/bin/bash
# orders at saturation with H2's commit buffer (KB) set through -Dexp.commitKb on engine-host: 256 (as landed), 1024, 4096
for kb in 256 1024 4096 256 1024 4096; do
  n=$(ls /tmp/s43/orders-kb$kb-*.md 2>/dev/null | wc -l)
  JAVA_TOOL_OPTIONS="-Dexp.commitKb=$kb" /tmp/s43/orders.sh /tmp/exp orders-kb$kb-$((n+1))
done
