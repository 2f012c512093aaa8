package io.triage.worker.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's tone from a small English and German lexicon and typographic cues ("!!!", shouting in capitals). A
 * cue preceded by a negation within two words counts for the other side ("not happy"), or not at all for a negative
 * cue ("not bad" is no praise either). Describing a problem is not a tone: "error" or "broken" count nothing, so most
 * tickets are neutral and a negative label means the customer is upset.
 */
public final class Sentiments {

    /** Confidence of "neutral" when no cue at all was found. */
    static final double NO_CUE_CONFIDENCE = 0.6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");
    private static final Pattern REPEATED_MARKS = Pattern.compile("[!?]*![!?]*!+[!?]*!");
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{4,}\\b");

    /** Weight 2: anger or strong words; weight 1: disappointment, mild complaints. */
    private static final Map<String, Integer> NEGATIVE = Map.ofEntries(
            Map.entry("unacceptable", 2),
            Map.entry("furious", 2),
            Map.entry("outraged", 2),
            Map.entry("ridiculous", 2),
            Map.entry("disgraceful", 2),
            Map.entry("disgusting", 2),
            Map.entry("terrible", 2),
            Map.entry("horrible", 2),
            Map.entry("awful", 2),
            Map.entry("worst", 2),
            Map.entry("scam", 2),
            Map.entry("pathetic", 2),
            Map.entry("useless", 2),
            Map.entry("incompetent", 2),
            Map.entry("angry", 2),
            Map.entry("fed", 1),
            Map.entry("frustrated", 1),
            Map.entry("frustrating", 1),
            Map.entry("annoyed", 1),
            Map.entry("annoying", 1),
            Map.entry("disappointed", 1),
            Map.entry("disappointing", 1),
            Map.entry("upset", 1),
            Map.entry("unhappy", 1),
            Map.entry("poor", 1),
            Map.entry("worried", 1),
            Map.entry("complaint", 1),
            Map.entry("lawyer", 2),
            Map.entry("inakzeptabel", 2),
            Map.entry("unverschämt", 2),
            Map.entry("unverschämtheit", 2),
            Map.entry("frechheit", 2),
            Map.entry("wütend", 2),
            Map.entry("katastrophal", 2),
            Map.entry("katastrophe", 2),
            Map.entry("schrecklich", 2),
            Map.entry("lächerlich", 2),
            Map.entry("betrug", 2),
            Map.entry("nutzlos", 2),
            Map.entry("sauer", 1),
            Map.entry("verärgert", 1),
            Map.entry("ärgerlich", 1),
            Map.entry("enttäuscht", 1),
            Map.entry("enttäuschend", 1),
            Map.entry("unzufrieden", 1),
            Map.entry("frustriert", 1),
            Map.entry("besorgt", 1),
            Map.entry("beschwerde", 1),
            Map.entry("schlecht", 1),
            Map.entry("mies", 1));

    private static final Map<String, Integer> POSITIVE = Map.ofEntries(
            Map.entry("thanks", 1),
            Map.entry("thank", 1),
            Map.entry("appreciate", 1),
            Map.entry("appreciated", 1),
            Map.entry("grateful", 1),
            Map.entry("great", 1),
            Map.entry("love", 2),
            Map.entry("excellent", 2),
            Map.entry("amazing", 2),
            Map.entry("awesome", 2),
            Map.entry("wonderful", 2),
            Map.entry("fantastic", 2),
            Map.entry("perfect", 1),
            Map.entry("happy", 1),
            Map.entry("pleased", 1),
            Map.entry("glad", 1),
            Map.entry("helpful", 1),
            Map.entry("danke", 1),
            Map.entry("dank", 1),
            Map.entry("dankbar", 1),
            Map.entry("super", 1),
            Map.entry("toll", 1),
            Map.entry("prima", 1),
            Map.entry("klasse", 1),
            Map.entry("zufrieden", 1),
            Map.entry("freue", 1),
            Map.entry("hervorragend", 2),
            Map.entry("großartig", 2),
            Map.entry("ausgezeichnet", 2),
            Map.entry("begeistert", 2),
            Map.entry("hilfreich", 1));

    private static final Set<String> NEGATIONS =
            Set.of("not", "never", "no", "hardly", "isn't", "wasn't", "don't", "nicht", "nie", "kein", "keine");

    private Sentiments() {}

    public static Reading read(String text) {
        String source = text == null ? "" : text;
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(source.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        int negative = 0;
        int positive = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean negated = negatedAt(words, i);
            if (NEGATIVE.containsKey(word) && !negated) {
                negative += NEGATIVE.get(word);
            } else if (POSITIVE.containsKey(word)) {
                if (negated) {
                    negative += POSITIVE.get(word);
                } else {
                    positive += POSITIVE.get(word);
                }
            }
        }
        boolean marks = REPEATED_MARKS.matcher(source).find();
        boolean shouting = SHOUTED_WORD.matcher(source).results().count() >= 2;
        // Emphasis says how strongly, not which way; with no other cue, emphatic tickets are almost always angry ones.
        int emphasis = (marks ? 1 : 0) + (shouting ? 1 : 0);
        if (positive > negative && negative == 0) {
            positive += emphasis;
        } else {
            negative += emphasis;
        }
        if (negative == 0 && positive == 0) {
            return new Reading(Sentiment.NEUTRAL, NO_CUE_CONFIDENCE);
        }
        if (negative == positive) {
            return new Reading(Sentiment.NEUTRAL, 0.5);
        }
        int own = Math.max(negative, positive);
        int competing = Math.min(negative, positive);
        // A single weak cue (a "thanks") says little; more agreeing cues approach 0.95.
        double confidence = 0.5 + 0.45 * (own - competing) / (own + 2.0);
        return new Reading(
                negative > positive ? Sentiment.NEGATIVE : Sentiment.POSITIVE, Math.round(confidence * 1000) / 1000.0);
    }

    private static boolean negatedAt(List<String> words, int index) {
        for (int back = 1; back <= 2 && index - back >= 0; back++) {
            if (NEGATIONS.contains(words.get(index - back))) {
                return true;
            }
        }
        return false;
    }

    public record Reading(Sentiment sentiment, double confidence) {}
}
