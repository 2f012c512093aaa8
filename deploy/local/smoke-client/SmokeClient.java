import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end smoke check of a running local suite (see deploy/local/smoke), JDK 17, no dependencies:
 * <ol>
 *   <li>a WebSocket upgrade without a token must be refused with HTTP 401;</li>
 *   <li>client-credentials token of the integration client from Keycloak;</li>
 *   <li>WebSocket connected to the notification gateway with {@code Authorization: Bearer};</li>
 *   <li>POST of a ticket with a unique subject: 202 and a JSON body with {@code id};</li>
 *   <li>within the timeout, a text message with {@code "type":"ticket.triaged"} and that {@code ticketId}.</li>
 * </ol>
 * Run: {@code java deploy/local/smoke-client/SmokeClient.java [--key value]...}; exit code 0 = pass.
 */
public class SmokeClient {

    static final Map<String, String> OPTS = new LinkedHashMap<>();

    static {
        OPTS.put("token-url", "http://localhost:8180/realms/triage/protocol/openid-connect/token");
        OPTS.put("client-id", "triage-integration");
        OPTS.put("client-secret", "triage-integration-secret");
        OPTS.put("api-url", "http://localhost:8081/api/tickets");
        OPTS.put("ws-url", "ws://localhost:8083/ws/tickets");
        OPTS.put("timeout", "90");
    }

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final long START = System.nanoTime();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            if (!OPTS.containsKey(key) || i + 1 >= args.length) {
                fail("unknown option or missing value: " + args[i] + " (options: " + OPTS.keySet() + ")");
            }
            OPTS.put(key, args[++i]);
        }
        int timeout = Integer.parseInt(OPTS.get("timeout"));

        checkUnauthenticatedUpgradeRefused();
        String token = integrationToken();
        step("got a client-credentials token for " + OPTS.get("client-id"));

        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket ws = connect(token, messages);
        step("WebSocket connected to " + OPTS.get("ws-url"));

        String subject = "smoke test " + UUID.randomUUID();
        String ticketId = createTicket(token, subject);
        long posted = System.nanoTime();
        step("ticket created: id " + ticketId + ", subject '" + subject + "'");

        Pattern triaged = Pattern.compile("\"type\"\\s*:\\s*\"ticket\\.triaged\"");
        Pattern forTicket = Pattern.compile("\"ticketId\"\\s*:\\s*\"?" + Pattern.quote(ticketId) + "[\",}\\s]");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
        int seen = 0;
        while (true) {
            long left = deadline - System.nanoTime();
            String msg = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (msg == null) {
                fail("no ticket.triaged message for ticket " + ticketId + " within " + timeout + " s ("
                        + seen + " other message(s) received)");
            }
            if (msg.startsWith("!")) { // listener error or close
                fail("WebSocket " + msg.substring(1));
            }
            seen++;
            if (triaged.matcher(msg).find() && forTicket.matcher(msg).find()) {
                double secs = (System.nanoTime() - posted) / 1e9;
                step("received after " + String.format("%.1f", secs) + " s: " + msg);
                break;
            }
            step("(other message) " + abbreviate(msg));
        }
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        System.out.printf("SMOKE PASS: ticket %s created and triaged, total %.1f s%n", ticketId,
                (System.nanoTime() - START) / 1e9);
        System.exit(0);
    }

    /** The gateway must refuse an upgrade without a bearer token with HTTP 401. */
    static void checkUnauthenticatedUpgradeRefused() {
        try {
            WebSocket ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(OPTS.get("ws-url")), new WebSocket.Listener() {})
                    .get(15, TimeUnit.SECONDS);
            ws.abort();
            fail("an unauthenticated WebSocket upgrade to " + OPTS.get("ws-url") + " was accepted (expected HTTP 401)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException) {
                int status = ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
                if (status != 401) {
                    fail("an unauthenticated WebSocket upgrade got HTTP " + status + " (expected 401)");
                }
                step("unauthenticated WebSocket upgrade refused with HTTP 401");
            } else {
                fail("could not reach " + OPTS.get("ws-url") + ": " + e.getCause());
            }
        } catch (Exception e) {
            fail("unauthenticated WebSocket upgrade check failed: " + e);
        }
    }

    static String integrationToken() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + enc(OPTS.get("client-id"))
                + "&client_secret=" + enc(OPTS.get("client-secret"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(OPTS.get("token-url")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "token request");
        if (r.statusCode() != 200) {
            fail("token request to " + OPTS.get("token-url") + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
        }
        return jsonString(r.body(), "access_token");
    }

    static WebSocket connect(String token, BlockingQueue<String> messages) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                messages.add("!closed by the server: " + status + " " + reason);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                messages.add("!error: " + error);
            }
        };
        try {
            return HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(URI.create(OPTS.get("ws-url")), listener)
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException) {
                HttpResponse<?> resp = ((WebSocketHandshakeException) e.getCause()).getResponse();
                fail("WebSocket upgrade with a valid token was refused with HTTP " + resp.statusCode());
            }
            fail("could not connect the WebSocket to " + OPTS.get("ws-url") + ": " + e.getCause());
        } catch (Exception e) {
            fail("could not connect the WebSocket to " + OPTS.get("ws-url") + ": " + e);
        }
        return null;
    }

    static String createTicket(String token, String subject) throws Exception {
        String body = "{\"subject\":\"" + subject + "\","
                + "\"body\":\"Smoke test: I was charged twice for my last invoice and cannot log in to download the receipt.\","
                + "\"requester\":{\"name\":\"Smoke Test\",\"email\":\"smoke@example.com\"},\"channel\":\"API\"}";
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(OPTS.get("api-url")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), "POST " + OPTS.get("api-url"));
        if (r.statusCode() != 202) {
            fail("POST " + OPTS.get("api-url") + " answered HTTP " + r.statusCode() + " (expected 202): " + abbreviate(r.body()));
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\"([^\"]+)\"|(\\d+))").matcher(r.body());
        if (!m.find()) {
            fail("POST " + OPTS.get("api-url") + " answered 202 without an \"id\" in its JSON body: " + abbreviate(r.body()));
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    static HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            fail(what + " failed: " + e);
            return null;
        }
    }

    static String jsonString(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            fail("no \"" + field + "\" in " + abbreviate(json));
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    static void step(String message) {
        System.out.printf("[smoke %5.1fs] %s%n", (System.nanoTime() - START) / 1e9, message);
    }

    static void fail(String message) {
        System.out.println("SMOKE FAIL: " + message);
        System.exit(1);
    }
}
