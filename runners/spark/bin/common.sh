# Shared by spark-submit.sh, start-cluster.sh and stop-cluster.sh; sourced, not run.
#
# Environment (all optional):
#   SPARK_HOME               a real Spark 3.5 (Scala 2.12) installation; when unset, a SPARK_HOME is made
#                            under target/spark-home from the jars Maven resolved (target/spark-classpath.txt)
#   JAVA_HOME                the Java 17 to run (default: java on the PATH)
#   TRIBUTARY_BUNDLED_JAR    the jar to submit (default: target/tributary-runner-spark-*-bundled.jar)
#   SPARK_LOCAL_IP           address Spark binds to (default 127.0.0.1: everything stays on loopback)

TRIBUTARY_SPARK_MODULE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRIBUTARY_SPARK_TARGET="$TRIBUTARY_SPARK_MODULE/target"
TRIBUTARY_MAIN_CLASS="dev.tributary.pipelines.cli.Tributary"

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.12}"

if [[ -n "${JAVA_HOME:-}" ]]; then
  TRIBUTARY_JAVA="$JAVA_HOME/bin/java"
else
  TRIBUTARY_JAVA="$(command -v java || true)"
fi

# What Spark's launcher (org.apache.spark.launcher.JavaModuleOptions) gives every JVM it starts on Java 17.
# Needed here because these scripts start the JVMs themselves instead of going through bin/spark-class.
TRIBUTARY_SPARK_JAVA_OPTS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)

tributary_die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

tributary_require_java() {
  [[ -n "$TRIBUTARY_JAVA" && -x "$TRIBUTARY_JAVA" ]] || tributary_die "no java found; set JAVA_HOME to a Java 17"
}

# Prints the SPARK_HOME to use: $SPARK_HOME if set, else target/spark-home, (re)made from the classpath file
# when that is newer. jars/ holds links to the jars in the local Maven repository; conf/ holds this module's
# conf/ files (log4j2.properties: warnings only, so the job's own output stays readable).
tributary_spark_home() {
  if [[ -n "${SPARK_HOME:-}" ]]; then
    [[ -x "$SPARK_HOME/bin/spark-submit" ]] || tributary_die "SPARK_HOME=$SPARK_HOME has no bin/spark-submit"
    echo "$SPARK_HOME"
    return
  fi
  local classpath_file="$TRIBUTARY_SPARK_TARGET/spark-classpath.txt"
  local home="$TRIBUTARY_SPARK_TARGET/spark-home"
  [[ -s "$classpath_file" ]] ||
    tributary_die "$classpath_file is missing; build first: mvn -B install -DskipTests (or set SPARK_HOME)"
  if [[ ! -f "$home/.complete" || "$classpath_file" -nt "$home/.complete" \
        || "$TRIBUTARY_SPARK_MODULE/conf" -nt "$home/.complete" ]]; then
    # Build next to it and swap in, so a concurrent reader never sees a half-made jars/ folder.
    local tmp
    tmp="$(mktemp -d "$TRIBUTARY_SPARK_TARGET/.spark-home.XXXXXX")"
    mkdir -p "$tmp/jars" "$tmp/conf"
    local jar jars
    mapfile -t jars < <(tr ':' '\n' < "$classpath_file" | sed '/^[[:space:]]*$/d')
    for jar in "${jars[@]}"; do
      [[ -f "$jar" ]] || { rm -rf "$tmp"; tributary_die "$jar (from $classpath_file) does not exist; rebuild"; }
      ln -s "$jar" "$tmp/jars/$(basename "$jar")"
    done
    cp "$TRIBUTARY_SPARK_MODULE"/conf/* "$tmp/conf/"
    touch "$tmp/.complete"
    rm -rf "$home"
    mv "$tmp" "$home"
  fi
  echo "$home"
}

# Prints the bundled jar to submit.
tributary_bundled_jar() {
  if [[ -n "${TRIBUTARY_BUNDLED_JAR:-}" ]]; then
    [[ -f "$TRIBUTARY_BUNDLED_JAR" ]] || tributary_die "TRIBUTARY_BUNDLED_JAR=$TRIBUTARY_BUNDLED_JAR does not exist"
    echo "$TRIBUTARY_BUNDLED_JAR"
    return
  fi
  local jars=("$TRIBUTARY_SPARK_TARGET"/tributary-runner-spark-*-bundled.jar)
  [[ -f "${jars[0]}" ]] || tributary_die "no bundled jar in $TRIBUTARY_SPARK_TARGET; build first: mvn -B install -DskipTests"
  [[ ${#jars[@]} -eq 1 ]] || tributary_die "several bundled jars in $TRIBUTARY_SPARK_TARGET; set TRIBUTARY_BUNDLED_JAR"
  echo "${jars[0]}"
}

# True if something accepts connections on 127.0.0.1:$1.
tributary_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
