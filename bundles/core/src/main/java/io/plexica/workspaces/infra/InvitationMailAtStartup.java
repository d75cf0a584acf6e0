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
import java.util.ArrayList;
import java.util.List;

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

  private volatile List<InvitationMailQueue> queues = List.of();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    schema.afterCore("Invitation mail", executor, this::startQueue);
  }

  /** One queue per database cluster: an invitation is queued on its tenant's cluster. */
  private void startQueue() {
    List<InvitationMailQueue> started = new ArrayList<>();
    for (String cluster : database.clusters().ids()) {
      started.add(
          new InvitationMailQueue(
                  database.clusters().cluster(cluster).platform(),
                  tenants,
                  invitations,
                  InvitationMailQueue.Settings.DEFAULT)
              .start());
    }
    queues = List.copyOf(started);
  }

  /** Whether this node mails queued invitations (it starts once every schema is migrated). */
  public boolean mailing() {
    return !queues.isEmpty();
  }

  @PreDestroy
  void stop() {
    queues.forEach(InvitationMailQueue::close);
  }
}
