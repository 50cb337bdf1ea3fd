#!/bin/bash
# usage: ab.sh <name> <repo dir> : the gRPC pass (stop 24's command), results in /tmp/s45/<name>.md
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
name=$1; dir=$2
cd $dir && java -jar benchmarks/target/benchmarks.jar --engines=milepost-grpc --workloads=sequence --stores=h2 --growth=none --waiting=none --warmup-seconds=10 --round-seconds=10 --latency-seconds=12 --results=/tmp/s45/$name.md --work-dir=/tmp/s45/work-$name > /tmp/s45/$name.log 2>&1
echo "done $name $?" >> /tmp/s45/progress
rm -rf /tmp/s45/work-$name
