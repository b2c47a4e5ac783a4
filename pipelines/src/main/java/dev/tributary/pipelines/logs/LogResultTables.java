package dev.tributary.pipelines.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/** The column layout of each result of the {@code logs} job, and the rows of one firing in display order. */
final class LogResultTables {
  static final String STATUS_COUNTS = "status_counts";
  static final String TOP_ENDPOINTS = "top_endpoints";
  static final String REJECTED_LINES = "rejected_lines";

  static final Schema STATUS_SCHEMA =
      Schema.builder().addInt32Field("status").addInt64Field("count").build();
  static final Schema TOP_SCHEMA =
      Schema.builder().addInt32Field("rank").addStringField("endpoint").addInt64Field("count").build();

  private LogResultTables() {}

  /** By status code. */
  static List<Row> statusRows(Map<Integer, Long> counts) {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> rows.add(Row.withSchema(STATUS_SCHEMA).addValues(e.getKey(), e.getValue()).build()));
    return rows;
  }

  /** In ranking order, numbered from 1. */
  static List<Row> rankRows(List<KV<String, Long>> ranking) {
    List<Row> rows = new ArrayList<>(ranking.size());
    for (int i = 0; i < ranking.size(); i++) {
      KV<String, Long> entry = ranking.get(i);
      rows.add(Row.withSchema(TOP_SCHEMA).addValues(i + 1, entry.getKey(), entry.getValue()).build());
    }
    return rows;
  }
}
