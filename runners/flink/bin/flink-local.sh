#!/usr/bin/env bash
# Runs a Tributary job from the bundled jar on embedded Flink (a mini cluster inside this JVM), without
# Maven and without a cluster: the bundled jar plus the Maven-resolved Flink jars (target/flink-lib.classpath).
#
# usage: flink-local.sh <job> [job options]
#
#   flink-local.sh logs --input=data/logs --parallelism=2 --output=out/flink
#
# `--runner=FlinkRunner` is added unless the options name a runner. Console tables go to standard output,
# Flink's warnings to standard error (conf/log4j-console.properties). TRIBUTARY_JAVA_OPTS adds JVM flags
# (e.g. -Xmx2g); TRIBUTARY_FLINK_BUNDLE overrides the bundled jar.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/flink-env.sh"

if [[ $# -eq 0 || "$1" == -h || "$1" == --help ]]; then
  flink_usage
  [[ $# -eq 0 ]] && exit 2 || exit 0
fi
args=("$@")
runner_given=false
for arg in "${args[@]}"; do
  [[ "$arg" == --runner=* || "$arg" == --runner ]] && runner_given=true
done
$runner_given || args+=("--runner=FlinkRunner")

bundle="$(tributary_bundle)"
cp_flink="$(flink_lib_classpath)"
read -r -a java_opts <<< "$(flink_java_opts "$FLINK_DEFAULT_CONF")"
exec "$JAVA" "${java_opts[@]}" ${TRIBUTARY_JAVA_OPTS:-} \
  -Dlog4j.configurationFile="file:$FLINK_DEFAULT_CONF/log4j-console.properties" \
  -cp "$bundle:$cp_flink" dev.tributary.pipelines.cli.Tributary "${args[@]}"
