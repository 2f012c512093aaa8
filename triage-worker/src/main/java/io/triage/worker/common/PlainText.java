package io.triage.worker.common;

/**
 * Makes model-written text (summaries, draft replies, rationales) safe to store and show as plain text. Markup is
 * kept as the characters it is: every client renders these fields as text, so {@code <script>} shows as written and
 * runs nowhere; rewriting it would only garble legitimate replies that quote code. What is removed is what text
 * cannot show honestly: control characters (NUL is also refused by PostgreSQL), bidirectional overrides and
 * invisible characters that make text read differently from what it is, and unpaired surrogates.
 */
public final class PlainText {

    private PlainText() {}

    /** One line: line breaks and tabs become spaces, runs of spaces collapse; at most {@code max} characters. */
    public static String line(String text, int max) {
        return truncate(clean(text, false).replaceAll("\\s+", " ").strip(), max);
    }

    /** Several lines (a reply): line breaks kept, other control characters removed; at most {@code max} characters. */
    public static String paragraphs(String text, int max) {
        String cleaned = clean(text, true).replace("\r\n", "\n").replace('\r', '\n');
        return truncate(cleaned.replaceAll("\n{3,}", "\n\n").strip(), max);
    }

    static String clean(String text, boolean keepLineBreaks) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(keepLineBreaks && c != '\t' ? (char) c : ' ');
            } else if (!Character.isISOControl(c) && !invisible(c)) {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * Bidirectional controls, zero-width and other invisible formatting (Unicode category Cf, which includes the tag
     * characters used to smuggle hidden text), line and paragraph separators, and unpaired surrogates.
     */
    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        // Never cut a surrogate pair in half.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }
}
