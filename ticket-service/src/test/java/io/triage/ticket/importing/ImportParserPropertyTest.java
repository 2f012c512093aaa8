package io.triage.ticket.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triage.ticket.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.assertj.core.api.Assertions;

/**
 * Properties of the import parsers over generated input: any bytes are either rows, row errors or (for a CSV
 * header) a 400 problem, never another exception; rows written by the rules come back unchanged; and every row
 * and every row error carries the line the row starts on.
 */
class ImportParserPropertyTest {

    private static final int MAX_ROW = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row as a client would send it; {@code null} subject or priority means the column is left empty. */
    record Row(String subject, String text, String category, String priority) {}

    @Property(tries = 500)
    void theSplitterCutsAnyBytesIntoRecordsWithRisingLineNumbers(
            @ForAll @Size(max = 3000) byte[] bytes, @ForAll boolean csvQuotes) throws IOException {
        RecordSplitter splitter = new RecordSplitter(new ByteArrayInputStream(bytes), csvQuotes, 64);
        long lines = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        long previous = 0;
        for (RawRecord record = splitter.next(); record != null; record = splitter.next()) {
            Assertions.assertThat(record.line()).isGreaterThan(previous).isLessThanOrEqualTo(lines);
            Assertions.assertThat(record.bytes() == null).isEqualTo(record.error() != null);
            if (record.bytes() != null) {
                Assertions.assertThat(record.bytes().length).isLessThanOrEqualTo(64);
            }
            previous = record.line();
        }
    }

    @Property(tries = 500)
    void anyBytesAreRowsOrRowErrorsOrABadHeader(@ForAll("uploads") byte[] bytes, @ForAll boolean csv) {
        LabelledRows rows;
        try {
            rows = csv
                    ? LabelledRows.csv(new ByteArrayInputStream(bytes), MAX_ROW)
                    : LabelledRows.ndjson(new ByteArrayInputStream(bytes), MAX_ROW, JSON);
        } catch (ProblemException e) {
            Assertions.assertThat(csv).as("only CSV has a header").isTrue();
            Assertions.assertThat(e.status()).isEqualTo(400);
            return;
        } catch (IOException e) {
            throw new AssertionError("an in-memory upload cannot fail to read", e);
        }
        try {
            long previous = 0;
            for (LabelledRow row = rows.next(); row != null; row = rows.next()) {
                Assertions.assertThat(row.line()).isGreaterThan(previous);
                if (row.error() != null) {
                    Assertions.assertThat(row.text()).isNull();
                    Assertions.assertThat(row.error()).isNotBlank().hasSizeLessThan(300);
                }
                previous = row.line();
            }
        } catch (IOException e) {
            throw new AssertionError("an in-memory upload cannot fail to read", e);
        }
    }

    @Property(tries = 300)
    void csvRowsRoundTripWithTheLineTheyStartOn(@ForAll("rows") List<Row> rows) throws IOException {
        StringBuilder csv = new StringBuilder("subject,text,category,priority\r\n");
        List<Long> starts = new ArrayList<>();
        long line = 2;
        for (Row row : rows) {
            starts.add(line);
            String record = String.join(
                            ",", quote(row.subject()), quote(row.text()), quote(row.category()), quote(row.priority()))
                    + "\r\n";
            csv.append(record);
            line += record.chars().filter(c -> c == '\n').count();
        }
        List<LabelledRow> parsed = parse(LabelledRows.csv(utf8(csv.toString()), MAX_ROW));

        Assertions.assertThat(parsed).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            LabelledRow row = parsed.get(i);
            Assertions.assertThat(row.error()).isNull();
            Assertions.assertThat(row.line()).isEqualTo(starts.get(i));
            Assertions.assertThat(new Row(
                            emptyToNull(row.subject()), row.text(), row.category(), emptyToNull(row.priority())))
                    .isEqualTo(rows.get(i));
        }
    }

    @Property(tries = 300)
    void jsonLinesRoundTrip(@ForAll("rows") List<Row> rows) throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (Row row : rows) {
            ObjectNode node = JSON.createObjectNode().put("text", row.text()).put("category", row.category());
            if (row.subject() != null) {
                node.put("subject", row.subject());
            }
            if (row.priority() != null) {
                node.put("priority", row.priority());
            }
            ndjson.append(JSON.writeValueAsString(node)).append('\n');
        }
        List<LabelledRow> parsed = parse(LabelledRows.ndjson(utf8(ndjson.toString()), MAX_ROW, JSON));

        Assertions.assertThat(parsed).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            LabelledRow row = parsed.get(i);
            Assertions.assertThat(row.error()).isNull();
            Assertions.assertThat(row.line()).isEqualTo(i + 1L);
            Assertions.assertThat(new Row(row.subject(), row.text(), row.category(), row.priority()))
                    .isEqualTo(rows.get(i));
        }
    }

    @Property(tries = 300)
    void rowErrorsNameTheLineTheBadRowStartsOn(@ForAll("rows") List<Row> rows, @ForAll("damage") List<Integer> damage)
            throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        write(csv, "text,category\n".getBytes(StandardCharsets.UTF_8));
        List<Long> badLines = new ArrayList<>();
        long line = 2;
        for (int i = 0; i < rows.size(); i++) {
            int kind = damage.get(i % damage.size());
            byte[] record = switch (kind) {
                case 1 -> "a,b,c\n".getBytes(StandardCharsets.UTF_8); // too many fields
                case 2 -> new byte[] {'t', (byte) 0xC3, (byte) 0x28, ',', 'x', '\n'}; // invalid UTF-8
                case 3 -> "text \"with\" a bare quote,x\n".getBytes(StandardCharsets.UTF_8);
                case 4 -> ("x".repeat(MAX_ROW + 1) + ",x\n").getBytes(StandardCharsets.UTF_8);
                default ->
                    (quote(rows.get(i).text()) + "," + quote(rows.get(i).category()) + "\n")
                            .getBytes(StandardCharsets.UTF_8);
            };
            if (kind != 0) {
                badLines.add(line);
            }
            write(csv, record);
            for (byte b : record) {
                if (b == '\n') {
                    line++;
                }
            }
        }
        List<Long> errorLines = parse(LabelledRows.csv(new ByteArrayInputStream(csv.toByteArray()), MAX_ROW)).stream()
                .filter(row -> row.error() != null)
                .map(LabelledRow::line)
                .toList();
        Assertions.assertThat(errorLines).isEqualTo(badLines);
    }

    @Provide
    Arbitrary<byte[]> uploads() {
        // Mostly bytes that look like CSV or JSON Lines, so the generator reaches past the header.
        byte[] alphabet = "text,category\n\",{}[]:\r\n\\ a1\u00e9\u0000".getBytes(StandardCharsets.UTF_8);
        Arbitrary<Byte> structural =
                Arbitraries.integers().between(0, alphabet.length - 1).map(i -> alphabet[i]);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> body = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, structural), net.jqwik.api.Tuple.of(1, any))
                .list()
                .ofMaxSize(2000)
                .map(list -> {
                    byte[] bytes = new byte[list.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = list.get(i);
                    }
                    return bytes;
                });
        Arbitrary<byte[]> withHeader = body.map(bytes -> {
            byte[] header = "text,category\n".getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[header.length + bytes.length];
            System.arraycopy(header, 0, all, 0, header.length);
            System.arraycopy(bytes, 0, all, header.length, bytes.length);
            return all;
        });
        return Arbitraries.oneOf(body, withHeader);
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> text = text().filter(value -> !value.isBlank());
        Arbitrary<String> optional = text.injectNull(0.3);
        return Combinators.combine(optional, text, text, optional)
                .as(Row::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Integer>> damage() {
        return Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(10);
    }

    /** Valid Unicode with the characters that matter to the formats: separators, quotes, line breaks. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withChars(",\"\n\r\t {}[]\\:")
                .withCharRange('a', 'z')
                .withCharRange('\u00e0', '\u00ff')
                .withCharRange('\u4e00', '\u4e20')
                .ofMinLength(1)
                .ofMaxLength(40)
                // A supplementary character (an emoji) as a surrogate pair, never a lone surrogate.
                .map(value -> value.replace("{}", "\uD83D\uDE00"));
    }

    private static String quote(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    private static List<LabelledRow> parse(LabelledRows rows) throws IOException {
        List<LabelledRow> parsed = new ArrayList<>();
        for (LabelledRow row = rows.next(); row != null; row = rows.next()) {
            parsed.add(row);
        }
        return parsed;
    }
}
