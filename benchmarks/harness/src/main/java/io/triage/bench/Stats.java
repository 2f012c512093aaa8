package io.triage.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/** Percentiles (nearest rank) of latencies in nanoseconds, as milliseconds. */
public final class Stats {

    private Stats() {}

    public static ObjectNode latencies(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("count", sorted.length);
        if (sorted.length == 0) {
            // no percentiles of nothing: the report shows n/a rather than a zero latency
            return json;
        }
        json.put("p50Ms", millis(sorted, 50));
        json.put("p90Ms", millis(sorted, 90));
        json.put("p99Ms", millis(sorted, 99));
        json.put("p999Ms", millis(sorted, 99.9));
        json.put("maxMs", sorted.length == 0 ? 0 : round(sorted[sorted.length - 1] / 1e6));
        return json;
    }

    static double millis(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return round(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6);
    }

    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
