package io.triage.worker.classifier;

import io.triage.worker.category.Category;
import io.triage.worker.config.TriageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default model: no network, no key, deterministic. Scores the ticket against each category's name and
 * description by TF-IDF cosine similarity, turns the scores into a probability with a softmax, guesses the priority
 * from urgency cues and summarises with the first sentences. Weak on tickets that paraphrase instead of naming the
 * problem; the language model or a trained model replaces it behind the same {@link Classification}.
 */
@ApplicationScoped
public class LocalClassifier {

    public static final String MODEL = "lexical-v0";
    public static final String SOURCE = "local";

    /** Softmax temperature on cosine similarities in [0, 1]: a lead of 0.3 over the runner-up gives ~95%. */
    private static final double TEMPERATURE = 0.1;

    /** The subject names the problem more often than the body does, so its words count double. */
    private static final int SUBJECT_WEIGHT = 2;

    private final String fallbackCategory;

    @Inject
    public LocalClassifier(TriageConfig config) {
        this(config.local().fallbackCategory());
    }

    public LocalClassifier(String fallbackCategory) {
        this.fallbackCategory = fallbackCategory;
    }

    public Classification classify(TicketText ticket, List<Category> categories) {
        if (categories.isEmpty()) {
            throw new NoActiveCategoryException();
        }
        double[] scores = similarities(ticket, categories);
        double[] probabilities = softmax(scores);
        int best = bestIndex(scores, categories);
        PriorityCues.Guess priority = PriorityCues.guess(ticket);
        return new Classification(
                categories.get(best).name(),
                probabilities[best],
                priority.priority(),
                priority.confidence(),
                Summaries.summarize(ticket),
                null,
                MODEL,
                SOURCE);
    }

    /** Cosine similarity between the ticket and each category in TF-IDF space built over the categories. */
    static double[] similarities(TicketText ticket, List<Category> categories) {
        List<Map<String, Integer>> documents = categories.stream()
                .map(c -> counts(Tokenizer.tokens(c.name() + " " + c.description())))
                .toList();
        Map<String, Double> idf = inverseDocumentFrequencies(documents);

        Map<String, Integer> query = counts(Tokenizer.tokens(ticket.body()));
        for (String token : Tokenizer.tokens(ticket.subject())) {
            query.merge(token, SUBJECT_WEIGHT, Integer::sum);
        }
        Map<String, Double> queryVector = weigh(query, idf);

        double[] scores = new double[categories.size()];
        for (int i = 0; i < documents.size(); i++) {
            scores[i] = cosine(queryVector, weigh(documents.get(i), idf));
        }
        return scores;
    }

    private int bestIndex(double[] scores, List<Category> categories) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        if (scores[best] > 0) {
            return best;
        }
        // No shared word at all: the catch-all category is a more honest guess than the alphabetically first one.
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).name().equals(fallbackCategory)) {
                return i;
            }
        }
        return best;
    }

    private static Map<String, Integer> counts(List<String> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        tokens.forEach(token -> counts.merge(token, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Double> inverseDocumentFrequencies(List<Map<String, Integer>> documents) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Map<String, Integer> document : documents) {
            document.keySet().forEach(token -> documentFrequency.merge(token, 1, Integer::sum));
        }
        int n = documents.size();
        Map<String, Double> idf = new HashMap<>();
        // Smoothed idf: a word in every category still counts a little, a word in one category counts most.
        documentFrequency.forEach((token, df) -> idf.put(token, Math.log((1.0 + n) / (1.0 + df)) + 1.0));
        return idf;
    }

    /** Sublinear tf so that one word repeated ten times does not outvote five different relevant words. */
    private static Map<String, Double> weigh(Map<String, Integer> counts, Map<String, Double> idf) {
        Map<String, Double> vector = new HashMap<>();
        counts.forEach((token, count) -> {
            Double weight = idf.get(token);
            if (weight != null) {
                vector.put(token, (1.0 + Math.log(count)) * weight);
            }
        });
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        Set<String> shared = new HashSet<>(a.keySet());
        shared.retainAll(b.keySet());
        for (String token : shared) {
            dot += a.get(token) * b.get(token);
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double[] exp = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            exp[i] = Math.exp((scores[i] - max) / TEMPERATURE);
            sum += exp[i];
        }
        for (int i = 0; i < exp.length; i++) {
            exp[i] /= sum;
        }
        return exp;
    }
}
