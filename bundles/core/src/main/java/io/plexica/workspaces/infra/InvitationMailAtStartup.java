package io.plexica.workspaces.infra;

import io.plexica.shared.persistence.Database;
import io.plexica.tenancy.app.SchemaUpgrade;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.workspaces.app.InvitationService;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts mailing queued invitations on this node once every schema is migrated (the queue is in the
 * core schema, the invitations in the tenants').
 */
@ApplicationScoped
public class InvitationMailAtStartup {
  @Inject Database database;
  @Inject SchemaUpgrade schema;
  @Inject TenantRepository tenants;
  @Inject InvitationService invitations;
  @Resource private ManagedExecutorService executor;

  private volatile InvitationMailQueue queue;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    executor.submit(this::startWhenSchemasAreReady);
  }

  private void startWhenSchemasAreReady() {
    try {
      while (!schema.isComplete()) {
        Thread.sleep(200);
      }
      queue =
          new InvitationMailQueue(
                  database.dataSource(), tenants, invitations, InvitationMailQueue.Settings.DEFAULT)
              .start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void stop() {
    InvitationMailQueue running = queue;
    if (running != null) {
      running.close();
    }
  }
}
