package org.paternoster.bench;

import static org.paternoster.bench.Percentiles.ms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load: {@code clients} independent loops, each issuing its next operation as soon
 * as the previous one is acknowledged. Latency of every acknowledged operation goes into an
 * HdrHistogram; the warm-up is measured and thrown away.
 */
final class ClosedLoop {
  /** One client's operation number {@code n}; the future completes when it is acknowledged. */
  interface Client {
    Future<?> next(long n);
  }

  private final Vertx vertx;
  private final AtomicReference<String> firstError = new AtomicReference<>();

  ClosedLoop(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Runs {@code clients} loops for {@code warmupMs} (thrown away), then {@code measureMs}: their
   * throughput, latency percentiles, errors, and the CPU of the {@code watched} processes over the
   * measured interval.
   */
  JsonObject run(int clients, IntFunction<Client> factory, long warmupMs, long measureMs, ProcessCpu watched)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong errors = new AtomicLong();
    CountDownLatch stopped = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Client client = factory.apply(c);
      vertx.runOnContext(x -> loop(client, 0, recorder, running, errors, stopped));
    }
    Thread.sleep(warmupMs);
    recorder.getIntervalHistogram(); // drop the warm-up
    long errorsBefore = errors.get();
    watched.start();
    long start = System.nanoTime();
    Thread.sleep(measureMs);
    var histogram = recorder.getIntervalHistogram();
    JsonObject cpu = watched.since(histogram.getTotalCount());
    double seconds = (System.nanoTime() - start) / 1e9;
    long measuredErrors = errors.get() - errorsBefore;
    running.set(false);
    stopped.await(30, TimeUnit.SECONDS);
    return new JsonObject()
        .put("clients", clients)
        .put("seconds", Math.round(seconds * 100) / 100.0)
        .put("acked", histogram.getTotalCount())
        .put("ops_per_s", Math.round(histogram.getTotalCount() / seconds))
        .put("p50_ms", ms(histogram.getValueAtPercentile(50)))
        .put("p99_ms", ms(histogram.getValueAtPercentile(99)))
        .put("max_ms", ms(histogram.getMaxValue()))
        .put("errors", measuredErrors)
        .put("first_error", firstError.getAndSet(null))
        .mergeIn(cpu);
  }

  private void loop(Client client, long n, Recorder recorder, AtomicBoolean running, AtomicLong errors, CountDownLatch stopped) {
    if (!running.get()) {
      stopped.countDown();
      return;
    }
    long t0 = System.nanoTime();
    client.next(n).onComplete(ar -> {
      if (ar.succeeded()) recorder.recordValue((System.nanoTime() - t0) / 1_000);
      else if (errors.incrementAndGet() == 1) firstError.compareAndSet(null, String.valueOf(ar.cause()));
      loop(client, n + 1, recorder, running, errors, stopped);
    });
  }

}
