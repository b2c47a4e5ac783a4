package dev.tributary.bench.engines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.window;

import dev.tributary.bench.ResultLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The peer: the same job written directly in Spark Structured Streaming, as a Spark user would, with
 * Spark's built-in functions (no Beam, no Tributary code). Not part of the product.
 *
 * <p>Like the seeds, it is two streaming queries over {@code readStream.text(dir)}, started together: the
 * running status count and the windowed endpoint count, both in complete mode, run to the end of the input
 * with {@code Trigger.AvailableNow}. Each query reads and parses the file itself; that is how Structured
 * Streaming runs two aggregations of one source. The top 10 per window is ranked in {@code foreachBatch}
 * (a streaming query cannot rank within groups). Unparsable lines are those the line pattern does not match;
 * they show up as the status {@code ""} and are reported as rejected.
 *
 * <p>The patterns reproduce the product parser's decisions on the generated logs: the request ends at the
 * first quote followed by {@code status size}, the endpoint is the request target without a trailing
 * {@code HTTP/x} protocol, and requests that are not {@code METHOD target} ({@code "-"}) have no endpoint.
 * The benchmark checks the results against the reference before it reports any speed.
 */
public final class NativeSparkJob implements LogJob {
  static final String LINE =
      "^\\S+ \\S+ \\S+ \\[(\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d [+-]\\d{4})\\] \"(.*?)\" (\\d{3}) (?:\\d+|-)(?: |$)";
  static final String REQUEST = "^[A-Z]+ (.+?)(?: HTTP/\\S*)?$";
  static final String TIME_FORMAT = "dd/MMM/yyyy:HH:mm:ss Z";

  private static final AtomicReference<List<Row>> STATUS_ROWS = new AtomicReference<>(List.of());
  private static final AtomicReference<List<Row>> TOP_ROWS = new AtomicReference<>(List.of());

  /** Two state-store partitions for two cores; Spark's default of 200 is tuned for clusters. */
  public static final int DEFAULT_SHUFFLE_PARTITIONS = 2;

  private final int shufflePartitions;

  /** @param shufflePartitions {@code spark.sql.shuffle.partitions}, i.e. the state store partitions */
  public NativeSparkJob(int shufflePartitions) {
    this.shufflePartitions = shufflePartitions;
  }

  @Override
  public void run(Path input, Path scratch) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("tributary-bench-native")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.local.dir", scratch.resolve("spark-local").toString())
            .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate();
    try {
      // The file source reads a directory; the generator writes the log alone in its own directory.
      Dataset<Row> lines = spark.readStream().text(input.getParent().toString());
      Dataset<Row> fields =
          lines.select(
              regexp_extract(col("value"), LINE, 1).as("time"),
              regexp_extract(col("value"), LINE, 2).as("request"),
              regexp_extract(col("value"), LINE, 3).as("status"));

      StreamingQuery statusQuery =
          fields
              .groupBy("status")
              .count()
              .writeStream()
              .outputMode("complete")
              .trigger(Trigger.AvailableNow())
              .option("checkpointLocation", scratch.resolve("checkpoint-status").toString())
              .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> STATUS_ROWS.set(batch.collectAsList()))
              .start();

      Dataset<Row> endpoints =
          fields
              .where(col("status").notEqual(""))
              .select(
                  to_timestamp(col("time"), TIME_FORMAT).as("ts"),
                  regexp_extract(col("request"), REQUEST, 1).as("endpoint"))
              .where(col("endpoint").notEqual(""));
      StreamingQuery topQuery =
          endpoints
              .groupBy(window(col("ts"), "30 seconds", "10 seconds"), col("endpoint"))
              .count()
              .writeStream()
              .outputMode("complete")
              .trigger(Trigger.AvailableNow())
              .option("checkpointLocation", scratch.resolve("checkpoint-top").toString())
              .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> TOP_ROWS.set(rankTop10(batch)))
              .start();

      statusQuery.awaitTermination();
      topQuery.awaitTermination();
    } finally {
      spark.stop();
    }
  }

  /** Top 10 per window, by count descending then endpoint, as (window start millis, rank, endpoint, count). */
  private static List<Row> rankTop10(Dataset<Row> counts) {
    return counts
        .withColumn(
            "rank",
            row_number()
                .over(Window.partitionBy(col("window")).orderBy(col("count").desc(), col("endpoint").asc())))
        .where(col("rank").leq(10))
        .select(expr("unix_millis(window.start)"), col("rank"), col("endpoint"), col("count"))
        .collectAsList();
  }

  @Override
  public List<String> results(Path scratch) {
    List<String> out = new ArrayList<>();
    long rejected = 0;
    for (Row r : STATUS_ROWS.get()) {
      String status = r.getString(0);
      if (status.isEmpty()) {
        rejected = r.getLong(1);
      } else {
        out.add(ResultLines.status(Integer.parseInt(status), r.getLong(1)));
      }
    }
    out.add(ResultLines.rejected(rejected));
    for (Row r : TOP_ROWS.get()) {
      out.add(ResultLines.top(r.getLong(0), r.getInt(1), r.getString(2), r.getLong(3)));
    }
    return out;
  }
}
