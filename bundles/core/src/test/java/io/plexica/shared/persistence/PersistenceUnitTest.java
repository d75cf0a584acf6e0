package io.plexica.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.sessions.Session;
import org.junit.jupiter.api.Test;

/**
 * The persistence unit as Liberty deploys it: the container hands EclipseLink its validator
 * factory. EclipseLink's bean validation listener keeps a validator per descriptor, and a tenant
 * entity manager clones the tenant descriptors; with the listener on, every tenant unit of work
 * left its copies in that map for good, and a load test filled the heap within minutes
 * (eclipse-ee4j/eclipselink#2635). Entities carry no constraints, so validation is off.
 */
@UsesServices
class PersistenceUnitTest {
  @Test
  void aTenantEntityManagerLeavesNothingInABeanValidationListener() {
    ValidatorFactory containerValidation =
        (ValidatorFactory)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ValidatorFactory.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException("no validation expected: " + method);
                });
    EntityManagerFactory factory =
        Persistence.createEntityManagerFactory(
            "plexica",
            Map.of(
                "jakarta.persistence.nonJtaDataSource",
                TestPlatform.database().dataSource(),
                "jakarta.persistence.validation.factory",
                containerValidation));
    try {
      EntityManager tenant =
          factory.createEntityManager(
              Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, "tenant_any"));
      try {
        // The only internal listener EclipseLink adds to an entity's descriptor is the validator.
        assertThat(tenant.unwrap(Session.class).getDescriptors().values())
            .as("descriptors with EclipseLink's bean validation listener")
            .filteredOn(descriptor -> descriptor.getEventManager().hasInternalEventListeners())
            .isEmpty();
      } finally {
        tenant.close();
      }
    } finally {
      factory.close();
    }
  }
}
