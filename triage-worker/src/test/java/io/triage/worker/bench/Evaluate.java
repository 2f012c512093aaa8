package io.triage.worker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triage.worker.category.Category;
import io.triage.worker.classifier.Classification;
import io.triage.worker.classifier.LocalClassifier;
import io.triage.worker.classifier.Neighbour;
import io.triage.worker.classifier.NeighbourClassifier;
import io.triage.worker.classifier.NeighbourVote;
import io.triage.worker.classifier.TicketText;
import io.triage.worker.embedding.TicketEmbedder;
import io.triage.worker.embedding.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Offline evaluation of the worker's local model on a labelled CSV ({@code text,category}): a seeded, stratified split
 * into history (the labelled examples) and validation, embedded with the worker's embedder and classified with the
 * worker's own {@link NeighbourClassifier}; prints accuracy, macro-F1, accuracy and coverage per confidence threshold,
 * a reliability table, and single-thread throughput. Run by {@code benchmarks/triage/evaluate}.
 *
 * <p>The nearest-neighbour search is exact (brute force in memory) where the worker asks pgvector's HNSW index, which is
 * approximate; with the index's defaults the two agree on nearly every neighbour at this size.
 */
public final class Evaluate {

    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private Evaluate() {}

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Path csv = Path.of(options.csv);
        if (!Files.isReadable(csv)) {
            System.err.println("evaluate: cannot read " + csv.toAbsolutePath()
                    + " (expected a CSV with a header line and columns text,category)");
            System.exit(2);
        }
        List<Row> rows = Csv.read(csv, options.textColumns, options.labelColumn);
        Split split = Split.of(rows, options);
        System.out.printf(
                Locale.ROOT,
                "data: %s (text %s, label %s), %d rows, %d classes; history %d, validation %d (%s, seed %d)%n",
                csv.getFileName(),
                String.join("+", options.textColumns),
                options.labelColumn,
                rows.size(),
                split.classes().size(),
                split.history().size(),
                split.validation().size(),
                options.perClass > 0
                        ? options.perClass + " per class as history"
                        : "validation fraction " + options.validationFraction,
                options.seed);
        System.out.printf(
                Locale.ROOT,
                "model: %s, k=%d, kernel width=%.3f, correction weight=%.1f%n",
                NeighbourClassifier.MODEL,
                options.k,
                options.kernelWidth,
                options.correctionWeight);

        TicketEmbedder embedder = new TicketEmbedder();
        Map<UUID, float[]> embeddings =
                EmbeddingCache.embedAll(rows, embedder, Evaluate::ticket, csv, String.join(",", options.textColumns));
        List<float[]> history =
                split.history().stream().map(row -> embeddings.get(row.id())).toList();

        List<Category> categories =
                split.classes().stream().map(name -> new Category(name, "", "")).toList();
        NeighbourClassifier classifier = new NeighbourClassifier(
                new NeighbourVote(options.correctionWeight, options.kernelWidth), new LocalClassifier("general"));

        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<Double> confidence = new ArrayList<>();
        for (Row row : split.validation()) {
            TicketText ticket = ticket(row);
            List<Neighbour> neighbours = nearest(embeddings.get(row.id()), history, split.history(), options.k);
            Classification result = classifier.classify(ticket, neighbours, categories);
            truth.add(row.label());
            predicted.add(result.category());
            confidence.add(result.categoryConfidence());
        }
        Report report = report(truth, predicted, confidence, split.classes());

        // Throughput as a worker thread sees it: embed a new ticket, find its neighbours, vote; fresh embeddings, after
        // a warm-up, on one thread. The database round trips of the worker are not included.
        List<Row> sample = split.validation()
                .subList(
                        0, Math.min(options.throughputSample, split.validation().size()));
        for (Row row : sample.subList(0, Math.min(50, sample.size()))) {
            classifier.classify(
                    ticket(row), nearest(embedder.embed(ticket(row)), history, split.history(), options.k), categories);
        }
        long embedNanos = 0;
        long started = System.nanoTime();
        for (Row row : sample) {
            long before = System.nanoTime();
            float[] embedding = embedder.embed(ticket(row));
            embedNanos += System.nanoTime() - before;
            classifier.classify(ticket(row), nearest(embedding, history, split.history(), options.k), categories);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%nthroughput, one thread, %d tickets: %.1f tickets/s (%.2f ms per ticket, of which embedding %.2f ms;"
                        + " k-NN over %d examples + vote the rest)%n",
                sample.size(),
                sample.size() / seconds,
                seconds * 1000 / sample.size(),
                embedNanos / 1e6 / sample.size(),
                history.size());
        if (options.json != null) {
            writeJson(Path.of(options.json), options, rows.size(), split, report, sample.size() / seconds);
        }
    }

    /** The figures benchmarks/run reads (results.json), beside the printed report. */
    private static void writeJson(
            Path file, Options options, int rows, Split split, Report report, double ticketsPerSecond)
            throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        Path csv = Path.of(options.csv).toAbsolutePath();
        json.put("csv", csv.getParent().getFileName() + "/" + csv.getFileName());
        json.put("textColumns", options.textColumns);
        json.put("labelColumn", options.labelColumn);
        json.put("rows", rows);
        json.put("classes", split.classes().size());
        json.put("history", split.history().size());
        json.put("validation", split.validation().size());
        json.put(
                "split",
                options.perClass > 0
                        ? options.perClass + " per class as history"
                        : "validation fraction " + options.validationFraction);
        json.put("seed", options.seed);
        json.put("k", options.k);
        json.put("kernelWidth", options.kernelWidth);
        json.put("accuracy", report.accuracy());
        json.put("macroF1", report.macroF1());
        json.put("thresholds", report.thresholds());
        json.put("ticketsPerSecondOneThread", ticketsPerSecond);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(
                file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    /** A CSV row as the worker sees a ticket: the text is the body, with no subject. */
    private static TicketText ticket(Row row) {
        return new TicketText("", row.text());
    }

    private static List<Neighbour> nearest(float[] query, List<float[]> vectors, List<Row> rows, int k) {
        PriorityQueue<Scored> best = new PriorityQueue<>((a, b) -> Double.compare(a.similarity, b.similarity));
        for (int i = 0; i < vectors.size(); i++) {
            double similarity = Vectors.similarity(query, vectors.get(i));
            if (best.size() < k) {
                best.add(new Scored(i, similarity));
            } else if (similarity > best.peek().similarity) {
                best.poll();
                best.add(new Scored(i, similarity));
            }
        }
        List<Scored> sorted = new ArrayList<>(best);
        sorted.sort((a, b) -> Double.compare(b.similarity, a.similarity));
        List<Neighbour> neighbours = new ArrayList<>(sorted.size());
        for (Scored scored : sorted) {
            Row row = rows.get(scored.index);
            neighbours.add(new Neighbour(row.id(), "import", null, row.label(), null, scored.similarity, null));
        }
        return neighbours;
    }

    /** Accuracy, macro-F1 and, per threshold, coverage, accuracy when applied and the share left to the LLM. */
    record Report(double accuracy, double macroF1, List<Map<String, Double>> thresholds) {}

    private static Report report(
            List<String> truth, List<String> predicted, List<Double> confidence, List<String> classes) {
        int n = truth.size();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        double accuracy = (double) correct / n;
        double macroF1 = macroF1(truth, predicted, classes);
        System.out.printf(
                Locale.ROOT, "%naccuracy %.4f, macro-F1 %.4f (%d validation tickets)%n", accuracy, macroF1, n);
        List<Map<String, Double>> rows = new ArrayList<>();

        System.out.println("\nthreshold  coverage  accuracy-when-applied  to-LLM-or-agent");
        for (double threshold : THRESHOLDS) {
            int covered = 0;
            int right = 0;
            for (int i = 0; i < n; i++) {
                if (confidence.get(i) >= threshold) {
                    covered++;
                    if (truth.get(i).equals(predicted.get(i))) {
                        right++;
                    }
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "   %.1f      %6.2f%%   %6.2f%%                %6.2f%%%n",
                    threshold,
                    100.0 * covered / n,
                    covered == 0 ? 0 : 100.0 * right / covered,
                    100.0 * (n - covered) / n);
            rows.add(Map.of(
                    "threshold",
                    threshold,
                    "coverage",
                    (double) covered / n,
                    "accuracyWhenApplied",
                    covered == 0 ? 0 : (double) right / covered,
                    "toLlm",
                    (double) (n - covered) / n));
        }

        System.out.println("\nreliability: confidence bin -> share of tickets, observed accuracy");
        TreeMap<Integer, int[]> bins = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int bin = Math.min(9, (int) Math.floor(confidence.get(i) * 10));
            int[] counts = bins.computeIfAbsent(bin, b -> new int[2]);
            counts[0]++;
            if (truth.get(i).equals(predicted.get(i))) {
                counts[1]++;
            }
        }
        bins.forEach((bin, counts) -> System.out.printf(
                Locale.ROOT,
                "  [%.1f, %.1f%s  %6.2f%%  %6.2f%%%n",
                bin / 10.0,
                (bin + 1) / 10.0,
                bin == 9 ? "]" : ")",
                100.0 * counts[0] / n,
                100.0 * counts[1] / counts[0]));
        return new Report(accuracy, macroF1, rows);
    }

    private static double macroF1(List<String> truth, List<String> predicted, List<String> classes) {
        double sum = 0;
        for (String label : classes) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean isTrue = truth.get(i).equals(label);
                boolean isPredicted = predicted.get(i).equals(label);
                if (isTrue && isPredicted) {
                    tp++;
                } else if (isPredicted) {
                    fp++;
                } else if (isTrue) {
                    fn++;
                }
            }
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return sum / classes.size();
    }

    private record Scored(int index, double similarity) {}

    record Row(UUID id, String text, String label) {}

    private record Split(List<Row> history, List<Row> validation, List<String> classes) {

        /** Stratified: every class contributes to both sides in the same proportion. */
        static Split of(List<Row> rows, Options options) {
            Map<String, List<Row>> byClass = new LinkedHashMap<>();
            rows.forEach(row ->
                    byClass.computeIfAbsent(row.label(), l -> new ArrayList<>()).add(row));
            Random random = new Random(options.seed);
            List<Row> history = new ArrayList<>();
            List<Row> validation = new ArrayList<>();
            for (List<Row> members : byClass.values()) {
                List<Row> shuffled = new ArrayList<>(members);
                Collections.shuffle(shuffled, random);
                int historySize = options.perClass > 0
                        ? Math.min(options.perClass, shuffled.size() - 1)
                        : shuffled.size() - (int) Math.max(1, Math.round(shuffled.size() * options.validationFraction));
                history.addAll(shuffled.subList(0, historySize));
                validation.addAll(shuffled.subList(historySize, shuffled.size()));
            }
            return new Split(history, validation, List.copyOf(new TreeMap<>(byClass).keySet()));
        }
    }

    private static final class Options {
        String csv;
        int perClass;
        double validationFraction = 0.2;
        long seed = 42;
        int k = 10;
        double kernelWidth = 0.02;
        double correctionWeight = 3;
        int throughputSample = 500;
        List<String> textColumns = List.of("text");
        String labelColumn = "category";
        String json;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--per-class" -> options.perClass = Integer.parseInt(args[++i]);
                    case "--validation-fraction" -> options.validationFraction = Double.parseDouble(args[++i]);
                    case "--seed" -> options.seed = Long.parseLong(args[++i]);
                    case "--k" -> options.k = Integer.parseInt(args[++i]);
                    case "--kernel-width" -> options.kernelWidth = Double.parseDouble(args[++i]);
                    case "--throughput-sample" -> options.throughputSample = Integer.parseInt(args[++i]);
                    case "--text-columns" -> options.textColumns = List.of(args[++i].split(","));
                    case "--label-column" -> options.labelColumn = args[++i];
                    case "--json" -> options.json = args[++i];
                    default -> {
                        if (arg.startsWith("--") || options.csv != null) {
                            System.err.println("evaluate: unknown argument " + arg);
                            System.exit(2);
                        }
                        options.csv = arg;
                    }
                }
            }
            if (options.csv == null) {
                options.csv = "../shared/datasets/banking77/train.csv";
            }
            return options;
        }
    }

    /**
     * RFC 4180 CSV with a header; the text columns (joined by a blank line, e.g. subject and body) and the label
     * column found by name.
     */
    static final class Csv {

        static List<Row> read(Path path, List<String> textColumns, String labelColumn) throws IOException {
            List<List<String>> records = parse(Files.readString(path, StandardCharsets.UTF_8));
            if (records.isEmpty()) {
                throw new IllegalArgumentException("empty CSV");
            }
            List<String> header = records.get(0);
            List<Integer> text = textColumns.stream().map(header::indexOf).toList();
            int label = header.indexOf(labelColumn);
            if (text.contains(-1) || label < 0) {
                System.err.println(
                        "evaluate: the CSV needs columns " + textColumns + " and " + labelColumn + ", found " + header);
                System.exit(2);
            }
            int last = Math.max(label, Collections.max(text));
            List<Row> rows = new ArrayList<>();
            Random ids = new Random(0);
            for (List<String> record : records.subList(1, records.size())) {
                if (record.size() > last && !record.get(label).isBlank()) {
                    String joined = String.join(
                                    "\n\n", text.stream().map(record::get).toList())
                            .strip();
                    rows.add(new Row(new UUID(ids.nextLong(), ids.nextLong()), joined, record.get(label)));
                }
            }
            return rows;
        }

        static List<List<String>> parse(String content) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < content.length(); i++) {
                char c = content.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(field.toString());
                    field.setLength(0);
                    if (!(record.size() == 1 && record.get(0).isEmpty())) {
                        records.add(record);
                    }
                    record = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !record.isEmpty()) {
                record.add(field.toString());
                records.add(record);
            }
            return records;
        }
    }
}
