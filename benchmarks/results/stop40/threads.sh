#!/bin/bash
# every 5 s: time, the log's last line, per-thread CPU time of engine-host and the bench JVM
LOG=$1; OUT=$2
while true; do
  H=$(pgrep -f 'engine-host.*jar|io.milepost.host' | head -1)
  B=$(pgrep -f '^java -jar benchmarks' | head -1)
  [ -z "$B" ] && break
  echo "=== $(date +%s) $(tail -1 $LOG | cut -c1-60)" >> $OUT
  [ -n "$H" ] && ps -L -o time=,comm= -p $H | awk '{print "H", $0}' >> $OUT
  ps -L -o time=,comm= -p $B | awk '{print "B", $0}' >> $OUT
  sleep 5
done
