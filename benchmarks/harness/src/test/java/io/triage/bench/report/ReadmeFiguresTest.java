package io.triage.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's "Measured figures" section is exactly what benchmarks/results/results.json renders. */
class ReadmeFiguresTest {

    private static final Path ROOT = Path.of(System.getProperty("repo.root", "../.."));

    @Test
    void readmeSectionIsWhatResultsJsonRenders() throws IOException {
        JsonNode results = Report.JSON.readTree(
                ROOT.resolve("benchmarks/results/results.json").toFile());
        String readme = Files.readString(ROOT.resolve("README.md"));

        String expected = Markdown.readmeSection(results, Charts.names(results));

        assertThat(Report.section(readme))
                .as("README.md's figures section; regenerate it with benchmarks/run (or"
                        + " benchmarks/run report to redraw from results.json)")
                .isEqualTo(expected);
    }

    @Test
    void everyPlotTheSectionShowsIsCommitted() throws IOException {
        JsonNode results = Report.JSON.readTree(
                ROOT.resolve("benchmarks/results/results.json").toFile());
        for (String plot : Charts.names(results)) {
            assertThat(ROOT.resolve("benchmarks/results/plots").resolve(plot)).isRegularFile();
        }
    }

    @Test
    void aChangedFigureIsNoticed() throws IOException {
        JsonNode results = Report.JSON.readTree(
                ROOT.resolve("benchmarks/results/results.json").toFile());
        String section = Markdown.readmeSection(results, Charts.names(results));
        String readme = "intro\n" + Report.BEGIN + "\nold figures\n" + Report.END + "\noutro\n";

        String updated = Report.withSection(readme, section);

        assertThat(Report.section(updated)).isEqualTo(section);
        assertThat(updated).startsWith("intro\n").endsWith("\noutro\n");
        assertThat(Report.section(readme)).isNotEqualTo(section);
    }

    @Test
    void missingMarkersAreAnError() {
        assertThatThrownBy(() -> Report.withSection("no markers", "x")).isInstanceOf(IllegalStateException.class);
    }
}
