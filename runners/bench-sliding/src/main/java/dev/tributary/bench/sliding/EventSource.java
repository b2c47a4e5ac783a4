package dev.tributary.bench.sliding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * An unbounded source of batch numbers, in event-time order, whose watermark follows them and jumps to the
 * end of time after the last: a streaming run that ends by itself. {@link ExpandFn} turns batch {@code b}
 * into events {@code b·batch ... (b+1)·batch - 1} of an {@link EventStream}, each stamped with its own time,
 * never before the batch's. Batches keep the Direct runner's per-element read overhead (it reads 10 elements
 * per bundle) out of the figures.
 *
 * <p>With a limit ({@link #withInFlightLimit}), the reader holds back while more than that many events have
 * been read but not yet reported {@linkplain #processed processed} downstream, so that a backlog of
 * unprocessed events does not pile up in the heap (the Direct runner reads a source as fast as it can).
 * With a rate ({@link #withRate}) it also holds back while it is ahead of that many events per second since
 * its run's first read.
 */
final class EventSource extends UnboundedSource<Long, EventSource.Position> {
  private static final long serialVersionUID = 1L;

  /** Events expanded so far, per run name: the Direct runner runs the DoFns in this JVM. */
  private static final Map<String, AtomicLong> EXPANDED = new ConcurrentHashMap<>();
  /** Events reported processed downstream, per run name. */
  private static final Map<String, AtomicLong> PROCESSED = new ConcurrentHashMap<>();
  /**
   * When each run first read, by {@code System.nanoTime()}: per run rather than per reader, because the
   * Direct runner recreates readers from their checkpoints now and then.
   */
  private static final Map<String, Long> FIRST_READ = new ConcurrentHashMap<>();

  private final EventStream events;
  private final long batch;
  private final String run;
  private final long inFlightLimit;
  private final long perSecond;

  EventSource(EventStream events, long batch) {
    this(events, batch, "", 0, 0);
  }

  private EventSource(EventStream events, long batch, String run, long inFlightLimit, long perSecond) {
    this.events = events;
    this.batch = batch;
    this.run = run;
    this.inFlightLimit = inFlightLimit;
    this.perSecond = perSecond;
  }

  /** This source, holding back while more than {@code limit} events of {@code run} are in flight. */
  EventSource withInFlightLimit(String run, long limit) {
    return new EventSource(events, batch, run, limit, perSecond);
  }

  /** This source, reading at most {@code perSecond} events of {@code run} per second (0: no limit). */
  EventSource withRate(String run, long perSecond) {
    return new EventSource(events, batch, run, inFlightLimit, perSecond);
  }

  /** Reports {@code n} more events of {@code run} processed to the end of the pipeline. */
  static void processed(String run, long n) {
    PROCESSED.computeIfAbsent(run, r -> new AtomicLong()).addAndGet(n);
  }

  /** Events of {@code run} reported processed so far. */
  static long processed(String run) {
    AtomicLong n = PROCESSED.get(run);
    return n == null ? 0 : n.get();
  }

  /** Events of {@code run} expanded so far (0 before it starts). */
  static long expanded(String run) {
    AtomicLong n = EXPANDED.get(run);
    return n == null ? 0 : n.get();
  }

  long batches() {
    return (events.count() + batch - 1) / batch;
  }

  Instant timeOfBatch(long b) {
    return new Instant(events.timeOf(b * batch));
  }

  @Override
  public List<EventSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<Long> createReader(PipelineOptions options, @Nullable Position checkpoint) {
    return new Reader(this, checkpoint == null ? 0 : checkpoint.next);
  }

  @Override
  public Coder<Position> getCheckpointMarkCoder() {
    return new PositionCoder();
  }

  @Override
  public Coder<Long> getOutputCoder() {
    return VarLongCoder.of();
  }

  /** The next batch to read. */
  static final class Position implements UnboundedSource.CheckpointMark {
    final long next;

    Position(long next) {
      this.next = next;
    }

    @Override
    public void finalizeCheckpoint() {}
  }

  static final class PositionCoder extends AtomicCoder<Position> {
    @Override
    public void encode(Position value, OutputStream out) throws IOException {
      VarLongCoder.of().encode(value.next, out);
    }

    @Override
    public Position decode(InputStream in) throws IOException {
      return new Position(VarLongCoder.of().decode(in));
    }
  }

  private static final class Reader extends UnboundedReader<Long> {
    private final EventSource source;
    private long next;
    private long current = -1;

    Reader(EventSource source, long next) {
      this.source = source;
      this.next = next;
    }

    @Override
    public boolean start() {
      return advance();
    }

    @Override
    public boolean advance() {
      if (next >= source.batches()) {
        return false;
      }
      if (source.inFlightLimit > 0
          && next * source.batch - processed(source.run) > source.inFlightLimit) {
        return false;
      }
      if (source.perSecond > 0) {
        long first = FIRST_READ.computeIfAbsent(source.run, r -> System.nanoTime());
        double allowed = source.perSecond * ((System.nanoTime() - first) / 1e9) + source.batch;
        if (next * source.batch > allowed) {
          return false;
        }
      }
      current = next++;
      return true;
    }

    @Override
    public Long getCurrent() {
      if (current < 0) {
        throw new NoSuchElementException();
      }
      return current;
    }

    @Override
    public Instant getCurrentTimestamp() {
      return source.timeOfBatch(getCurrent());
    }

    @Override
    public Instant getWatermark() {
      if (next >= source.batches()) {
        return BoundedWindow.TIMESTAMP_MAX_VALUE;
      }
      // Every event still to come is at or after the next batch's first event.
      return source.timeOfBatch(next).minus(org.joda.time.Duration.millis(1));
    }

    @Override
    public CheckpointMark getCheckpointMark() {
      return new Position(next);
    }

    @Override
    public UnboundedSource<Long, ?> getCurrentSource() {
      return source;
    }

    @Override
    public void close() {}
  }

  /** Batch number to its events, each stamped with its own time; counts them for {@link #expanded}. */
  static final class ExpandFn extends DoFn<Long, String> {
    private final EventStream events;
    private final long batch;
    private final String run;

    ExpandFn(EventStream events, long batch, String run) {
      this.events = events;
      this.batch = batch;
      this.run = run;
    }

    @ProcessElement
    public void process(@Element Long b, OutputReceiver<String> out) {
      long end = Math.min(events.count(), (b + 1) * batch);
      for (long i = b * batch; i < end; i++) {
        out.outputWithTimestamp(events.valueOf(i), new Instant(events.timeOf(i)));
      }
      EXPANDED.computeIfAbsent(run, r -> new AtomicLong()).addAndGet(end - b * batch);
    }
  }
}
