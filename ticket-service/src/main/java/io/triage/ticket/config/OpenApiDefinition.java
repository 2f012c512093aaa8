package io.triage.ticket.config;

import io.triage.ticket.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)),
        info =
                @Info(
                        title = "Ticket service",
                        version = "1.0",
                        description = "Intake and management of support tickets; triage happens asynchronously."))
@SecurityScheme(
        securitySchemeName = "oidc",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "An access token from the realm's OpenID Connect provider with audience triage-api")
public class OpenApiDefinition extends Application {}
