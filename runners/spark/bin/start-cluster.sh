#!/usr/bin/env bash
# Starts a Spark standalone cluster on loopback: one Master and one Worker, both bound to 127.0.0.1.
#
#   start-cluster.sh [--dir DIR] [--master-port N] [--master-webui-port N] [--worker-webui-port N]
#                    [--cores N] [--memory SIZE] [--timeout SECONDS]
#
#   --dir                 state folder: PID file, logs, Worker work dir (default runners/spark/target/spark-cluster;
#                         env TRIBUTARY_SPARK_CLUSTER_DIR)
#   --master-port         Master RPC port, the one in spark://127.0.0.1:PORT (default 7077; env SPARK_MASTER_PORT)
#   --master-webui-port   Master web UI, on 127.0.0.1 (default 8080; env SPARK_MASTER_WEBUI_PORT)
#   --worker-webui-port   Worker web UI, on 127.0.0.1 (default 8081; env SPARK_WORKER_WEBUI_PORT)
#   --cores, --memory     what the Worker offers (default 2 and 2g; env SPARK_WORKER_CORES, SPARK_WORKER_MEMORY)
#   --timeout             how long to wait for the Worker to register (default 90 s)
#
# TRIBUTARY_DAEMON_JAVA_OPTS adds JVM flags to the Master and the Worker (not to executors: use
# spark-submit.sh --conf spark.executor.extraJavaOptions=... for those).
#
# Uses $SPARK_HOME if set, else the Maven-resolved Spark in target/spark-home (see common.sh). Prints the
# master URL on stdout when the Worker has registered; PIDs go to DIR/pids, the URL to DIR/master-url.
# Stop with stop-cluster.sh (same --dir). Submit with: spark-submit.sh --master "$(cat DIR/master-url)" -- ...
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

dir="${TRIBUTARY_SPARK_CLUSTER_DIR:-$TRIBUTARY_SPARK_TARGET/spark-cluster}"
master_port="${SPARK_MASTER_PORT:-7077}"
master_ui_port="${SPARK_MASTER_WEBUI_PORT:-8080}"
worker_ui_port="${SPARK_WORKER_WEBUI_PORT:-8081}"
cores="${SPARK_WORKER_CORES:-2}"
memory="${SPARK_WORKER_MEMORY:-2g}"
timeout=90

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --master-port) master_port="$2"; shift 2 ;;
    --master-webui-port) master_ui_port="$2"; shift 2 ;;
    --worker-webui-port) worker_ui_port="$2"; shift 2 ;;
    --cores) cores="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) tributary_die "unknown option $1 (see --help)" ;;
  esac
done

tributary_require_java
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
pid_file="$dir/pids"

if [[ -f "$pid_file" ]]; then
  while read -r _ pid; do
    if kill -0 "$pid" 2>/dev/null; then
      tributary_die "a cluster from $dir is still running (PID $pid); stop it first: stop-cluster.sh --dir $dir"
    fi
  done < "$pid_file"
  rm -f "$pid_file"
fi
for port in "$master_port" "$master_ui_port" "$worker_ui_port"; do
  if [[ "$port" != 0 ]] && tributary_port_open "$port"; then
    tributary_die "port $port on 127.0.0.1 is in use; choose others (see --help)"
  fi
done

spark_home="$(tributary_spark_home)"
if [[ -n "${SPARK_HOME:-}" ]]; then
  classpath="${SPARK_CONF_DIR:-$spark_home/conf}:$spark_home/jars/*"
else
  classpath="$spark_home/conf:$spark_home/jars/*"
fi
export SPARK_HOME="$spark_home"
export SPARK_LOCAL_DIRS="$dir/local"
export SPARK_WORKER_DIR="$dir/work"
export SPARK_LOG_DIR="$dir"
mkdir -p "$SPARK_LOCAL_DIRS" "$SPARK_WORKER_DIR"

read -r -a daemon_jvm <<< "${TRIBUTARY_DAEMON_JAVA_OPTS:-}"
started=()
cleanup_on_failure() {
  local pid
  for pid in "${started[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -f "$pid_file" "$dir/master-url"
}

# start_daemon NAME MAIN-CLASS ARGS...: starts a JVM in the background, detached from this shell's terminal.
start_daemon() {
  local name="$1"
  shift
  nohup "$TRIBUTARY_JAVA" "${TRIBUTARY_SPARK_JAVA_OPTS[@]}" -Xmx512m "${daemon_jvm[@]}" -cp "$classpath" "$@" \
    > "$dir/$name.log" 2>&1 < /dev/null &
  local pid=$!
  started+=("$pid")
  echo "$name $pid" >> "$pid_file"
}

# wait_for DESCRIPTION SECONDS COMMAND...: polls COMMAND every half second.
wait_for() {
  local what="$1" seconds="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      echo "$(basename "$0"): timed out after ${seconds}s waiting for $what; logs in $dir" >&2
      return 1
    fi
    for pid in "${started[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "$(basename "$0"): process $pid exited while waiting for $what; logs in $dir" >&2
        return 1
      fi
    done
    sleep 0.5
  done
}

# True once the Master's JSON status (web UI, loopback) lists an ALIVE worker.
worker_registered() {
  local status
  status="$( { exec 3<>"/dev/tcp/127.0.0.1/$master_ui_port" &&
    printf 'GET /json/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3; } 2>/dev/null)" || return 1
  [[ "$status" =~ \"aliveworkers\"[[:space:]]*:[[:space:]]*[1-9] ]]
}

master_url="spark://127.0.0.1:$master_port"
: > "$pid_file"
start_daemon master org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$master_port" --webui-port "$master_ui_port"
if ! wait_for "the Master on 127.0.0.1:$master_port" "$timeout" tributary_port_open "$master_port"; then
  cleanup_on_failure
  exit 1
fi
start_daemon worker org.apache.spark.deploy.worker.Worker "$master_url" \
  --host 127.0.0.1 --webui-port "$worker_ui_port" --cores "$cores" --memory "$memory" --work-dir "$SPARK_WORKER_DIR"
if ! wait_for "the Worker to register with $master_url" "$timeout" worker_registered; then
  cleanup_on_failure
  exit 1
fi

echo "$master_url" > "$dir/master-url"
echo "$(basename "$0"): Master $master_url (web UI http://127.0.0.1:$master_ui_port), 1 Worker ($cores cores, $memory); PIDs in $pid_file" >&2
echo "$master_url"
