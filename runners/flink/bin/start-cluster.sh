#!/usr/bin/env bash
# Starts a Flink session cluster on 127.0.0.1 from the Maven-resolved Flink jars (no Flink distribution
# needed): one JobManager (StandaloneSessionClusterEntrypoint) and one TaskManager (TaskManagerRunner), in
# the background. Returns once the REST API answers and the TaskManager has registered.
#
# usage: start-cluster.sh [--dir DIR] [--conf DIR] [--rest-port N] [--rpc-port N] [--blob-port N]
#                         [--timeout SECONDS] [-D key=value ...]
#
#   --dir        working folder: PID file (cluster.pids), log/ and tmp/ (default runners/flink/target/cluster)
#   --conf       folder with config.yaml and log4j.properties (default runners/flink/conf)
#   --rest-port  REST API and web UI port (default: rest.port in config.yaml, 8081)
#   --rpc-port   JobManager RPC port (default: jobmanager.rpc.port, 6123)
#   --blob-port  JobManager blob server port (default: blob.server.port, 6124)
#   --timeout    how long to wait for the cluster (default 90)
#   -D key=value any other Flink option, for both processes
#
# Stop it with stop-cluster.sh --dir DIR, which ends exactly the processes whose PIDs this script recorded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/flink-env.sh"

dir="$FLINK_MODULE_DIR/target/cluster"
conf="$FLINK_DEFAULT_CONF"
rest_port=""
timeout=90
dynamic=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --conf) conf="$2"; shift 2 ;;
    --rest-port) rest_port="$2"; dynamic+=(-D "rest.port=$2"); shift 2 ;;
    --rpc-port) dynamic+=(-D "jobmanager.rpc.port=$2"); shift 2 ;;
    --blob-port) dynamic+=(-D "blob.server.port=$2"); shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -D) dynamic+=(-D "$2"); shift 2 ;;
    -D*) dynamic+=(-D "${1#-D}"); shift ;;
    -h|--help) flink_usage; exit 0 ;;
    *) flink_die "unknown argument '$1' (see --help)" ;;
  esac
done

[[ -f "$conf/config.yaml" ]] || flink_die "no config.yaml in $conf"
command -v curl > /dev/null || flink_die "curl is needed to wait for the REST API"
if [[ -z "$rest_port" ]]; then
  rest_port="$(sed -n 's/^rest\.port:[[:space:]]*\([0-9]*\).*/\1/p' "$conf/config.yaml" | head -n 1)"
  rest_port="${rest_port:-8081}"
fi
conf="$(cd "$conf" && pwd)"
mkdir -p "$dir/log" "$dir/tmp" "$dir/plugins"
dir="$(cd "$dir" && pwd)"
pid_file="$dir/cluster.pids"
rest_url="http://127.0.0.1:$rest_port"

# Refuse to start twice, or next to something else on the REST port.
if [[ -s "$pid_file" ]]; then
  while read -r _ pid; do
    if kill -0 "$pid" 2>/dev/null; then
      flink_die "a cluster started from $dir is still running (PID $pid); run stop-cluster.sh --dir $dir"
    fi
  done < "$pid_file"
  rm -f "$pid_file"
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$rest_port") 2>/dev/null; then
  flink_die "port $rest_port on 127.0.0.1 is already in use; choose another with --rest-port"
fi

cp_flink="$(flink_lib_classpath)"
# An empty plugins folder: there are no Flink plugins, and Flink warns when the folder is missing.
export FLINK_PLUGINS_DIR="$dir/plugins"
read -r -a java_opts <<< "$(flink_java_opts "$conf")"
dynamic+=(-D "io.tmp.dirs=$dir/tmp" -D "web.tmpdir=$dir/tmp")

# JVM sizes and effective memory settings as Flink's own scripts compute them, from the same configuration.
bash_java_utils() {
  local out
  out="$("$JAVA" -cp "$cp_flink" org.apache.flink.runtime.util.bash.BashJavaUtils \
    "$1" --configDir "$conf" "${dynamic[@]}" 2>&1)" || { echo "$out" >&2; flink_die "invalid memory settings in $conf/config.yaml"; }
  echo "$out" | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

# start NAME MAIN_CLASS RESOURCE_QUERY: launches one process in the background and records its PID.
start() {
  local name="$1" main="$2" params jvm memory_dynamic
  params="$(bash_java_utils "$3")"
  read -r -a jvm <<< "$(echo "$params" | sed -n 1p)"
  read -r -a memory_dynamic <<< "$(echo "$params" | sed -n 2p)"
  nohup "$JAVA" "${jvm[@]}" "${java_opts[@]}" \
    -Dlog.file="$dir/log/$name.log" -Dlog4j.configurationFile="file:$conf/log4j.properties" \
    -cp "$cp_flink" "$main" --configDir "$conf" "${memory_dynamic[@]}" "${dynamic[@]}" \
    > "$dir/log/$name.out" 2>&1 < /dev/null &
  echo "$name $!" >> "$pid_file"
  echo "started $name (PID $!), log $dir/log/$name.log, stdout $dir/log/$name.out"
}

stop_started() {
  "$FLINK_MODULE_DIR/bin/stop-cluster.sh" --dir "$dir" >&2 || true
}

start jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint GET_JM_RESOURCE_PARAMS
start taskmanager org.apache.flink.runtime.taskexecutor.TaskManagerRunner GET_TM_RESOURCE_PARAMS

# Ready when the REST API answers and counts a registered TaskManager with free slots.
deadline=$((SECONDS + timeout))
while true; do
  overview="$(curl -s --max-time 2 "$rest_url/overview" 2>/dev/null || true)"
  if [[ "$overview" =~ \"taskmanagers\":([0-9]+) ]] && [[ "${BASH_REMATCH[1]}" -ge 1 ]]; then
    echo "Flink session cluster ready: $rest_url ($overview)"
    echo "PIDs in $pid_file; submit with: bin/flink-run.sh -m 127.0.0.1:$rest_port -- <job> [options]"
    exit 0
  fi
  while read -r name pid; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name (PID $pid) exited; last lines of $dir/log/$name.log and .out:" >&2
      tail -n 20 "$dir/log/$name.log" "$dir/log/$name.out" >&2 2>/dev/null || true
      stop_started
      exit 1
    fi
  done < "$pid_file"
  if [[ $SECONDS -ge $deadline ]]; then
    echo "cluster not ready after ${timeout}s; last REST answer: ${overview:-none}" >&2
    stop_started
    exit 1
  fi
  sleep 1
done
