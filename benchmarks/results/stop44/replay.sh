#!/bin/bash
# usage: replay.sh <checkout> <name> <seconds>: soak at 35 orders/s, kill -9 engine-host after <seconds>, then start
# engine-host again on its data dir and time it to health UP; then stop it cleanly and time a start without a journal
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
dir=$1; name=$2; secs=$3; out=/tmp/s44/replay-$name.txt; : > $out
cd $dir && java -cp benchmarks/target/benchmarks.jar io.milepost.bench.SoakRun --soak-rate=35 --soak-minutes=6 --soak-sample-seconds=30 --soak-table=/tmp/s44/rsoak-$name.md > /tmp/s44/rsoak-$name.log 2>&1 &
soak=$!
sleep $secs
H=$(pgrep -f 'engine-host.*jar' | head -1)
data=$(ps -o args= -p $H | grep -o 'milepost.data-dir=[^ ]*' | cut -d= -f2)
kill -9 $H; kill $soak; wait $soak 2>/dev/null
sleep 2
pkill -f 'engine-host.*jar'; sleep 2
du -sh $data/*.journal $data/* 2>/dev/null >> $out
ls -la $data/*.journal >> $out 2>&1
start() {
  t0=$(date +%s%N)
  java -Xmx1g -jar engine-host/target/engine-host.jar --server.port=18123 --milepost.data-dir=$data --milepost.bpmn-dir=$dir/bpmn --milepost.worker.enabled=false --milepost.grpc.port=18124 > /tmp/s44/replay-$name-$1.log 2>&1 &
  hp=$!
  until curl -sf -u demo:demo http://127.0.0.1:18123/actuator/health | grep -q '"UP"'; do sleep 0.1; done
  t1=$(date +%s%N)
  echo "$1 start to health UP: $(( (t1 - t0) / 1000000 )) ms" >> $out
  kill $hp; wait $hp
}
start crashed
start clean
grep -h "Ran again\|Started EngineHost\|Started .* in" /tmp/s44/replay-$name-*.log >> $out
echo "done replay $name" >> /tmp/s44/progress
