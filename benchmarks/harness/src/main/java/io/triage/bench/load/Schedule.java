package io.triage.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Sends requests at a constant arrival rate whatever the server does (open loop) and times each one from the moment it
 * was due, not from when it was actually sent: a stalled server cannot hide its stall by slowing the generator down
 * (no coordinated omission), the way wrk2 measures.
 */
public final class Schedule {

    /** How long the schedule waits for the last answers after the last request was due. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private Schedule() {}

    /** One request: due and completed on {@link System#nanoTime()}; a null response means {@code failure}. */
    public record Outcome(
            int index, long dueNanos, long completedNanos, HttpResponse<String> response, Throwable failure) {

        public boolean ok() {
            return response != null && response.statusCode() < 300;
        }

        public long latencyNanos() {
            return completedNanos - dueNanos;
        }
    }

    /** Outcomes by index; null where no answer came within the drain time. */
    public static List<Outcome> run(
            HttpClient client, double rate, Duration duration, IntFunction<HttpRequest> request, Consumer<Outcome> each)
            throws InterruptedException {
        int count = (int) Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
        double interval = 1e9 / rate;
        Outcome[] outcomes = new Outcome[count];
        CountDownLatch done = new CountDownLatch(count);
        long start = System.nanoTime() + 5_000_000;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * interval);
            HttpRequest next = request.apply(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            client.sendAsync(next, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                Outcome outcome = new Outcome(index, due, System.nanoTime(), response, failure);
                outcomes[index] = outcome;
                if (each != null) {
                    each.accept(outcome);
                }
                done.countDown();
            });
        }
        done.await(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        return Arrays.asList(outcomes.clone());
    }

    public static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
