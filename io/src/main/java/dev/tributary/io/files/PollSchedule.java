package dev.tributary.io.files;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;
import org.joda.time.Instant;

/** Decides when the directory may be listed again and when the reader has been idle long enough. */
final class PollSchedule {
  private final Duration pollInterval;
  private final @Nullable Duration stopWhenIdleFor;
  private @Nullable Instant lastListing;
  private Instant lastDiscovery;
  private boolean lastListingFoundNothing;

  /** @param start when the reader started; it counts as a discovery so that idleness starts there */
  PollSchedule(Duration pollInterval, @Nullable Duration stopWhenIdleFor, Instant start) {
    this.pollInterval = pollInterval;
    this.stopWhenIdleFor = stopWhenIdleFor;
    this.lastDiscovery = start;
  }

  boolean listingDue(Instant now) {
    return lastListing == null || !now.isBefore(lastListing.plus(pollInterval));
  }

  void listed(Instant now, boolean foundNewFiles) {
    lastListing = now;
    lastListingFoundNothing = !foundNewFiles;
    if (foundNewFiles) {
      lastDiscovery = now;
    }
  }

  /**
   * True once a listing made at least the idle duration after the last discovery found nothing. Asking
   * for such a listing, not just for elapsed time, means a file that arrived during a long read is
   * still seen before stopping.
   */
  boolean idleLongEnough() {
    return stopWhenIdleFor != null
        && lastListing != null
        && lastListingFoundNothing
        && !lastListing.isBefore(lastDiscovery.plus(stopWhenIdleFor));
  }
}
