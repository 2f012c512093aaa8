package io.triage.worker.support;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.triage.testing.ArtemisTestResource;
import io.triage.testing.PostgresTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The real parts every worker test runs against: a fresh PostgreSQL database migrated with ticket-service's own
 * migrations (the schema's owner), and the embedded Artemis broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WithTestResource(
        value = PostgresTestResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs =
                @ResourceArg(
                        name = "migrations",
                        value = "filesystem:../ticket-service/src/main/resources/db/migration"))
@WithTestResource(value = ArtemisTestResource.class, scope = TestResourceScope.GLOBAL)
public @interface WorkerTestInfrastructure {}
