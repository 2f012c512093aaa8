package io.triage.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Realistic ticket bodies (the demo's), each request's subject made unique and tagged with the run id. */
public final class Tickets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> samples;
    private final String runId;

    private Tickets(List<ObjectNode> samples, String runId) {
        this.samples = samples;
        this.runId = runId;
    }

    public static Tickets read(Path ndjson, String runId) throws IOException {
        List<ObjectNode> samples = Files.readAllLines(ndjson).stream()
                .filter(line -> !line.isBlank())
                .map(Tickets::parse)
                .toList();
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no tickets in " + ndjson);
        }
        return new Tickets(samples, runId);
    }

    /** The JSON body of request {@code index}. */
    public String body(int index) {
        ObjectNode ticket = samples.get(index % samples.size()).deepCopy();
        String subject = runId + " " + index + ": " + ticket.path("subject").asText();
        ticket.put("subject", subject.length() > 200 ? subject.substring(0, 200) : subject);
        return ticket.toString();
    }

    private static ObjectNode parse(String line) {
        try {
            return (ObjectNode) JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON ticket: " + line, e);
        }
    }
}
