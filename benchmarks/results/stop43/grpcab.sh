#!/bin/bash
# waits for ab.sh to end, then the gRPC sequence workload with H2's commit buffer at 256 and 1024 KB, interleaved
while pgrep -f /tmp/s43/ab.sh > /dev/null; do sleep 10; done
for kb in 256 1024 1024 256; do
  n=$(ls /tmp/s43/grpc-kb$kb-*.md 2>/dev/null | wc -l)
  JAVA_TOOL_OPTIONS="-Dexp.commitKb=$kb" /tmp/s43/grpc.sh /tmp/exp kb$kb-$((n+1))
done
