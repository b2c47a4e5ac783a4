package dev.tributary.pipelines.events;

import dev.tributary.pipelines.common.Aggregation;
import dev.tributary.transforms.events.ActivityEvent;
import dev.tributary.transforms.events.SumActivityPerWindow;
import dev.tributary.transforms.events.SumsByTypeFn;
import dev.tributary.transforms.modes.OutputMode;
import dev.tributary.transforms.modes.WindowForOutputMode;
import dev.tributary.transforms.table.ResultTable;
import dev.tributary.transforms.table.TabulateFirings;
import dev.tributary.transforms.table.ToResultTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.windowing.SlidingWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;

/**
 * Sums {@code activity_count} per {@code activity_type} per 1-day window sliding every hour, as result tables
 * in the job's output mode:
 *
 * <ul>
 *   <li>append: {@link SumActivityPerWindow}, each window's table once, when the watermark passes its end.
 *   <li>update: a sum per type and window ({@link WindowForOutputMode}, accumulating), so each firing holds
 *       the types of the window that changed, with their sums so far.
 *   <li>complete: one table per window ({@link SumsByTypeFn}), every type of the window at each of its
 *       firings.
 * </ul>
 *
 * On a one-time read all three give each window's final sums once.
 */
final class ActivitySumTables extends PTransform<PCollection<ActivityEvent>, PCollection<ResultTable>> {
  static final String ACTIVITY_SUMS = "activity_sums";
  static final Schema SCHEMA =
      Schema.builder().addStringField("activity_type").addInt64Field("sum_activity_count").build();
  static final Duration SIZE = Duration.standardDays(1);
  static final Duration SLIDE = Duration.standardHours(1);

  private final Aggregation aggregation;

  ActivitySumTables(Aggregation aggregation) {
    this.aggregation = aggregation;
  }

  @Override
  public PCollection<ResultTable> expand(PCollection<ActivityEvent> events) {
    OutputMode mode = aggregation.mode();
    if (mode == OutputMode.APPEND) {
      return events
          .apply("SumPerWindow", SumActivityPerWindow.create().withWindow(SIZE, SLIDE))
          .apply("WindowTable", ToResultTable.of(ACTIVITY_SUMS, SCHEMA, ActivitySumTables::rows));
    }
    WindowForOutputMode<ActivityEvent> windowing =
        WindowForOutputMode.<ActivityEvent>create()
            .withOutputMode(mode)
            .withTrigger(aggregation.trigger())
            .withWindows(SlidingWindows.of(SIZE).every(SLIDE));
    if (mode == OutputMode.COMPLETE) {
      return events
          .apply("WindowForCompleteMode", windowing)
          .apply("SumPerWindow", Combine.globally(new SumsByTypeFn()).withoutDefaults())
          .apply("WindowTable", ToResultTable.of(ACTIVITY_SUMS, SCHEMA, ActivitySumTables::rows));
    }
    return events
        .apply("WindowForUpdateMode", windowing)
        .apply(
            "TypeAndCount",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via((ActivityEvent e) -> KV.of(e.getType(), (long) e.getCount())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("SumPerType", Sum.longsPerKey())
        .apply("ChangedTypes", TabulateFirings.of(ACTIVITY_SUMS, SCHEMA, ActivitySumTables::row));
  }

  /** In type order, as {@link SumsByTypeFn} gives them. */
  static List<Row> rows(List<KV<String, Long>> sums) {
    List<Row> rows = new ArrayList<>(sums.size());
    sums.forEach(sum -> rows.add(row(sum)));
    return rows;
  }

  static Row row(KV<String, Long> sum) {
    return Row.withSchema(SCHEMA).addValues(sum.getKey(), sum.getValue()).build();
  }
}
