package io.triage.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triage.bench.Args;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code report}: assembles results.json from the parts a run wrote, then writes results.md, the PNG plots and
 * README.md's "Measured figures" section, all from results.json. {@code --render-only true} skips the assembly (to
 * redraw from a committed results.json).
 */
public final class Report {

    public static final String BEGIN = "<!-- figures:begin -->";
    public static final String END = "<!-- figures:end -->";
    static final ObjectMapper JSON = new ObjectMapper();

    private Report() {}

    public static void run(Args args) throws IOException {
        Path root = Path.of(args.get("root", ".")).toAbsolutePath().normalize();
        Path results = root.resolve("benchmarks/results");
        Path file = results.resolve("results.json");
        if (!Boolean.parseBoolean(args.get("render-only", "false"))) {
            ObjectNode assembled = assemble(results.resolve("parts"), root);
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(assembled) + "\n");
        }
        JsonNode json = JSON.readTree(file.toFile());
        Files.createDirectories(results.resolve("plots"));
        List<String> plots = Charts.write(json, results.resolve("plots"));
        Files.writeString(results.resolve("results.md"), Markdown.resultsFile(json, plots));
        Path readme = root.resolve("README.md");
        Files.writeString(readme, withSection(Files.readString(readme), Markdown.readmeSection(json, plots)));
        System.out.println("wrote " + file + ", results.md, " + plots.size() + " plots and README.md's section");
    }

    /** Every part file (parts/NAME.json) under its name, plus the figures other benchmarks recorded elsewhere. */
    static ObjectNode assemble(Path parts, Path root) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        try (Stream<Path> files = Files.list(parts)) {
            for (Path part :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = part.getFileName().toString().replace(".json", "");
                json.set(name, JSON.readTree(part.toFile()));
            }
        }
        json.set("external", External.read(root));
        return json;
    }

    /** README with its figures section replaced; fails when the markers are missing. */
    public static String withSection(String readme, String section) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README.md lacks the markers " + BEGIN + " / " + END);
        }
        return readme.substring(0, begin) + BEGIN + "\n" + section + END + readme.substring(end + END.length());
    }

    /** The section currently in README (between the markers, markers excluded). */
    public static String section(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README.md lacks the markers " + BEGIN + " / " + END);
        }
        return readme.substring(begin + BEGIN.length() + 1, end);
    }
}
