#!/usr/bin/env bash
# Builds the benchmark (and the transforms it measures), then runs it. Arguments go to the benchmark;
# --help lists them. Example: runners/bench/run.sh --lines=2000000
set -euo pipefail
module="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$module/../.." && pwd)"

# package (not install): transforms and the benchmark are built in this checkout; tests are skipped here,
# `mvn verify` runs them. BENCH_MVN_FLAGS=-o builds offline.
(cd "$root" && mvn -q -B ${BENCH_MVN_FLAGS:-} -pl runners/bench -am package -Dmaven.test.skip=true)

cd "$module"
exec java -Xmx512m -cp "$module/target/classes:$(cat "$module/target/bench.classpath")" \
  dev.tributary.bench.Benchmark "$@"
