package io.triage.worker.llm;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from text before it leaves for the language model: e-mail addresses, IBANs (with a valid
 * ISO 7064 check), payment card numbers (with a valid Luhn check, so order numbers survive) and phone numbers. The
 * placeholders keep the sentence readable, so the model can still tell that the customer quoted a card.
 */
public final class Redactor {

    static final String EMAIL = "[email]";
    static final String IBAN = "[iban]";
    static final String CARD = "[card]";
    static final String PHONE = "[phone]";

    private static final Pattern EMAIL_PATTERN =
            Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    // Printed IBANs come in groups of four; the match may run into a following word, so the longest valid prefix wins.
    private static final Pattern IBAN_PATTERN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{1,4}){3,8}\\b");
    private static final Pattern CARD_PATTERN = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    // An optional +country code, then 7 to 15 digits with the usual separators: wide on purpose, since an order
    // number shown to the model as [phone] costs little and a leaked phone number cannot be taken back.
    private static final Pattern PHONE_PATTERN =
            Pattern.compile("(?<![\\w(])(?:\\+|00)?\\(?\\d(?:[ ./()-]{0,2}\\d){6,14}(?![\\w])");

    private Redactor() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // Look-alike digits and letters (fullwidth, circled) are folded first, so that they cannot slip past the
        // patterns.
        String result = Normalizer.normalize(text, Normalizer.Form.NFKC);
        result = EMAIL_PATTERN.matcher(result).replaceAll(EMAIL);
        result = replaceIbans(result);
        result = replace(CARD_PATTERN, result, Redactor::isCard, CARD);
        return PHONE_PATTERN.matcher(result).replaceAll(PHONE);
    }

    private static String replace(Pattern pattern, String text, Predicate<String> valid, String placeholder) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, valid.test(matcher.group()) ? placeholder : Matcher.quoteReplacement(matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String replaceIbans(String text) {
        Matcher matcher = IBAN_PATTERN.matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            String candidate = matcher.group();
            for (int end = candidate.length(); end >= 15; end--) {
                String prefix = candidate.substring(0, end).stripTrailing();
                if (isIban(prefix)) {
                    out.append(text, copied, matcher.start()).append(IBAN);
                    copied = matcher.start() + prefix.length();
                    break;
                }
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    static boolean isCard(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    static boolean isIban(String candidate) {
        String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
