#!/bin/bash
# usage: orders.sh <checkout with a -Pbench build> <name> [--jfr]: the orders command, results in /tmp/s43/<name>.md
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
dir=$1; name=$2; shift 2
cd $dir && java -jar benchmarks/target/benchmarks.jar --engines=milepost-plugins --workloads=order --stores=h2 --growth=none --waiting=none --warmup-seconds=30 --round-seconds=20 --latency-seconds=20 --rounds=2 --min-instances=50 --results=/tmp/s43/$name.md --work-dir=/tmp/s43/work-$name "$@" > /tmp/s43/$name.log 2>&1
echo "done $name $?" >> /tmp/s43/progress
