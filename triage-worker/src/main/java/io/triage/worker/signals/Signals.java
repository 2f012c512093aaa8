package io.triage.worker.signals;

import io.triage.worker.classifier.TicketText;

/** The ticket's language and the customer's tone, as stored with the triage. */
public record Signals(Signal language, Signal sentiment) {

    public static final String LANGUAGE_MODEL = "function-words-v1";
    public static final String SENTIMENT_MODEL = "lexicon-v1";

    /** Nothing known (tools and tests that store a bare classification). */
    public static final Signals NONE = new Signals(new Signal(null, null, null), new Signal(null, null, null));

    /** The local detectors' reading of a ticket: subject and body together. */
    public static Signals detect(TicketText ticket) {
        String text = ticket.subject() + "\n" + ticket.body();
        Languages.Detection language = Languages.detect(text);
        Sentiments.Reading tone = Sentiments.read(text);
        return new Signals(
                new Signal(
                        language.language(),
                        language.language() == null ? null : language.confidence(),
                        LANGUAGE_MODEL),
                new Signal(tone.sentiment().json(), tone.confidence(), SENTIMENT_MODEL));
    }

    /**
     * The language model's values where it gave valid ones; for a field it left out or got wrong, the local value
     * stands (the language model abstains on that field).
     */
    public Signals preferring(String llmLanguage, Sentiment llmSentiment, String llmModel) {
        return new Signals(
                llmLanguage == null ? language : new Signal(llmLanguage, null, llmModel),
                llmSentiment == null ? sentiment : new Signal(llmSentiment.json(), null, llmModel));
    }
}
