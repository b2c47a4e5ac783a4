package dev.tributary.bench.sliding;

import java.io.Serializable;

/**
 * A deterministic stream of events: event {@code i} always has the same time and value, whatever the
 * batching, so that every run of a benchmark sees the same input and results can be checked.
 */
interface EventStream extends Serializable {
  long count();

  /** Event time of event {@code i}, in epoch milliseconds; never decreasing in {@code i}. */
  long timeOf(long i);

  String valueOf(long i);
}
