package io.triage.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Medians over runs and the number formats of the report. */
final class Numbers {

    private Numbers() {}

    /** Median of {@code field} over the runs (an array of objects); NaN when there is none. */
    static double median(JsonNode runs, String field) {
        List<Double> values = new ArrayList<>();
        for (JsonNode run : runs) {
            if (run.has(field) && run.get(field).isNumber()) {
                values.add(run.get(field).asDouble());
            }
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        values.sort(Double::compare);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    static String all(JsonNode runs, String field, int decimals) {
        List<String> values = new ArrayList<>();
        for (JsonNode run : runs) {
            values.add(run.has(field) ? fixed(run.get(field).asDouble(), decimals) : "-");
        }
        return String.join(", ", values);
    }

    /** Rates and counts: no decimals, thousands grouped. */
    static String count(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Milliseconds: three significant figures, at most two decimals. */
    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
