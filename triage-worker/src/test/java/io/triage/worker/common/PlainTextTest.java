package io.triage.worker.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void keepsMarkupAsVisibleText() {
        assertThat(PlainText.line("<script>alert(1)</script> <b>hi</b>", 100))
                .isEqualTo("<script>alert(1)</script> <b>hi</b>");
    }

    @Test
    void removesControlBidiAndInvisibleCharacters() {
        String hostile = "pay\u0000 to\u0007 \u202Emoc.live\u202C\u200B and\u2066 \uFEFFnow\u001B[31m";

        assertThat(PlainText.line(hostile, 100)).isEqualTo("pay to moc.live and now[31m");
    }

    @Test
    void aLineHasNoLineBreaksAndParagraphsKeepThem() {
        assertThat(PlainText.line("one\r\ntwo\n\tthree", 100)).isEqualTo("one two three");
        assertThat(PlainText.paragraphs("Hello,\r\n\r\n\r\n\r\nbye\u0000", 100)).isEqualTo("Hello,\n\nbye");
    }

    @Test
    void dropsUnpairedSurrogatesButKeepsEmoji() {
        assertThat(PlainText.line("a\uD800b \uD83D\uDE00", 100)).isEqualTo("ab \uD83D\uDE00");
    }

    @Test
    void capsTheLengthWithoutSplittingASurrogatePair() {
        assertThat(PlainText.line("x".repeat(500), 160)).hasSize(160).endsWith("\u2026");
        String emoji = "\uD83D\uDE00".repeat(10);
        String cut = PlainText.truncate(emoji, 6);
        assertThat(cut).hasSizeLessThanOrEqualTo(6).endsWith("\u2026");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }
}
