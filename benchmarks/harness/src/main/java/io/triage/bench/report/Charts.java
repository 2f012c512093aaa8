package io.triage.bench.report;

import static io.triage.bench.report.Numbers.median;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG plots of results.json, drawn headless with JFreeChart. */
final class Charts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;

    private Charts() {}

    /** The plot files results.json yields, in the order they are shown. */
    static List<String> names(JsonNode json) {
        List<String> names = new ArrayList<>();
        if (json.has("intake")) {
            names.add("intake-latency.png");
        }
        if (json.has("syncAsync")) {
            names.add("sync-vs-async-throughput.png");
            names.add("sync-vs-async-latency.png");
        }
        if (json.has("e2e")) {
            names.add("end-to-end-latency.png");
        }
        if (json.has("drain")) {
            names.add("triage-throughput.png");
        }
        if (json.has("resources")) {
            names.add("resources-rss.png");
            names.add("resources-cpu.png");
        }
        if (json.has("quality")) {
            names.add("quality-accuracy-vs-coverage.png");
            names.add("quality-llm-share.png");
        }
        return names;
    }

    static List<String> write(JsonNode json, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> names = names(json);
        for (String name : names) {
            JFreeChart chart = switch (name) {
                case "intake-latency.png" -> intakeLatency(json.path("intake"));
                case "sync-vs-async-throughput.png" -> syncThroughput(json.path("syncAsync"));
                case "sync-vs-async-latency.png" -> syncLatency(json.path("syncAsync"));
                case "end-to-end-latency.png" -> endToEnd(json.path("e2e"));
                case "triage-throughput.png" -> drain(json.path("drain"));
                case "resources-rss.png" -> resources(json.path("resources"), "rssMiB", "RSS (MiB)");
                case "resources-cpu.png" -> resources(json.path("resources"), "cpuPercent", "CPU (% of one core)");
                case "quality-accuracy-vs-coverage.png" -> qualityCoverage(json.path("quality"));
                case "quality-llm-share.png" -> qualityLlmShare(json.path("quality"));
                default -> throw new IllegalStateException(name);
            };
            ChartUtils.saveChartAsPNG(dir.resolve(name).toFile(), chart, WIDTH, HEIGHT);
        }
        return names;
    }

    private static JFreeChart intakeLatency(JsonNode intake) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (JsonNode level : intake.path("latency")) {
            JsonNode runs = level.path("runs");
            String series = String.format(
                    Locale.ROOT,
                    "%.0f%% of saturation (%.0f/s)",
                    level.path("fraction").asDouble() * 100,
                    median(runs, "targetRate"));
            data.addValue(median(runs, "p50Ms"), series, "p50");
            data.addValue(median(runs, "p99Ms"), series, "p99");
            data.addValue(median(runs, "p999Ms"), series, "p99.9");
        }
        return bars("Intake latency, open loop (POST /api/tickets)", "percentile", "ms", data, false);
    }

    private static JFreeChart syncThroughput(JsonNode sync) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (JsonNode variant : sync.path("variants")) {
            data.addValue(
                    median(variant.path("saturation"), "rate"),
                    "tickets/s",
                    variant.path("key").asText());
        }
        return bars("Throughput at saturation: async intake vs triage in the request", "", "tickets/s", data, false);
    }

    private static JFreeChart syncLatency(JsonNode sync) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (JsonNode variant : sync.path("variants")) {
            data.addValue(
                    median(variant.path("latency"), "p50Ms"),
                    "p50",
                    variant.path("key").asText());
            data.addValue(
                    median(variant.path("latency"), "p99Ms"),
                    "p99",
                    variant.path("key").asText());
        }
        return bars(
                String.format(
                        Locale.ROOT,
                        "Request latency at %.0f/s (log scale)",
                        sync.path("rate").asDouble()),
                "",
                "ms",
                data,
                true);
    }

    private static JFreeChart endToEnd(JsonNode e2e) {
        XYSeries p50 = new XYSeries("p50");
        XYSeries p99 = new XYSeries("p99");
        JsonNode first = e2e.path("runs").path(0).path("rates");
        for (int i = 0; i < first.size(); i++) {
            ArrayNode perRate = Report.JSON.createArrayNode();
            for (JsonNode run : e2e.path("runs")) {
                perRate.add(run.path("rates").path(i));
            }
            double rate = first.path(i).path("rate").asDouble();
            p50.add(rate, median(perRate, "p50Ms"));
            p99.add(rate, median(perRate, "p99Ms"));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(p50);
        data.addSeries(p99);
        return lines("POST to ticket.triaged on a WebSocket", "tickets/s posted (open loop)", "ms", data);
    }

    private static JFreeChart drain(JsonNode drain) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (JsonNode result : drain.path("results")) {
            data.addValue(
                    median(result.path("runs"), "ticketsPerSecond"),
                    "tickets/s",
                    result.path("workers").asInt() + (result.path("workers").asInt() == 1 ? " worker" : " workers"));
        }
        return bars("Triage throughput, local model (backlog drain)", "", "tickets/s", data, false);
    }

    private static JFreeChart resources(JsonNode resources, String field, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String phase : List.of("idle", "load")) {
            for (JsonNode process : resources.path(phase).path("processes")) {
                data.addValue(
                        process.path(field).asDouble(),
                        phase.equals("idle") ? "idle" : "under load",
                        process.path("name").asText());
            }
        }
        JFreeChart chart = bars(axis + " per process", "", axis, data, false);
        chart.getCategoryPlot()
                .getDomainAxis()
                .setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        return chart;
    }

    private static JFreeChart qualityCoverage(JsonNode quality) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (JsonNode run : quality.path("evaluations")) {
            XYSeries series = new XYSeries(run.path("name").asText(), false);
            for (JsonNode row : run.path("thresholds")) {
                series.add(
                        row.path("coverage").asDouble() * 100,
                        row.path("accuracyWhenApplied").asDouble() * 100);
            }
            data.addSeries(series);
        }
        return lines(
                "Accuracy at coverage (thresholds 0.3 .. 0.9)",
                "tickets applied automatically (%)",
                "accuracy of those (%)",
                data);
    }

    private static JFreeChart qualityLlmShare(JsonNode quality) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (JsonNode run : quality.path("evaluations")) {
            XYSeries series = new XYSeries(run.path("name").asText());
            for (JsonNode row : run.path("thresholds")) {
                series.add(row.path("threshold").asDouble(), row.path("toLlm").asDouble() * 100);
            }
            data.addSeries(series);
        }
        return lines("Share of tickets that would need the LLM", "apply threshold", "% of tickets", data);
    }

    private static JFreeChart bars(String title, String x, String y, DefaultCategoryDataset data, boolean log) {
        JFreeChart chart = ChartFactory.createBarChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}",
                new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        if (log) {
            LogAxis axis = new LogAxis(y);
            axis.setSmallestValue(0.1);
            axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            axis.setNumberFormatOverride(
                    new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
            plot.setRangeAxis(axis);
            renderer.setBase(0.1);
        } else {
            plot.getRangeAxis().setUpperMargin(0.15);
        }
        return chart;
    }

    private static JFreeChart lines(String title, String x, String y, XYSeriesCollection data) {
        JFreeChart chart =
                ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
    }
}
