# Sourced by the other scripts in this folder: where things are, and the Flink classpath.
#
# FLINK_MODULE_DIR   runners/flink
# FLINK_DEFAULT_CONF runners/flink/conf (config.yaml, log4j*.properties)
# JAVA               $JAVA_HOME/bin/java, or java from PATH
# flink_lib_classpath  prints target/flink-lib.classpath: Flink's jars as resolved by the Maven build
# tributary_bundle     prints the path of the bundled jar (TRIBUTARY_FLINK_BUNDLE overrides)
# flink_java_opts      prints env.java.opts.all from a config.yaml

FLINK_MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLINK_DEFAULT_CONF="$FLINK_MODULE_DIR/conf"
if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="java"
fi

flink_die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

flink_lib_classpath() {
  local file="$FLINK_MODULE_DIR/target/flink-lib.classpath"
  [[ -s "$file" ]] || flink_die "no $file; build first: mvn -q -B install -DskipTests (from the repository root)"
  cat "$file"
}

tributary_bundle() {
  if [[ -n "${TRIBUTARY_FLINK_BUNDLE:-}" ]]; then
    [[ -f "$TRIBUTARY_FLINK_BUNDLE" ]] || flink_die "TRIBUTARY_FLINK_BUNDLE=$TRIBUTARY_FLINK_BUNDLE: no such file"
    echo "$TRIBUTARY_FLINK_BUNDLE"
    return
  fi
  local jars=("$FLINK_MODULE_DIR"/target/tributary-runner-flink-*-bundled.jar)
  [[ -f "${jars[0]}" ]] || flink_die "no bundled jar in $FLINK_MODULE_DIR/target; build first: mvn -q -B install -DskipTests"
  [[ ${#jars[@]} -eq 1 ]] || flink_die "several bundled jars in $FLINK_MODULE_DIR/target; set TRIBUTARY_FLINK_BUNDLE"
  echo "${jars[0]}"
}

flink_java_opts() {
  local conf_dir="$1"
  sed -n 's/^env\.java\.opts\.all:[[:space:]]*//p' "$conf_dir/config.yaml" 2>/dev/null | head -n 1
}

# Prints the comment block at the top of the calling script: its usage.
flink_usage() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}
