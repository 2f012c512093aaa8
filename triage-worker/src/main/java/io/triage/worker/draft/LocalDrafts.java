package io.triage.worker.draft;

import io.triage.worker.common.PlainText;
import io.triage.worker.llm.Redactor;
import io.triage.worker.signals.Languages;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts without a language model: the reply an agent sent on the most similar resolved ticket (in the ticket's
 * language, when both are known), with the greeting addressed to this customer and the other customer's personal data redacted (an agent fills in the placeholders);
 * when nothing similar was resolved, an acknowledgement in the ticket's language.
 */
public final class LocalDrafts {

    public static final int MAX_LENGTH = 4000;

    /** A salutation line: "Hi Anna,", "Dear Mr Smith,", "Hallo Frau Meier,", "Sehr geehrte Damen und Herren,". */
    private static final Pattern GREETING = Pattern.compile(
            "\\A\\s*(hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|guten tag|liebe[rs]?|"
                    + "sehr geehrte[rs]?)\\b[^\\n]{0,60}?[,!:]?[ \\t]*(\\n|\\z)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String TEMPLATE_EN = "%s\n\nthank you for contacting us. We have received your request and"
            + " an agent is looking into it. We will get back to you as soon as possible.\n\nKind regards";
    private static final String TEMPLATE_DE = "%s\n\nvielen Dank für Ihre Nachricht. Wir haben Ihre Anfrage erhalten"
            + " und kümmern uns darum. Wir melden uns so bald wie möglich bei Ihnen.\n\nMit freundlichen Grüßen";

    private LocalDrafts() {}

    /**
     * @param requesterName the customer's name as submitted, or {@code null}
     * @param language the ticket's ISO 639-1 language, or {@code null}
     * @param replies replies on similar resolved tickets above the similarity floor, most similar first
     */
    public static Draft draft(String requesterName, String language, List<PastReply> replies) {
        boolean german = "de".equals(language);
        if (replies.isEmpty()) {
            String text = String.format(german ? TEMPLATE_DE : TEMPLATE_EN, greeting(requesterName, german));
            return new Draft(text, Draft.TEMPLATE, null, List.of());
        }
        // A reply in another language than the ticket's would have to be translated by the agent: skip it.
        PastReply closest = replies.stream()
                .filter(reply ->
                        sameLanguage(language, Languages.detect(reply.body()).language()))
                .findFirst()
                .orElse(null);
        if (closest == null) {
            return draft(requesterName, language, List.of());
        }
        String body = PlainText.paragraphs(Redactor.redact(closest.body()), MAX_LENGTH);
        Matcher salutation = GREETING.matcher(body);
        String text;
        if (salutation.find()) {
            String opening = salutation.group(1).toLowerCase(java.util.Locale.ROOT);
            boolean germanReply = opening.startsWith("hallo")
                    || opening.startsWith("guten")
                    || opening.startsWith("liebe")
                    || opening.startsWith("sehr");
            text = greeting(requesterName, germanReply) + "\n" + body.substring(salutation.end());
        } else {
            text = greeting(requesterName, german) + "\n\n" + body;
        }
        return new Draft(PlainText.paragraphs(text, MAX_LENGTH), Draft.RETRIEVED, null, List.of(closest));
    }

    /** Unknown on either side counts as the same: a short reply or ticket says too little to rule it out. */
    private static boolean sameLanguage(String ticket, String reply) {
        return ticket == null || reply == null || ticket.equals(reply);
    }

    private static String greeting(String requesterName, boolean german) {
        String name = requesterName == null ? "" : PlainText.line(requesterName, 100);
        if (name.isEmpty()) {
            return german ? "Guten Tag," : "Hello,";
        }
        return (german ? "Hallo " : "Hello ") + name + ",";
    }
}
