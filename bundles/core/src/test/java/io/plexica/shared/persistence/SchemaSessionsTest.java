package io.plexica.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.placement.SchemaAddress;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.workspaces.domain.Workspace;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.UnitOfWork;
import org.junit.jupiter.api.Test;

@UsesServices
class SchemaSessionsTest {
  /** Records what the holder does with the factories it opens. */
  private static final class Factories {
    final List<String> opened = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();

    EntityManagerFactory open(String schema) {
      opened.add(schema);
      EntityManager em =
          (EntityManager)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {EntityManager.class},
                  (proxy, method, args) -> "getDelegate".equals(method.getName()) ? schema : null);
      return (EntityManagerFactory)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {EntityManagerFactory.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "createEntityManager" -> em;
                    case "close" -> closed.add(schema);
                    default -> null;
                  });
    }
  }

  @Test
  void keepsTheMostRecentlyUsedSchemasAndClosesTheOldest() {
    Factories factories = new Factories();
    SchemaSessions sessions = new SchemaSessions(factories::open, 2);
    for (String schema : List.of("tenant_a", "tenant_b", "tenant_a", "tenant_c", "tenant_a")) {
      assertThat(sessions.tenant(schema, EntityManager::getDelegate)).isEqualTo(schema);
    }
    assertThat(factories.opened)
        .as("the core session, then each schema once until it is closed")
        .containsExactly(SchemaSessions.NO_TENANT_SCHEMA, "tenant_a", "tenant_b", "tenant_c");
    assertThat(factories.closed).as("tenant_b was used least recently").containsExactly("tenant_b");
    assertThat(sessions.openTenantSessions()).isEqualTo(2);

    sessions.close();
    assertThat(factories.closed)
        .containsExactlyInAnyOrder(
            "tenant_b", "tenant_a", "tenant_c", SchemaSessions.NO_TENANT_SCHEMA);
    assertThatThrownBy(() -> sessions.core(em -> em)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSessionRetiredWhileInUseClosesWhenItsWorkEnds() {
    Factories factories = new Factories();
    SchemaSessions sessions = new SchemaSessions(factories::open, 1);
    List<Boolean> closedDuringWork = new ArrayList<>();
    sessions.tenant(
        "tenant_a",
        em -> {
          sessions.tenant("tenant_b", other -> null);
          closedDuringWork.add(factories.closed.contains("tenant_a"));
          return null;
        });
    assertThat(closedDuringWork).as("tenant_a retired while its work ran").containsExactly(false);
    assertThat(factories.closed).containsExactly("tenant_a");
    assertThat(sessions.tenant("tenant_a", EntityManager::getDelegate))
        .as("a retired schema is opened again")
        .isEqualTo("tenant_a");
    assertThat(factories.opened).containsSubsequence("tenant_a", "tenant_b", "tenant_a");
  }

  @Test
  void aTenantEntityManagerUsesItsSessionsDescriptorsWithoutCopyingThem() {
    Database database = TestPlatform.database();
    ClassDescriptor[] first = new ClassDescriptor[1];
    for (int i = 0; i < 2; i++) {
      ClassDescriptor descriptor =
          database.readTenant(
              SchemaAddress.main("tenant_descriptor_check"),
              em -> ((AbstractSession) em.unwrap(UnitOfWork.class)).getDescriptor(Workspace.class));
      assertThat(descriptor.getDefaultTable().getTableQualifier())
          .as("the schema is written into the workspace's statements")
          .isEqualTo("tenant_descriptor_check");
      if (first[0] == null) {
        first[0] = descriptor;
      }
      assertThat(descriptor)
          .as("each entity manager of the schema shares its session's descriptor")
          .isSameAs(first[0]);
    }
  }

  @Test
  void aTenantEntityReachedFromCoreWorkFailsInsteadOfReadingAnySchema() {
    assertThatThrownBy(
            () ->
                TestPlatform.database()
                    .readCore(em -> em.find(Workspace.class, new java.util.UUID(0, 0))))
        .hasMessageContaining(
            "relation \"" + SchemaSessions.NO_TENANT_SCHEMA + ".workspace\" does not exist");
  }
}
