package io.triage.worker.llm;

import io.triage.worker.config.TriageConfig;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Honours the language-model server's {@code 429 Retry-After}. The OpenAI client turns a response into an exception
 * that keeps only status and body, and retries at once; so the header is read here on the way in, and every later
 * call (the client's retry, other worker threads) is held back without blocking a thread until the server said it
 * accepts calls again. A wait longer than {@code triage.llm.max-retry-after} is not worth a worker's time: the call
 * fails at once as rate-limited and the local model decides. Registered for every REST client of the worker; the
 * language-model client is the only one.
 */
@Provider
public class RateLimitFilter implements ResteasyReactiveClientRequestFilter, ClientResponseFilter {

    static final int TOO_MANY_REQUESTS = 429;

    private final long maxWaitMillis;

    public RateLimitFilter(TriageConfig config) {
        this.maxWaitMillis = config.llm().maxRetryAfter().toMillis();
    }

    @Override
    public void filter(ResteasyReactiveClientRequestContext request) {
        long wait = RateLimits.remainingMillis(Instant.now());
        if (wait == 0) {
            return;
        }
        if (wait > maxWaitMillis) {
            request.abortWith(Response.status(TOO_MANY_REQUESTS).build());
            return;
        }
        request.suspend();
        request.getContext().owner().setTimer(wait, timer -> request.resume());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() == TOO_MANY_REQUESTS) {
            RateLimits.retryAfter(response.getHeaderString("Retry-After"), Instant.now());
        }
    }
}
