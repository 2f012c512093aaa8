package io.triage.worker.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void redactsEmailAddresses() {
        assertThat(Redactor.redact("Write to jane.doe+tickets@mail.example.co.uk today."))
                .isEqualTo("Write to [email] today.");
    }

    @Test
    void redactsCardNumbersThatPassTheLuhnCheck() {
        assertThat(Redactor.redact("Card 4111-1111-1111-1111 was charged.")).isEqualTo("Card [card] was charged.");
        assertThat(Redactor.redact("Card 5500 0000 0000 0004 was charged.")).isEqualTo("Card [card] was charged.");
        assertThat(Redactor.isCard("4111111111111111")).isTrue();
        assertThat(Redactor.isCard("4111111111111112")).isFalse();
    }

    @Test
    void redactsIbansThatPassTheChecksum() {
        assertThat(Redactor.redact("IBAN DE89 3704 0044 0532 0130 00 please")).isEqualTo("IBAN [iban] please");
        assertThat(Redactor.redact("IBAN GB82WEST12345698765432.")).isEqualTo("IBAN [iban].");
        assertThat(Redactor.isIban("DE89370400440532013001")).isFalse();
    }

    @Test
    void redactsPhoneNumbers() {
        assertThat(Redactor.redact("Call +44 20 7946 0958 or (555) 123-4567.")).isEqualTo("Call [phone] or [phone].");
    }

    @Test
    void leavesShortNumbersAndOrdinaryTextAlone() {
        String text = "Order 4711 of 3 items, invoice 2024-05, version 1.2.3.";
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }
}
