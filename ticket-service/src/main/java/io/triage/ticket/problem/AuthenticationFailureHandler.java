package io.triage.ticket.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Bearer tokens are verified before any REST code runs, so an expired, foreign or wrong-audience token never
 * reaches the exception mappers. This failure handler gives those requests the same problem+json as every other
 * error, with the challenge RFC 6750 asks for.
 */
@ApplicationScoped
public class AuthenticationFailureHandler {

    private final ObjectMapper mapper;

    public AuthenticationFailureHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException)
                || context.response().ended()) {
            context.next();
            return;
        }
        Problem problem = new Problem(
                "https://triage.example/problems/unauthorized",
                "Unauthorized",
                401,
                "The bearer token is missing, expired, or not valid for this API.",
                context.request().path(),
                List.of());
        context.response()
                .setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .end(json(problem));
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
