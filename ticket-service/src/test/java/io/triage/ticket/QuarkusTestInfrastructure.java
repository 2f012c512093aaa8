package io.triage.ticket;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.OidcTestServer;
import io.triage.testing.PostgresTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The real parts every test of this service runs against: PostgreSQL, Artemis and an OIDC provider. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcTestServer.class, scope = TestResourceScope.GLOBAL)
public @interface QuarkusTestInfrastructure {}
