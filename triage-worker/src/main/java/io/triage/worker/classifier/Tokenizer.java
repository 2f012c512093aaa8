package io.triage.worker.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits text into lower-case word stems for lexical matching. The stemmer only folds the regular English endings
 * (refunds, refunded, refunding -> refund), which is enough for category descriptions written in plain words.
 */
final class Tokenizer {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MIN_STEM = 3;

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
            "but", "by", "can", "could", "did", "do", "does", "for", "from", "get", "got", "had", "has", "have",
            "hello", "hi", "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "my", "no", "not", "of",
            "on", "or", "other", "our", "please", "so", "some", "than", "that", "the", "their", "them", "then", "there",
            "these", "they", "this", "to", "up", "us", "was", "we", "were", "what", "when", "which", "who", "why",
            "will", "with", "would", "you", "your");

    private Tokenizer() {}

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty() || STOP_WORDS.contains(word)) {
                continue;
            }
            tokens.add(stem(word));
        }
        return tokens;
    }

    static String stem(String word) {
        String stem = word;
        if (stem.endsWith("ies") && stem.length() - 3 >= MIN_STEM) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        }
        for (String suffix : List.of("ing", "ed", "es", "s")) {
            if (stem.endsWith(suffix) && !stem.endsWith("ss") && stem.length() - suffix.length() >= MIN_STEM) {
                stem = stem.substring(0, stem.length() - suffix.length());
                break;
            }
        }
        if ((stem.endsWith("e") || stem.endsWith("y")) && stem.length() - 1 >= MIN_STEM) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem;
    }
}
