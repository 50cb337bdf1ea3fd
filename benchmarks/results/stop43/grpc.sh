#!/bin/bash
# usage: grpc.sh <checkout> <name> [benchmark options]: gRPC sequence workload, 3 latency rounds of 30 s
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
dir=$1; name=$2
cd $dir && java -jar benchmarks/target/benchmarks.jar --engines=milepost-grpc --workloads=sequence --stores=h2 --growth=none --waiting=none --warmup-seconds=10 --round-seconds=10 --latency-seconds=30 --rounds=3 --results=/tmp/s43/grpc-$name.md --work-dir=/tmp/s43/work-grpc-$name "${@:3}" > /tmp/s43/grpc-$name.log 2>&1
echo "done grpc $name $?" >> /tmp/s43/progress
