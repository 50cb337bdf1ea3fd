#!/bin/bash
while pgrep -f /tmp/s43/grpcab.sh > /dev/null; do sleep 10; done
for kb in 1024 256; do
  n=$(ls /tmp/s43/orders-kb$kb-*.md 2>/dev/null | wc -l)
  JAVA_TOOL_OPTIONS="-Dexp.commitKb=$kb" /tmp/s43/orders.sh /tmp/exp orders-kb$kb-$((n+1))
done
