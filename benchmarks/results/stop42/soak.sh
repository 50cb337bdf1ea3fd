#!/bin/bash
# usage: soak.sh <checkout> <name>: 8-minute soak at 35 orders/s, table in /tmp/s42/soak-<name>.md
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export PATH=$JAVA_HOME/bin:$PATH
dir=$1; name=$2
cd $dir && java -cp benchmarks/target/benchmarks.jar io.milepost.bench.SoakRun --soak-rate=35 --soak-minutes=8 --soak-sample-seconds=30 --soak-table=/tmp/s42/soak-$name.md > /tmp/s42/soak-$name.log 2>&1
echo "done soak $name $?" >> /tmp/s42/progress
