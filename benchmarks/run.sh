#!/usr/bin/env bash
# Builds engine-host and the benchmarks (Maven profile 'bench'), then runs every engine on every workload and
# writes benchmarks/RESULTS.md and benchmarks/throughput.png. Arguments go to BenchMain, e.g. --quick for a
# run of a few minutes, --engines=milepost --workloads=sequence --growth=none, --jfr. Set MILEPOST_BENCH_PG to a
# JDBC URL (jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run on PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q -Pbench -pl engine-host,benchmarks -am package -DskipTests
exec "$JAVA" -jar benchmarks/target/benchmarks.jar --command="benchmarks/run.sh $*" "$@"
