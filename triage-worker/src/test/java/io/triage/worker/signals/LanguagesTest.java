package io.triage.worker.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguagesTest {

    static Stream<Arguments> realTickets() throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(LanguagesTest.class.getResourceAsStream("/signals/languages.tsv")),
                StandardCharsets.UTF_8))) {
            List<Arguments> rows = reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2))
                    .map(parts -> Arguments.of(parts[0], parts[1]))
                    .toList();
            assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
            return rows.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("realTickets")
    void tellsTheLanguageOfRealTickets(String expected, String text) {
        Languages.Detection detection = Languages.detect(text);

        assertThat(detection.language()).isEqualTo(expected);
        assertThat(detection.confidence()).isBetween(Languages.MIN_SHARE, 1.0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "   ", "Help", "Hallo", "Integration failed", "Brauche Unterstützung", "Die Berichte sind"})
    void neverGuessesOnThreeWordsOrFewer(String text) {
        assertThat(Languages.detect(text).language()).isNull();
        assertThat(Languages.detect(text).confidence()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Order 4711 SKU 99-B qty 3 EUR 19.99",
                "Dashboard Analytics Integration Report Export Timeout",
                "Kubernetes Helm Terraform Grafana Prometheus"
            })
    void answersUnknownWhenNoLanguageLeads(String text) {
        assertThat(Languages.detect(text).language()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Ich kann mich nicht anmelden und das Passwort wird nicht akzeptiert.",
                "Meine Bestellung ist noch nicht da, bitte helfen Sie mir.",
                "Die Rechnung ist falsch und ich möchte eine Gutschrift."
            })
    void recognisesEverydayGerman(String text) {
        assertThat(Languages.detect(text).language()).isEqualTo("de");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Je ne peux pas me connecter depuis la mise à jour de mon compte.",
                "No puedo acceder a mi cuenta desde ayer, por favor ayuda."
            })
    void doesNotCallOtherLanguagesEnglishOrGerman(String text) {
        assertThat(Languages.detect(text).language()).isNotIn("en", "de");
    }
}
