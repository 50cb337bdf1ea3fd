#!/bin/bash
# usage: soakthreads.sh <checkout> <name>: 6-minute soak at 35 orders/s; engine-host's per-thread CPU at 1.5 and 5.5 min
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
dir=$1; name=$2; out=/tmp/s43/threads-$name.txt; : > $out
cd $dir && java -cp benchmarks/target/benchmarks.jar io.milepost.bench.SoakRun --soak-rate=35 --soak-minutes=6 --soak-sample-seconds=30 --soak-table=/tmp/s43/soakt-$name.md > /tmp/s43/soakt-$name.log 2>&1 &
sleep 90
for i in 1 2; do
  H=$(pgrep -f 'engine-host.*jar' | head -1)
  echo "=== $(date +%s)" >> $out
  ps -L -o time=,comm= -p $H >> $out
  [ $i = 1 ] && sleep 240
done
wait
echo "done soakt $name" >> /tmp/s43/progress
