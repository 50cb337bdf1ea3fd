#!/bin/bash
# usage: journalbytes.sh <checkout> <name>: 6-minute soak at 35 orders/s; engine-host's Prometheus scrape at 1.5 and 5.5 min
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
dir=$1; name=$2; out=/tmp/s44/scrape-$name; rm -f $out-*.txt
cd $dir && java -cp benchmarks/target/benchmarks.jar io.milepost.bench.SoakRun --soak-rate=35 --soak-minutes=6 --soak-sample-seconds=30 --soak-table=/tmp/s44/soak-$name.md > /tmp/s44/soak-$name.log 2>&1 &
sleep 90
for i in 1 2; do
  H=$(pgrep -f 'engine-host.*jar' | head -1)
  port=$(ps -o args= -p $H | grep -o 'server.port=[0-9]*' | cut -d= -f2)
  echo "$(date +%s)" > $out-$i.txt
  curl -s -u demo:demo http://127.0.0.1:$port/actuator/prometheus >> $out-$i.txt
  [ $i = 1 ] && sleep 240
done
wait
echo "done soak $name" >> /tmp/s44/progress
