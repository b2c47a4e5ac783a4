#!/usr/bin/env bash
# Submits a Tributary job in the bundled jar to a Flink cluster with `flink run`.
#
# usage: flink-run.sh [flink run options --] <job> [job options]
#
#   flink-run.sh -m 127.0.0.1:8081 -- logs --input=/abs/path/data/logs --output=/abs/path/out/run1
#   flink-run.sh logs --input=/abs/path/data/logs        (cluster address from FLINK_CONF_DIR's config.yaml)
#
# Everything before `--` goes to `flink run` (-m host:port, -p N, -d, ...); the rest is the tributary command
# line, run as `-c dev.tributary.pipelines.cli.Tributary <bundled jar> <job> [job options]`.
# `--runner=FlinkRunner` is added unless the job options name a runner.
#
# With FLINK_HOME set, $FLINK_HOME/bin/flink runs the submission (its Flink minor version should be the
# bundle's, see tributary-flink.properties in the jar). Without it, Flink's CLI entry point
# org.apache.flink.client.cli.CliFrontend runs from the Maven-resolved Flink jars
# (target/flink-lib.classpath) with FLINK_CONF_DIR (default runners/flink/conf).
#
# The job's main method runs here, in the client: paths in job options are read by the TaskManagers too,
# so give absolute paths. Console tables go to the TaskManager's standard output (its .out file); the
# client prints the summary line. The exit status is the job's (0 ok, 1 failed, 2 bad command line).
# TRIBUTARY_FLINK_BUNDLE overrides the bundled jar; TRIBUTARY_CLIENT_JAVA_OPTS adds flags to the client JVM.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/flink-env.sh"

MAIN_CLASS=dev.tributary.pipelines.cli.Tributary

flink_opts=()
job_args=("$@")
for ((i = 0; i < $#; i++)); do
  if [[ "${job_args[i]}" == "--" ]]; then
    flink_opts=("${job_args[@]:0:i}")
    job_args=("${job_args[@]:i+1}")
    break
  fi
done
if [[ ${#job_args[@]} -eq 0 ]]; then
  flink_usage >&2
  exit 2
fi
if [[ "${job_args[0]}" == -h || "${job_args[0]}" == --help ]]; then
  flink_usage
  exit 0
fi
if [[ "${job_args[0]}" == -* ]]; then
  flink_die "'${job_args[0]}' is not a job name; put flink run options before -- (see --help)"
fi
runner_given=false
for arg in "${job_args[@]}"; do
  [[ "$arg" == --runner=* || "$arg" == --runner ]] && runner_given=true
done
$runner_given || job_args+=("--runner=FlinkRunner")

bundle="$(tributary_bundle)"

if [[ -n "${FLINK_HOME:-}" ]]; then
  [[ -x "$FLINK_HOME/bin/flink" ]] || flink_die "FLINK_HOME=$FLINK_HOME has no bin/flink"
  # Beam's Flink runner works only on the Flink minor version it was built for.
  dist=("$FLINK_HOME"/lib/flink-dist*.jar)
  wanted="$(unzip -p "$bundle" tributary-flink.properties 2>/dev/null | sed -n 's/^flink\.minor=//p')"
  if [[ -f "${dist[0]}" && -n "$wanted" && "$(basename "${dist[0]}")" != *"-$wanted."* ]]; then
    echo "flink-run.sh: warning: $(basename "${dist[0]}") in FLINK_HOME, but the bundle targets Flink $wanted" >&2
  fi
  exec "$FLINK_HOME/bin/flink" run "${flink_opts[@]}" -c "$MAIN_CLASS" "$bundle" "${job_args[@]}"
fi

export FLINK_CONF_DIR="${FLINK_CONF_DIR:-$FLINK_DEFAULT_CONF}"
[[ -f "$FLINK_CONF_DIR/config.yaml" ]] || flink_die "no config.yaml in FLINK_CONF_DIR=$FLINK_CONF_DIR"
log_conf="$FLINK_CONF_DIR/log4j-console.properties"
[[ -f "$log_conf" ]] || log_conf="$FLINK_DEFAULT_CONF/log4j-console.properties"
cp_flink="$(flink_lib_classpath)"
read -r -a java_opts <<< "$(flink_java_opts "$FLINK_CONF_DIR")"
exec "$JAVA" "${java_opts[@]}" ${TRIBUTARY_CLIENT_JAVA_OPTS:-} -Dlog4j.configurationFile="file:$log_conf" \
  -cp "$cp_flink" org.apache.flink.client.cli.CliFrontend \
  run "${flink_opts[@]}" -c "$MAIN_CLASS" "$bundle" "${job_args[@]}"
