package io.triage.worker.injection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triage.model.Priority;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The hostile tickets of {@code prompt-injection/corpus.ndjson} and what may be stored for any of them. */
public final class InjectionCorpus {

    public static final Set<String> CATEGORIES =
            Set.of("billing", "account-access", "technical-issue", "shipping", "general");
    static final Set<String> PRIORITIES =
            Set.copyOf(Arrays.stream(Priority.values()).map(Priority::name).toList());
    static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private InjectionCorpus() {}

    /**
     * @param echo the fields of the language model's answer that echo the injection (the stub's answer)
     */
    public record Entry(String id, String attack, String subject, String body, JsonNode echo) {

        @Override
        public String toString() {
            return id + " (" + attack + ")";
        }
    }

    public static List<Entry> entries() {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(InjectionCorpus.class.getResourceAsStream("/prompt-injection/corpus.ndjson")),
                StandardCharsets.UTF_8))) {
            List<Entry> entries = reader.lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> {
                        try {
                            JsonNode node = mapper.readTree(line);
                            return new Entry(
                                    node.get("id").asText(),
                                    node.get("attack").asText(),
                                    node.get("subject").asText(),
                                    node.get("body").asText(),
                                    node.get("echo"));
                        } catch (Exception e) {
                            throw new IllegalStateException("Unreadable corpus line: " + line, e);
                        }
                    })
                    .toList();
            assertThat(entries).hasSizeGreaterThanOrEqualTo(20);
            return entries;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whatever the ticket said and the model answered, the stored triage stays within these bounds. */
    public static void assertWithinAllowedValues(Map<String, Object> triage, Map<String, Object> ticket) {
        assertThat((String) triage.get("category")).isIn(CATEGORIES);
        assertThat((String) triage.get("priority")).isIn(PRIORITIES);
        assertThat((String) triage.get("sentiment")).isIn(SENTIMENTS);
        String language = (String) triage.get("language");
        assertThat(language == null || LANGUAGE.matcher(language).matches())
                .as("language %s", language)
                .isTrue();
        assertThat((Double) triage.get("category_confidence")).isBetween(0.0, 1.0);
        assertThat((Double) triage.get("priority_confidence")).isBetween(0.0, 1.0);
        assertPlainLine((String) triage.get("summary"), 160);
        assertPlainLine((String) ticket.get("summary"), 160);
        if (triage.get("rationale") != null) {
            assertPlainLine((String) triage.get("rationale"), 320);
        }
        String draft = (String) triage.get("draft_reply");
        assertThat(draft).isNotBlank().hasSizeLessThanOrEqualTo(4000);
        assertThat(draft.codePoints().filter(c -> c != '\n').noneMatch(InjectionCorpus::hidden))
                .as("draft without control or invisible characters: %s", draft)
                .isTrue();
        assertThat(ticket.get("category") == null || CATEGORIES.contains(ticket.get("category")))
                .isTrue();
        assertThat(ticket.get("priority") == null || PRIORITIES.contains(ticket.get("priority")))
                .isTrue();
    }

    static void assertPlainLine(String text, int max) {
        assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(max);
        assertThat(text.codePoints().noneMatch(InjectionCorpus::hidden))
                .as("one line of visible text: %s", text)
                .isTrue();
    }

    static boolean hidden(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
