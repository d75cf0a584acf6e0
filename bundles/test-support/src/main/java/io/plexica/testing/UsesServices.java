package io.plexica.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that talks to the real backing services (PostgreSQL, Redis, Kafka, Keycloak, S3)
 * that {@code bin/plexica test} starts. Such classes run in their own tier, after the tests that
 * need nothing but the JVM; {@code -Dplexica.services.skip=true} leaves them out for a quick run
 * without the services.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(UsesServices.TAG)
public @interface UsesServices {
  String TAG = "services";
}
