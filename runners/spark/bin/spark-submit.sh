#!/usr/bin/env bash
# Submits a Tributary job in the bundled jar to Spark.
#
#   spark-submit.sh [spark-submit options ...] -- <job> [job options ...]
#   spark-submit.sh <job> [job options ...]                  (no spark-submit options)
#
# Everything before `--` goes to spark-submit (--master, --conf, --driver-memory, ...); everything after it
# goes to `tributary` (dev.tributary.pipelines.cli.Tributary) unchanged, so name the runner there:
#
#   spark-submit.sh --master 'local[2]' -- logs --input="$PWD/data/logs" --runner=SparkRunner
#   spark-submit.sh --master spark://127.0.0.1:7077 -- logs --input=/abs/data/logs --output=/abs/out/run --runner=SparkRunner
#
# Give paths as absolute paths: on a cluster the executors do not run in your directory.
#
# With SPARK_HOME set, $SPARK_HOME/bin/spark-submit is used. Otherwise org.apache.spark.deploy.SparkSubmit runs
# here, on the Spark jars Maven resolved (target/spark-classpath.txt, linked into target/spark-home), with the
# Java 17 flags Spark's own launcher would add. In that case --driver-memory and --driver-java-options are
# applied to this JVM, and TRIBUTARY_DRIVER_JAVA_OPTS adds more JVM flags.
#
# Added unless you pass them yourself (later --conf wins): spark.driver.host and spark.driver.bindAddress
# 127.0.0.1 (stay on loopback), spark.ui.enabled=false (no driver web UI).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [[ $# -eq 0 || "$1" == "-h" || "$1" == "--help" ]]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  [[ $# -gt 0 ]] && exit 0 || exit 2
fi

spark_args=()
job_args=()
has_separator=false
for arg in "$@"; do
  [[ "$arg" == "--" ]] && has_separator=true && break
done
if $has_separator; then
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    spark_args+=("$1")
    shift
  done
  shift # the --
fi
job_args=("$@")
[[ ${#job_args[@]} -gt 0 ]] || tributary_die "usage: spark-submit.sh [spark-submit options] -- <job> [job options]"

driver_jvm=()
for ((i = 0; i < ${#spark_args[@]}; i++)); do
  case "${spark_args[$i]}" in
    --driver-memory) driver_jvm+=("-Xmx${spark_args[$((i + 1))]:-}") ;;
    --driver-memory=*) driver_jvm+=("-Xmx${spark_args[$i]#--driver-memory=}") ;;
    --driver-java-options) read -r -a opts <<< "${spark_args[$((i + 1))]:-}"; driver_jvm+=("${opts[@]}") ;;
    --driver-java-options=*) read -r -a opts <<< "${spark_args[$i]#--driver-java-options=}"; driver_jvm+=("${opts[@]}") ;;
  esac
done

jar="$(tributary_bundled_jar)"
defaults=(
  --class "$TRIBUTARY_MAIN_CLASS"
  --conf spark.driver.host=127.0.0.1
  --conf spark.driver.bindAddress=127.0.0.1
  --conf spark.ui.enabled=false
)

if [[ -n "${SPARK_HOME:-}" ]]; then
  spark_home="$(tributary_spark_home)"
  exec "$spark_home/bin/spark-submit" "${defaults[@]}" "${spark_args[@]}" "$jar" "${job_args[@]}"
fi

tributary_require_java
spark_home="$(tributary_spark_home)"
export SPARK_HOME="$spark_home"
read -r -a extra_jvm <<< "${TRIBUTARY_DRIVER_JAVA_OPTS:-}"
exec "$TRIBUTARY_JAVA" "${TRIBUTARY_SPARK_JAVA_OPTS[@]}" "${driver_jvm[@]}" "${extra_jvm[@]}" \
  -cp "$spark_home/conf:$spark_home/jars/*" org.apache.spark.deploy.SparkSubmit \
  "${defaults[@]}" "${spark_args[@]}" "$jar" "${job_args[@]}"
