package io.triage.system.harness;

import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite for one scenario: an embedded Artemis broker that the test stops and starts, the in-JVM OIDC
 * provider, the language-model stub, a database, and the packaged ticket-service, workers and gateways as
 * processes configured through their documented environment variables.
 */
public final class Suite implements AutoCloseable {

    // the deployed brokers' back-off: the faults here are outages, which last longer than an instant redelivery
    private final ArtemisTestResource artemis = ArtemisTestResource.withProductionRedelivery();
    private final OidcTestServer oidc = new OidcTestServer();
    private final Map<String, String> common = new LinkedHashMap<>();
    private Database database;
    private LlmStub llm;
    private ServiceProcess tickets;
    private Options options;
    private final List<ServiceProcess> workers = new ArrayList<>();
    private final List<ServiceProcess> gateways = new ArrayList<>();

    private Suite(Options options) throws IOException {
        try {
            startAll(options);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll(Options options) throws IOException {
        Map<String, String> broker = artemis.start();
        Map<String, String> identity = oidc.start();
        database = options.privateCluster ? new PrivateCluster() : new SharedDatabase();
        llm = new LlmStub();
        common.put("AMQP_HOST", broker.get("amqp-host"));
        common.put("AMQP_PORT", broker.get("amqp-port"));
        common.put("AMQP_USERNAME", broker.get("amqp-username"));
        common.put("AMQP_PASSWORD", broker.get("amqp-password"));
        common.put("OIDC_AUTH_SERVER_URL", identity.get("quarkus.oidc.auth-server-url"));
        common.put("OIDC_AUDIENCE", identity.get("quarkus.oidc.token.audience"));
        common.put("DB_HOST", database.host());
        common.put("DB_PORT", String.valueOf(database.port()));
        common.put("DB_NAME", database.name());
        common.put("DB_USER", database.user());
        common.put("DB_PASSWORD", database.password());

        Map<String, String> ticketEnv = new HashMap<>(common);
        // one test client submits everything; the per-client limit is tested in ticket-service
        ticketEnv.put("RATE_LIMIT_INTAKE_ENABLED", "false");
        tickets = ServiceProcess.start("ticket-service", "ticket-service", ticketEnv, jvm("256m", options));

        this.options = options;
        for (int i = 0; i < options.workers; i++) {
            addWorker();
        }
        for (int i = 0; i < options.gateways; i++) {
            Map<String, String> gatewayEnv = new HashMap<>(common);
            gatewayEnv.put("GATEWAY_INSTANCE_ID", "gateway-" + (char) ('a' + i));
            gateways.add(ServiceProcess.start(
                    "notification-gateway-" + (char) ('a' + i),
                    "notification-gateway",
                    gatewayEnv,
                    jvm("256m", options)));
        }
    }

    /** Starts one more worker (named triage-worker-a, -b, ...). */
    public ServiceProcess addWorker() throws IOException {
        List<String> jvm = jvm("512m", options);
        options.workerProperties.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        ServiceProcess worker = ServiceProcess.start(
                "triage-worker-" + (char) ('a' + workers.size()), "triage-worker", workerEnvironment(options), jvm);
        workers.add(worker);
        return worker;
    }

    public static Options options() {
        return new Options();
    }

    private Map<String, String> workerEnvironment(Options options) {
        Map<String, String> env = new HashMap<>(common);
        env.put("TRIAGE_LLM_ENABLED", String.valueOf(options.llm));
        env.put("OPENAI_BASE_URL", llm.baseUrl());
        env.put("OPENAI_API_KEY", "stub-key");
        env.put("OPENAI_MODEL", LlmStub.MODEL);
        if (options.llm) {
            // above anything the local model reports without examples: every ticket goes to the language model
            env.put("TRIAGE_CASCADE_CATEGORY_APPLY", "0.95");
            env.put("TRIAGE_CASCADE_PRIORITY_APPLY", "0.95");
            env.put("QUARKUS_LANGCHAIN4J_OPENAI_TIMEOUT", options.llmTimeout);
        }
        return env;
    }

    private static List<String> jvm(String heap, Options options) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        jvm.addAll(options.jvmOptions);
        return jvm;
    }

    public ServiceProcess tickets() {
        return tickets;
    }

    public List<ServiceProcess> workers() {
        return workers;
    }

    public ServiceProcess worker(int index) {
        return workers.get(index);
    }

    public List<ServiceProcess> gateways() {
        return gateways;
    }

    public ServiceProcess gateway(int index) {
        return gateways.get(index);
    }

    public Database database() {
        return database;
    }

    public LlmStub llm() {
        return llm;
    }

    /** Every connection drops and the port stops accepting; durable messages stay in the journal. */
    public void stopBroker() {
        ArtemisTestResource.stopBroker();
    }

    public void startBroker() {
        ArtemisTestResource.startBroker();
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(gateways);
        all.addAll(workers);
        all.add(tickets);
        for (ServiceProcess process : all) {
            if (process != null) {
                process.close();
            }
        }
        if (llm != null) {
            llm.close();
        }
        if (database != null) {
            database.close();
        }
        oidc.stop();
        artemis.stop();
    }

    /** What a scenario needs. */
    public static final class Options {
        private int workers = 1;
        private int gateways = 1;
        private boolean privateCluster;
        private boolean llm;
        private String llmTimeout = "5s";
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> workerProperties = new LinkedHashMap<>();

        /** A system property for the workers only (e.g. a fault-tolerance setting with slashes in its name). */
        public Options workerProperty(String key, String value) {
            workerProperties.put(key, value);
            return this;
        }

        public Options workers(int count) {
            workers = count;
            return this;
        }

        public Options gateways(int count) {
            gateways = count;
            return this;
        }

        /** A PostgreSQL cluster of the suite's own, which the test may restart. */
        public Options privateCluster() {
            privateCluster = true;
            return this;
        }

        /** Workers ask the language-model stub about every ticket. */
        public Options languageModel(String timeout) {
            llm = true;
            llmTimeout = timeout;
            return this;
        }

        public Suite start() throws IOException {
            return new Suite(this);
        }
    }
}
