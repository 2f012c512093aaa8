package io.triage.worker.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the language of a ticket from function words ("und", "the", "nicht") and a few spelling cues (umlauts, "sch",
 * "-ung"): no model, no dependency, deterministic. Names English, German, French, Spanish and Dutch, the others only
 * so that a French ticket is not called English. Answers nothing rather than guess: on short text (a few words say
 * nothing reliable), and when no language clearly leads.
 */
public final class Languages {

    /** Fewer words than this are never given a language. */
    static final int MIN_WORDS = 4;

    /** The winner needs at least this much evidence (about two function words)... */
    static final double MIN_SCORE = 2.0;

    /** ...and this share of all the evidence found. */
    static final double MIN_SHARE = 0.6;

    /** The opening of a ticket says which language it is in; reading a long one further only costs time. */
    static final int MAX_CHARS = 5_000;

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en",
            Set.of(
                    "the", "and", "is", "are", "was", "were", "to", "of", "in", "it", "that", "this", "with", "for",
                    "my", "i", "you", "your", "we", "our", "have", "has", "not", "can", "could", "would", "please",
                    "on", "be", "been", "there", "what", "when", "why", "how", "do", "does", "did", "an", "at", "from",
                    "but", "me", "us", "they", "will", "any", "since", "still", "which", "about", "after", "again"),
            "de",
            Set.of(
                    "und",
                    "der",
                    "die",
                    "das",
                    "ist",
                    "sind",
                    "nicht",
                    "ich",
                    "wir",
                    "sie",
                    "mit",
                    "für",
                    "auf",
                    "ein",
                    "eine",
                    "einen",
                    "dem",
                    "den",
                    "des",
                    "zu",
                    "von",
                    "bei",
                    "mein",
                    "meine",
                    "meinen",
                    "unser",
                    "unsere",
                    "ihr",
                    "ihre",
                    "ihnen",
                    "bitte",
                    "kann",
                    "können",
                    "könnten",
                    "wurde",
                    "wurden",
                    "haben",
                    "hat",
                    "habe",
                    "auch",
                    "noch",
                    "aber",
                    "oder",
                    "wenn",
                    "dass",
                    "seit",
                    "wie",
                    "was",
                    "warum",
                    "kein",
                    "keine",
                    "immer",
                    "schon",
                    "mehr",
                    "sich",
                    "es",
                    "um",
                    "über",
                    "zur",
                    "zum",
                    "im",
                    "vom",
                    "während",
                    "aufgrund",
                    "diese",
                    "dieser",
                    "dies",
                    "werden",
                    "wird"),
            "fr",
            Set.of(
                    "le", "la", "les", "et", "est", "sont", "je", "nous", "vous", "avec", "pour", "sur", "une", "des",
                    "du", "au", "aux", "mon", "ma", "mes", "votre", "vos", "pas", "ne", "que", "qui", "dans", "il",
                    "elle", "merci", "depuis", "mais", "ou", "ce", "cette", "avoir", "fait"),
            "es",
            Set.of(
                    "el",
                    "la",
                    "los",
                    "las",
                    "y",
                    "es",
                    "son",
                    "yo",
                    "nosotros",
                    "usted",
                    "con",
                    "para",
                    "por",
                    "una",
                    "un",
                    "del",
                    "al",
                    "mi",
                    "mis",
                    "su",
                    "sus",
                    "no",
                    "que",
                    "en",
                    "pero",
                    "desde",
                    "como",
                    "gracias",
                    "está",
                    "están",
                    "hay",
                    "muy",
                    "este",
                    "esta"),
            "nl",
            Set.of(
                    "de", "het", "een", "en", "is", "zijn", "ik", "wij", "we", "jullie", "met", "voor", "op", "van",
                    "niet", "mijn", "uw", "dat", "die", "maar", "of", "sinds", "nog", "geen", "wel", "kunnen", "kunt",
                    "graag", "bedankt", "hebben", "heb", "heeft", "wordt", "werd"));

    /** Spelling that one language uses far more than the others; each occurrence counts a fraction of a word. */
    private static final Map<String, List<Pattern>> SPELLING = Map.of(
            "de",
            patterns("[äöüß]", "sch", "\\p{L}{3}ung\\b", "\\p{L}{2}(keit|heit|lich)\\b", "tz", "\\bge\\p{L}{3,}t\\b"),
            "en",
            patterns("\\bth", "\\p{L}{2}ing\\b", "\\p{L}{2}tion\\b", "\\p{L}{2}ed\\b", "\\bwh", "\\p{L}{2}ly\\b"),
            "fr",
            patterns("[éèêàçù]", "\\p{L}{2}eux\\b", "\\bqu'"),
            "es",
            patterns("[ñ¿¡áíóú]", "\\p{L}{2}ción\\b"),
            "nl",
            patterns("ij", "\\boo", "aa", "\\p{L}{2}lijk\\b"));

    private static final double SPELLING_WEIGHT = 0.25;

    /** Spelling can tip a close call but never outweigh the function words alone. */
    private static final double MAX_SPELLING_SCORE = 2.0;

    private Languages() {}

    /** The ISO 639-1 code of the text's language, or {@code null} when the text does not say clearly enough. */
    public static Detection detect(String text) {
        String opening = text == null ? "" : text.substring(0, Math.min(text.length(), MAX_CHARS));
        String lower = opening.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        var matcher = WORD.matcher(lower);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        if (words.size() < MIN_WORDS) {
            return Detection.UNKNOWN;
        }
        Map<String, Double> scores = new HashMap<>();
        FUNCTION_WORDS.forEach((language, functionWords) -> {
            long hits = words.stream().filter(functionWords::contains).count();
            scores.put(language, (double) hits);
        });
        SPELLING.forEach((language, cues) -> {
            long hits = 0;
            for (Pattern cue : cues) {
                hits += cue.matcher(lower).results().count();
            }
            scores.merge(language, Math.min(MAX_SPELLING_SCORE, hits * SPELLING_WEIGHT), Double::sum);
        });
        String best = null;
        double total = 0;
        for (Map.Entry<String, Double> score : scores.entrySet()) {
            total += score.getValue();
            if (best == null
                    || score.getValue() > scores.get(best)
                    || (score.getValue().equals(scores.get(best))
                            && score.getKey().compareTo(best) < 0)) {
                best = score.getKey();
            }
        }
        double winner = scores.get(best);
        double share = total == 0 ? 0 : winner / total;
        if (winner < MIN_SCORE || share < MIN_SHARE) {
            return Detection.UNKNOWN;
        }
        return new Detection(best, Math.round(share * 1000) / 1000.0);
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    /**
     * @param language ISO 639-1 code, or {@code null} when unknown
     * @param confidence the winner's share of the evidence, 0 when unknown
     */
    public record Detection(String language, double confidence) {

        static final Detection UNKNOWN = new Detection(null, 0);
    }
}
