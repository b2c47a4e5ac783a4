package dev.tributary.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak of used heap in this JVM while it runs. Heap use peaks just before a collection, so the heap in
 * use before every GC (from the GC notifications) is recorded, plus a sample every 10 ms to catch a peak
 * that no collection followed.
 */
final class HeapWatcher implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());
  private final List<Runnable> cleanup = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatcher() {
    NotificationListener listener = this::onGc;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        cleanup.add(() -> removeQuietly(emitter, listener));
      }
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                record(memory.getHeapMemoryUsage().getUsed());
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-watcher");
    sampler.setDaemon(true);
    sampler.start();
  }

  long peakBytes() {
    record(memory.getHeapMemoryUsage().getUsed());
    return peak.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    cleanup.forEach(Runnable::run);
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long before = 0;
    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(e.getKey())) {
        before += e.getValue().getUsed();
      }
    }
    record(before);
  }

  private void record(long used) {
    peak.accumulateAndGet(used, Math::max);
  }

  private static void removeQuietly(NotificationEmitter emitter, NotificationListener listener) {
    try {
      emitter.removeNotificationListener(listener);
    } catch (javax.management.ListenerNotFoundException e) {
      // already gone
    }
  }
}
