package io.plexica.workspaces.app;

import io.plexica.audit.domain.AuditEntry;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.problem.ProblemException;
import io.plexica.storage.app.TenantStorage;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.tenancy.domain.TenantQuotas.Quota;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceFile;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceSlug;
import io.plexica.workspaces.domain.WorkspaceStore;
import io.plexica.workspaces.domain.WorkspaceStore.Membership;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Workspaces of one tenant. Every method takes the tenant explicitly, so no call can reach another
 * tenant's workspaces by accident, and the caller, whose role in the workspace decides what it may
 * do. The creator of a workspace becomes its {@code ADMIN}; every change is audited in its own
 * transaction.
 */
public class WorkspaceService {
  private static final Logger LOG = Logger.getLogger(WorkspaceService.class.getName());
  public static final int MAX_NAME = 200;
  public static final int MAX_DESCRIPTION = 2000;

  private final WorkspaceStore store;
  private final QuotaGuard quotas;
  private final WorkspaceAccess access;
  private final TenantStorage storage;
  private final AuditTrail audit;
  private final Clock clock;
  private final ExtensionPoints extensions;

  public WorkspaceService(
      WorkspaceStore store,
      WorkspaceAccess access,
      TenantStorage storage,
      Clock clock,
      ExtensionPoints extensions,
      QuotaGuard quotas) {
    this.quotas = quotas;
    this.store = store;
    this.access = access;
    this.storage = storage;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
    this.extensions = extensions;
  }

  /** A change of a workspace's name, description or settings; null fields stay as they are. */
  public record Changes(
      String name, String description, boolean clearDescription, String settings) {}

  /**
   * Creates a workspace with the caller as its {@code ADMIN}, unless a plugin enabled in the tenant
   * vetoes it ({@code workspace.creating}); plugins hear of it afterwards ({@code
   * workspace.created}).
   */
  public Membership create(
      TenantRef tenant, Caller caller, WorkspaceSlug slug, String name, String description) {
    Workspace workspace =
        create(tenant, caller.actor(), slug, name, description, List.of(caller.userId()));
    return new Membership(workspace, WorkspaceRole.ADMIN);
  }

  private Workspace create(
      TenantRef tenant,
      AuditEntry.Actor actor,
      WorkspaceSlug slug,
      String name,
      String description,
      List<UUID> administrators) {
    Map<String, Object> proposed = Map.of("slug", slug.value(), "name", name);
    extensions
        .ask(ExtensionPoints.Event.of("workspace.creating", tenant.id(), tenant.slug(), proposed))
        .ifPresent(
            reason -> {
              throw new ProblemException(
                  WorkspaceProblems.WORKSPACE_VETOED, "A plugin refused the workspace: " + reason);
            });
    Workspace workspace = new Workspace(slug, name, description, clock.instant());
    store.inTransaction(
        tenant,
        tx -> {
          quotas.requireRoom(tenant, Quota.WORKSPACES, () -> tx.workspaces().size(), 1);
          tx.add(workspace);
          audit.record(
              tx,
              actor,
              "workspace.created",
              workspace.id(),
              "workspace",
              workspace.id(),
              null,
              state(workspace));
          for (UUID admin : administrators) {
            tx.members()
                .add(
                    new WorkspaceMember(
                        workspace.id(), admin, WorkspaceRole.ADMIN, actor.id(), clock.instant()));
            audit.record(
                tx,
                actor,
                "member.added",
                workspace.id(),
                "member",
                admin,
                null,
                Map.of("role", WorkspaceRole.ADMIN.name()));
          }
          return null;
        });
    extensions.announce(
        ExtensionPoints.Event.of(
            "workspace.created",
            tenant.id(),
            tenant.slug(),
            Map.of("workspaceId", workspace.id().toString(), "slug", slug.value(), "name", name)));
    return workspace;
  }

  /**
   * The workspace with the caller's role in it: what a client fetches when it switches workspace.
   */
  public Membership get(TenantRef tenant, Caller caller, UUID id) {
    WorkspaceRole role = access.require(tenant, caller, id, WorkspaceRole.VIEWER);
    Workspace workspace =
        store.read(tenant, tx -> tx.workspace(id)).orElseThrow(() -> WorkspaceAccess.notFound(id));
    return new Membership(workspace, role);
  }

  /**
   * The workspaces the caller belongs to; for a tenant administrator every workspace (as {@code
   * ADMIN} where it holds no other role).
   */
  public List<Membership> list(TenantRef tenant, Caller caller) {
    return store.read(
        tenant,
        tx -> {
          List<Membership> own = tx.membershipsOf(caller.userId());
          if (!caller.tenantAdmin()) {
            return own;
          }
          return tx.workspaces().stream().map(w -> new Membership(w, WorkspaceRole.ADMIN)).toList();
        });
  }

  /** Every workspace of the tenant, for the platform's own use (no caller). */
  public List<Workspace> all(TenantRef tenant) {
    return store.read(tenant, WorkspaceStore.Tx::workspaces);
  }

  public Membership update(TenantRef tenant, Caller caller, UUID id, Changes changes) {
    access.require(tenant, caller, id, WorkspaceRole.ADMIN);
    Workspace updated =
        store.inTransaction(
            tenant,
            tx -> {
              Workspace workspace =
                  tx.workspace(id).orElseThrow(() -> WorkspaceAccess.notFound(id));
              Map<String, Object> before = state(workspace);
              String description =
                  changes.clearDescription()
                      ? null
                      : changes.description() != null
                          ? changes.description()
                          : workspace.description();
              boolean changed =
                  workspace.update(
                      changes.name() != null ? changes.name() : workspace.name(),
                      description,
                      changes.settings() != null ? changes.settings() : workspace.settings(),
                      clock.instant());
              if (changed) {
                audit.record(
                    tx,
                    caller.actor(),
                    "workspace.updated",
                    id,
                    "workspace",
                    id,
                    before,
                    state(workspace));
              }
              return workspace;
            });
    return new Membership(updated, WorkspaceRole.ADMIN);
  }

  /**
   * Deletes a workspace with its members, invitations, shares and files. A workspace with teams is
   * kept (409) unless {@code deleteTeams}; the default workspace is always kept.
   */
  public void delete(TenantRef tenant, Caller caller, UUID id, boolean deleteTeams) {
    access.require(tenant, caller, id, WorkspaceRole.ADMIN);
    store.inTransaction(
        tenant,
        tx -> {
          Workspace workspace =
              tx.lockWorkspace(id).orElseThrow(() -> WorkspaceAccess.notFound(id));
          if (workspace.slug().equals(WorkspaceSlug.DEFAULT.value())) {
            throw new ProblemException(
                WorkspaceProblems.DEFAULT_WORKSPACE,
                "The default workspace is where every tenant starts; it cannot be deleted.");
          }
          int teams = tx.teams().list(id).size();
          if (teams > 0 && !deleteTeams) {
            throw new ProblemException(
                WorkspaceProblems.HAS_TEAMS,
                "The workspace has "
                    + teams
                    + " team(s). Delete them first, or ask for them to be deleted with"
                    + " ?deleteTeams=true.");
          }
          Map<String, Object> before = state(workspace);
          before.put("teams", teams);
          before.put("members", tx.members().list(id).size());
          before.put("files", tx.files().list(id).size());
          tx.remove(workspace);
          audit.record(tx, caller.actor(), "workspace.deleted", id, "workspace", id, before, null);
          return null;
        });
    access.changed(tenant, id);
    try {
      storage.deletePrefix(tenant.id(), WorkspaceFile.workspacePrefix(id));
    } catch (RuntimeException e) {
      // The workspace is gone; its objects are unreachable and a later purge of the tenant's
      // bucket removes them.
      LOG.log(Level.WARNING, "Could not delete the files of deleted workspace " + id, e);
    }
  }

  /** Seeds a new tenant with its default workspace, administered by the tenant's administrators. */
  public void createDefault(TenantRef tenant, List<UUID> administrators) {
    create(
        tenant,
        AuditEntry.Actor.PLATFORM,
        WorkspaceSlug.DEFAULT,
        "Default",
        "The workspace every member starts in.",
        administrators);
  }

  /** Undoes {@link #createDefault}; nothing happens when it is not there. */
  public void removeDefault(TenantRef tenant) {
    store.inTransaction(
        tenant,
        tx -> {
          tx.workspaceBySlug(WorkspaceSlug.DEFAULT.value()).ifPresent(tx::remove);
          return null;
        });
  }

  static Map<String, Object> state(Workspace workspace) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("slug", workspace.slug());
    state.put("name", workspace.name());
    state.put("description", workspace.description());
    state.put("settings", workspace.settings());
    return state;
  }
}
