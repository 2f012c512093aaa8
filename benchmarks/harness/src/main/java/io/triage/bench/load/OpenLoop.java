package io.triage.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triage.bench.Args;
import io.triage.bench.Stats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openloop}: POSTs tickets at a fixed rate (after an unmeasured warm-up at the same rate) and writes the
 * latency percentiles and the rate actually achieved as JSON.
 */
public final class OpenLoop {

    private OpenLoop() {}

    public static void run(Args args) throws Exception {
        URI url = URI.create(args.get("url"));
        String token = args.get("token-file", "").isEmpty()
                ? null
                : Files.readString(Path.of(args.get("token-file"))).strip();
        double rate = args.number("rate", 100);
        Duration duration = Duration.ofMillis((long) (args.number("duration", 15) * 1000));
        Duration warmup = Duration.ofMillis((long) (args.number("warmup", 5) * 1000));
        Tickets tickets = Tickets.read(Path.of(args.get("tickets")), args.get("run-id"));
        HttpClient client = Schedule.client();

        if (!warmup.isZero()) {
            Schedule.run(client, rate, warmup, i -> request(url, token, tickets.body(1_000_000 + i)), null);
        }
        List<Schedule.Outcome> outcomes =
                Schedule.run(client, rate, duration, i -> request(url, token, tickets.body(i)), null);

        ObjectNode result = summarise(outcomes, rate, duration);
        result.put("label", args.get("label", url.getPath()));
        result.put("url", url.toString());
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        Files.writeString(Path.of(args.get("out")), json);
        System.out.println(result);
    }

    static HttpRequest request(URI url, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    static ObjectNode summarise(List<Schedule.Outcome> outcomes, double rate, Duration duration) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int unanswered = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        List<Schedule.Outcome> ok =
                outcomes.stream().filter(o -> o != null && o.ok()).toList();
        for (Schedule.Outcome outcome : outcomes) {
            if (outcome == null) {
                unanswered++;
                continue;
            }
            first = Math.min(first, outcome.dueNanos());
            last = Math.max(last, outcome.completedNanos());
            String status = outcome.response() == null
                    ? outcome.failure().getClass().getSimpleName()
                    : String.valueOf(outcome.response().statusCode());
            statuses.merge(status, 1, Integer::sum);
        }
        long[] latencies = ok.stream().mapToLong(Schedule.Outcome::latencyNanos).toArray();
        ObjectNode json = Stats.latencies(latencies);
        json.put("targetRate", rate);
        json.put("durationS", duration.toMillis() / 1000.0);
        json.put("sent", outcomes.size());
        json.put("ok", ok.size());
        json.put("failed", outcomes.size() - ok.size() - unanswered);
        json.put("unanswered", unanswered);
        json.put("achievedRate", last > first ? Stats.round(ok.size() / ((last - first) / 1e9)) : 0);
        ObjectNode statusJson = json.putObject("statuses");
        statuses.forEach(statusJson::put);
        return json;
    }
}
