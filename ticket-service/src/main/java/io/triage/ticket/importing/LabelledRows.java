package io.triage.ticket.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triage.ticket.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads labelled rows from CSV (RFC 4180, header row naming the columns) or JSON Lines, one at a time: memory use
 * does not grow with the upload.
 */
abstract class LabelledRows {

    static final Set<String> COLUMNS = Set.of("subject", "text", "category", "priority");

    private final RecordSplitter records;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private LabelledRows(RecordSplitter records) {
        this.records = records;
    }

    static LabelledRows csv(InputStream in, int maxRowBytes) throws IOException {
        return new Csv(new RecordSplitter(in, true, maxRowBytes));
    }

    static LabelledRows ndjson(InputStream in, int maxRowBytes, ObjectMapper mapper) {
        return new Ndjson(new RecordSplitter(in, false, maxRowBytes), mapper);
    }

    /** @return the next row, or {@code null} at the end of the upload */
    LabelledRow next() throws IOException {
        RawRecord record = records.next();
        if (record == null) {
            return null;
        }
        if (record.error() != null) {
            return LabelledRow.failed(record.line(), record.error());
        }
        String decoded;
        try {
            decoded = decode(record.bytes());
        } catch (CharacterCodingException e) {
            return LabelledRow.failed(record.line(), "invalid UTF-8");
        }
        return parse(record.line(), decoded);
    }

    abstract LabelledRow parse(long line, String record);

    String decode(byte[] bytes) throws CharacterCodingException {
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    }

    private static ProblemException badHeader(String detail) {
        return new ProblemException(400, "invalid-import", "Invalid import file", detail);
    }

    private static final class Csv extends LabelledRows {

        private final List<String> columns;

        Csv(RecordSplitter records) throws IOException {
            super(records);
            RawRecord header = records.next();
            if (header == null) {
                throw badHeader("The upload is empty; the first line must name the columns, e.g. text,category.");
            }
            if (header.error() != null) {
                throw badHeader("The header row is unreadable: " + header.error() + ".");
            }
            List<String> names;
            try {
                String decoded = decode(header.bytes());
                names = fields(decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded);
            } catch (CharacterCodingException e) {
                throw badHeader("The header row is not valid UTF-8.");
            } catch (IllegalArgumentException e) {
                throw badHeader("The header row is unreadable: " + e.getMessage() + ".");
            }
            columns = names.stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .toList();
            for (String column : columns) {
                if (!COLUMNS.contains(column)) {
                    throw badHeader("Unknown column '" + abbreviate(column)
                            + "'; the columns are text and category, optionally subject and priority.");
                }
                if (columns.indexOf(column) != columns.lastIndexOf(column)) {
                    throw badHeader("Column '" + column + "' appears twice.");
                }
            }
            if (!columns.contains("text") || !columns.contains("category")) {
                throw badHeader("The header row must name the columns text and category.");
            }
        }

        @Override
        LabelledRow parse(long line, String record) {
            List<String> values;
            try {
                values = fields(record);
            } catch (IllegalArgumentException e) {
                return LabelledRow.failed(line, e.getMessage());
            }
            if (values.size() != columns.size()) {
                return LabelledRow.failed(line, "expected " + columns.size() + " fields, found " + values.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(columns.get(i), values.get(i));
            }
            return new LabelledRow(
                    line, row.get("subject"), row.get("text"), row.get("category"), row.get("priority"), null);
        }

        /** RFC 4180 fields of one record; quotes only around whole fields, a doubled quote inside stands for one. */
        private static List<String> fields(String record) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            int n = record.length();
            while (true) {
                field.setLength(0);
                if (i < n && record.charAt(i) == '"') {
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new IllegalArgumentException("bad CSV quoting: a quoted field is never closed");
                        }
                        char c = record.charAt(i++);
                        if (c != '"') {
                            field.append(c);
                        } else if (i < n && record.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    }
                    if (i < n && record.charAt(i) != ',') {
                        throw new IllegalArgumentException("bad CSV quoting: text after a closing quote");
                    }
                } else {
                    while (i < n && record.charAt(i) != ',') {
                        char c = record.charAt(i++);
                        if (c == '"') {
                            throw new IllegalArgumentException(
                                    "bad CSV quoting: a quote inside an unquoted field (quote the field and double the quote)");
                        }
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                if (i >= n) {
                    return fields;
                }
                i++; // the comma
            }
        }
    }

    private static final class Ndjson extends LabelledRows {

        private final ObjectMapper mapper;

        Ndjson(RecordSplitter records, ObjectMapper mapper) {
            super(records);
            this.mapper = mapper;
        }

        @Override
        LabelledRow parse(long line, String record) {
            JsonNode node;
            try {
                node = mapper.readTree(record);
            } catch (JsonProcessingException e) {
                return LabelledRow.failed(line, "not valid JSON");
            }
            if (node == null || !node.isObject()) {
                return LabelledRow.failed(line, "not a JSON object");
            }
            Map<String, String> row = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!COLUMNS.contains(field.getKey())) {
                    return LabelledRow.failed(line, "unknown field '" + abbreviate(field.getKey()) + "'");
                }
                if (field.getValue().isNull()) {
                    continue;
                }
                if (!field.getValue().isTextual()) {
                    return LabelledRow.failed(line, "field '" + field.getKey() + "' must be a string");
                }
                row.put(field.getKey(), field.getValue().textValue());
            }
            return new LabelledRow(
                    line, row.get("subject"), row.get("text"), row.get("category"), row.get("priority"), null);
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "...";
    }
}
