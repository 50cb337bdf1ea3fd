#!/bin/bash
# usage: schedprobe.sh <bench log> <out>: once the bench log shows saturation round 3, reads every engine-host and
# bench-JVM thread's /proc schedstat (ns on CPU, ns waiting for a CPU, slices) and again after latency round 3.
log=$1; out=$2
snap() { # $1 label
  for p in $(pgrep -f 'engine-host.jar') $(pgrep -f 'benchmarks.jar'); do
    for t in /proc/$p/task/*; do
      echo "$1 $p $(cat $t/comm 2>/dev/null | tr ' ' '_') $(cat $t/schedstat 2>/dev/null)"
    done
  done
}
until grep -q 'saturation round 3' $log; do sleep 0.5; done
sleep 2; snap A > $out.a; date +%s.%N > $out.ta
until grep -q 'latency round 3' $log; do sleep 0.2; done
snap B > $out.b; date +%s.%N > $out.tb
