#!/usr/bin/env bash
# Stops the cluster start-cluster.sh started: exactly the PIDs in DIR/pids (Worker first, then Master), plus
# the executor JVMs the Worker launched (its child processes). Nothing is looked up by name.
#
#   stop-cluster.sh [--dir DIR] [--timeout SECONDS]
#
#   --dir       the folder given to start-cluster.sh (default runners/spark/target/spark-cluster;
#               env TRIBUTARY_SPARK_CLUSTER_DIR)
#   --timeout   how long to wait after SIGTERM before SIGKILL (default 20 s)
#
# A PID whose process is no longer a Spark Master/Worker JVM (e.g. reused by the system) is left alone.
# Exits 0 once every recorded process is gone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

dir="${TRIBUTARY_SPARK_CLUSTER_DIR:-$TRIBUTARY_SPARK_TARGET/spark-cluster}"
timeout=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) tributary_die "unknown option $1 (see --help)" ;;
  esac
done
pid_file="$dir/pids"
if [[ ! -f "$pid_file" ]]; then
  echo "$(basename "$0"): no cluster recorded in $dir (no pids file)" >&2
  exit 0
fi

# True if PID runs the Spark daemon class recorded for it.
is_ours() {
  local pid="$1" name="$2" class
  case "$name" in
    master) class=org.apache.spark.deploy.master.Master ;;
    worker) class=org.apache.spark.deploy.worker.Worker ;;
    executor) class=org.apache.spark.executor. ;;
    *) return 1 ;;
  esac
  [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$class"
}

# True while PID exists and is not a zombie (an exited child nobody has reaped yet counts as gone).
alive() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

targets=()   # "name pid", Worker (and its executors) before Master
mapfile -t recorded < <(awk '$1 == "worker"' "$pid_file"; awk '$1 != "worker"' "$pid_file")
for entry in "${recorded[@]}"; do
  read -r name pid <<< "$entry"
  [[ -n "${pid:-}" ]] || continue
  alive "$pid" || continue
  if ! is_ours "$pid" "$name"; then
    echo "$(basename "$0"): PID $pid is no longer the $name; leaving it alone" >&2
    continue
  fi
  if [[ "$name" == worker ]]; then
    for child in $(pgrep -P "$pid" || true); do
      is_ours "$child" executor && targets+=("executor $child")
    done
  fi
  targets+=("$name $pid")
done

for entry in "${targets[@]}"; do
  read -r name pid <<< "$entry"
  kill -TERM "$pid" 2>/dev/null || true
done

# wait_gone SECONDS: waits until every target is gone; leaves the survivors in "remaining".
remaining=("${targets[@]}")
wait_gone() {
  local deadline=$((SECONDS + $1)) entry name pid still
  while true; do
    still=()
    for entry in "${remaining[@]}"; do
      read -r name pid <<< "$entry"
      alive "$pid" && still+=("$entry")
    done
    remaining=("${still[@]}")
    [[ ${#remaining[@]} -gt 0 && $SECONDS -lt $deadline ]] || return 0
    sleep 0.5
  done
}

wait_gone "$timeout"
if [[ ${#remaining[@]} -gt 0 ]]; then
  for entry in "${remaining[@]}"; do
    read -r name pid <<< "$entry"
    echo "$(basename "$0"): $name (PID $pid) ignored SIGTERM for ${timeout}s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait_gone 10
  if [[ ${#remaining[@]} -gt 0 ]]; then
    tributary_die "still running after SIGKILL: ${remaining[*]}"
  fi
fi

rm -f "$pid_file" "$dir/master-url"
stopped=()
for entry in "${targets[@]}"; do
  stopped+=("${entry/ /=}")
done
echo "$(basename "$0"): stopped ${stopped[*]:-nothing (already gone)}" >&2
