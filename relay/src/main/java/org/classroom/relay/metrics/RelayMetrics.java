package org.classroom.relay.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The relay's counters, in-flight gauge and invocation timer, exposed as Prometheus text. */
public final class RelayMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter received = counter("relay.messages.received", "input queue messages received");
    private final Counter invoked = counter("relay.invocations", "function invocations made");
    private final Counter succeeded = counter("relay.messages.succeeded", "messages the function reported done");
    private final Counter failed = counter("relay.messages.failed", "messages the function did not finish");
    private final Counter deadLettered = counter("relay.messages.dead.lettered",
            "messages that reached the dead-letter queue, recorded as error results");
    private final Counter results = counter("relay.results.saved", "results written to the results folder");
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer invokeLatency = Timer.builder("relay.invoke.latency")
            .description("time of one synchronous function invocation")
            .publishPercentileHistogram()
            .register(registry);

    public RelayMetrics() {
        Gauge.builder("relay.invocations.in.flight", inFlight, AtomicInteger::get)
                .description("function invocations in flight")
                .register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    public void received(int count) {
        received.increment(count);
    }

    public void invocationStarted() {
        invoked.increment();
        inFlight.incrementAndGet();
    }

    public void invocationFinished(Duration took, int done, int notDone) {
        inFlight.decrementAndGet();
        invokeLatency.record(took);
        succeeded.increment(done);
        failed.increment(notDone);
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void resultSaved() {
        results.increment();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }
}
