#!/usr/bin/env bash
# Stops the session cluster that start-cluster.sh started from the same --dir: exactly the PIDs recorded in
# DIR/cluster.pids (TaskManager first), each only if it is still that Flink process. SIGTERM first (Flink
# shuts down cleanly), SIGKILL after --grace seconds.
#
# usage: stop-cluster.sh [--dir DIR] [--grace SECONDS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/flink-env.sh"

dir="$FLINK_MODULE_DIR/target/cluster"
grace=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --grace) grace="$2"; shift 2 ;;
    -h|--help) flink_usage; exit 0 ;;
    *) flink_die "unknown argument '$1' (see --help)" ;;
  esac
done
pid_file="$dir/cluster.pids"
if [[ ! -s "$pid_file" ]]; then
  echo "no cluster recorded in $pid_file; nothing to stop"
  exit 0
fi

main_class_of() {
  case "$1" in
    jobmanager) echo org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint ;;
    taskmanager) echo org.apache.flink.runtime.taskexecutor.TaskManagerRunner ;;
  esac
}

# Still the process we started? A recorded PID may have been reused after a crash.
is_ours() {
  local pid="$1" main="$2"
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF " $main "
}

# TaskManagers first, so the JobManager does not wait for their heartbeats to time out.
mapfile -t entries < <(sort -r -k1,1 "$pid_file")
stopping=()
for entry in "${entries[@]}"; do
  read -r name pid <<< "$entry"
  main="$(main_class_of "$name")"
  if [[ -z "$main" ]]; then
    echo "skipping unknown entry '$entry' in $pid_file" >&2
  elif is_ours "$pid" "$main"; then
    kill -TERM "$pid" 2>/dev/null || true
    stopping+=("$name:$pid")
  else
    echo "$name (PID $pid) is not running"
  fi
done

status=0
for item in "${stopping[@]}"; do
  name="${item%%:*}"
  pid="${item#*:}"
  deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && [[ $SECONDS -lt $deadline ]]; do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name (PID $pid) still running after ${grace}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name (PID $pid) could not be stopped" >&2
    status=1
  else
    echo "stopped $name (PID $pid)"
  fi
done
if [[ $status -eq 0 ]]; then
  rm -f "$pid_file"
fi
exit $status
