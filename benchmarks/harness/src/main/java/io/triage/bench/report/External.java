package io.triage.bench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures recorded by benchmarks that benchmarks/run does not repeat (too long for one run): the gateway's 10,000
 * connection runs and the BANKING77 import, read from their own results files so README never carries typed figures.
 */
final class External {

    private External() {}

    static ObjectNode read(Path root) throws IOException {
        ObjectNode json = Report.JSON.createObjectNode();
        Path gateway = root.resolve("benchmarks/gateway/results.md");
        if (Files.isReadable(gateway)) {
            ObjectNode largest = largestGatewayRun(Files.readString(gateway));
            if (largest != null) {
                json.set("gateway", largest);
            }
        }
        Path imports = root.resolve("benchmarks/intake/import-results.md");
        if (Files.isReadable(imports)) {
            Matcher median = Pattern.compile("median ([0-9.]+) s for ([0-9]+) rows: ([0-9]+) rows/s")
                    .matcher(Files.readString(imports));
            Matcher date = Pattern.compile("date: ([0-9-]+)").matcher(Files.readString(imports));
            if (median.find()) {
                ObjectNode row = json.putObject("import");
                row.put("seconds", Double.parseDouble(median.group(1)));
                row.put("rows", Integer.parseInt(median.group(2)));
                row.put("rowsPerSecond", Integer.parseInt(median.group(3)));
                row.put("date", date.find() ? date.group(1) : "");
                row.put("source", "benchmarks/intake/import-results.md");
            }
        }
        return json;
    }

    /** The median table of the newest section with the most connections. */
    private static ObjectNode largestGatewayRun(String markdown) {
        ObjectNode best = null;
        for (String section : markdown.split("\n## ")) {
            Matcher heading = Pattern.compile("^([0-9T:-]+Z): `([^`]*)`").matcher(section);
            if (!heading.find()) {
                continue;
            }
            ObjectNode row = Report.JSON.createObjectNode();
            Matcher cell = Pattern.compile("\\| ([a-z_0-9]+) \\| ([0-9.]+) \\|").matcher(section);
            while (cell.find()) {
                row.put(cell.group(1), Double.parseDouble(cell.group(2)));
            }
            if (!row.has("connections") || !row.has("p99_ms")) {
                continue;
            }
            Matcher runs = Pattern.compile("median of ([0-9]+) runs").matcher(section);
            row.put("runs", runs.find() ? Integer.parseInt(runs.group(1)) : 1);
            row.put("date", heading.group(1).substring(0, 10));
            row.put("command", heading.group(2));
            row.put("source", "benchmarks/gateway/results.md");
            if (best == null
                    || row.get("connections").asDouble()
                            >= best.get("connections").asDouble()) {
                best = row;
            }
        }
        return best;
    }
}
