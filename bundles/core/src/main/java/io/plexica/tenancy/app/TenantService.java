package io.plexica.tenancy.app;

import io.plexica.shared.id.CanonicalUuid;
import io.plexica.shared.json.JsonText;
import io.plexica.shared.lease.WorkLeases;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.Validation;
import io.plexica.tenancy.domain.EmailAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.ProvisioningLog;
import io.plexica.tenancy.domain.ProvisioningStepRecord;
import io.plexica.tenancy.domain.TenancyProblems;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantPage;
import io.plexica.tenancy.domain.TenantQuery;
import io.plexica.tenancy.domain.TenantQuotas;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantRepository;
import io.plexica.tenancy.domain.TenantSettingsRules;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Creates, finds, changes and retires tenants; provisioning itself is the saga's job. */
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class.getName());

  /** Settings are configuration, not content: keep them small enough to read on every request. */
  public static final int MAX_SETTINGS_CHARS = 16 * 1024;

  /** The lease a node holds on a tenant's provisioning while it runs it. */
  public static final String PROVISIONING_LEASE = "tenant-provisioning";

  private final TenantRepository tenants;
  private final ActiveTenants active;
  private final WorkLeases leases;
  private final ProvisioningLog log;
  private final ProvisioningSaga saga;
  private final ProvisioningExecutor executor;
  private final TenantSchemas schemas;
  private final List<TenantLifecycleListener> listeners;
  private final Clock clock;
  private final IdentityPlacement placement;
  private final DatabasePlacement databases;

  public TenantService(
      TenantRepository tenants,
      ProvisioningLog log,
      ProvisioningSaga saga,
      ProvisioningExecutor executor,
      TenantSchemas schemas,
      List<TenantLifecycleListener> listeners,
      WorkLeases leases,
      ActiveTenants active,
      Clock clock,
      IdentityPlacement placement,
      DatabasePlacement databases) {
    this.tenants = tenants;
    this.active = active;
    this.leases = leases;
    this.log = log;
    this.saga = saga;
    this.executor = executor;
    this.schemas = schemas;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.placement = placement;
    this.databases = databases;
  }

  /**
   * Registers the tenant as {@code PROVISIONING} and starts provisioning it in the background; the
   * returned tenant is the registered one, before any step ran.
   */
  public Tenant create(
      TenantSlug slug, TenantName name, EmailAddress adminEmail, JsonObject settings) {
    return create(slug, name, adminEmail, settings, Optional.empty(), Optional.empty());
  }

  /**
   * Like {@link #create(TenantSlug, TenantName, EmailAddress, JsonObject)}, with the tenant's
   * people in the identity home and its data on the database cluster asked for, else where the
   * platform's policy places them.
   */
  public Tenant create(
      TenantSlug slug,
      TenantName name,
      EmailAddress adminEmail,
      JsonObject settings,
      Optional<IdentityHome.Kind> identityHome,
      Optional<String> databaseCluster) {
    String settingsJson = settingsJson(settings == null ? JsonValue.EMPTY_JSON_OBJECT : settings);
    if (tenants.findBySlug(slug.value()).isPresent()) {
      throw TenancyProblems.slugTaken(slug.value(), null);
    }
    Tenant tenant =
        new Tenant(
            slug,
            name,
            adminEmail,
            settingsJson,
            placement.place(slug, identityHome),
            databases.place(databaseCluster),
            clock.instant());
    // The lease before the row: a node that dies in between leaves a lease to take over, never a
    // PROVISIONING tenant that nobody owns.
    takeLease(tenant.id());
    try {
      tenants.insert(tenant);
    } catch (RuntimeException e) {
      leases.release(PROVISIONING_LEASE, tenant.id().toString());
      throw e;
    }
    provision(TenantRef.of(tenant), false);
    return tenant;
  }

  /** A database cluster tenants may be placed on, with the unpurged tenants it holds. */
  public record DatabaseCluster(String id, boolean isDefault, long tenants) {}

  /** The configured database clusters, each with its tenants, the default one marked. */
  public List<DatabaseCluster> databaseClusters() {
    Map<String, Long> tenantsOn = tenants.tenantsPerDatabaseCluster();
    return databases.clusters().stream()
        .map(
            id ->
                new DatabaseCluster(
                    id, id.equals(databases.byDefault()), tenantsOn.getOrDefault(id, 0L)))
        .toList();
  }

  /** Provisions a {@code FAILED} tenant again, from a clean slate. */
  public Tenant retry(String idOrSlug) {
    UUID id = get(idOrSlug).id();
    takeLease(id);
    Tenant tenant;
    try {
      tenant = tenants.update(id, t -> t.moveTo(TenantStatus.PROVISIONING, clock.instant()));
    } catch (RuntimeException e) {
      leases.release(PROVISIONING_LEASE, id.toString());
      throw e;
    }
    provision(TenantRef.of(tenant), false);
    return tenant;
  }

  /**
   * Takes over the provisioning of a tenant whose node died (this node holds the lease now): what
   * the interrupted attempt did is undone and a new attempt runs. A tenant no longer {@code
   * PROVISIONING} needs nothing, and the lease goes.
   */
  public void resumeProvisioning(UUID id) {
    Optional<Tenant> tenant =
        tenants.findById(id).filter(t -> t.status() == TenantStatus.PROVISIONING);
    if (tenant.isEmpty()) {
      leases.release(PROVISIONING_LEASE, id.toString());
      return;
    }
    LOG.warning("Resuming the provisioning of tenant " + tenant.get().slug());
    provision(TenantRef.of(tenant.get()), true);
  }

  private void takeLease(UUID id) {
    if (!leases.take(PROVISIONING_LEASE, id.toString(), "")) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "This tenant is being provisioned right now; wait until it ends ACTIVE or FAILED.");
    }
  }

  /**
   * Runs the saga in the background under this node's lease, released when the saga is over. An
   * error nobody planned for abandons the lease instead: it expires and the work is taken over as
   * if this node had died.
   */
  private void provision(TenantRef tenant, boolean resume) {
    String subject = tenant.id().toString();
    BooleanSupplier owned = () -> leases.holds(PROVISIONING_LEASE, subject);
    Runnable work =
        () -> {
          try {
            if (resume) {
              saga.resume(tenant, owned);
            } else {
              saga.run(tenant, log.nextAttempt(tenant.id()), owned);
            }
          } catch (Throwable unplanned) {
            leases.abandon(PROVISIONING_LEASE, subject);
            throw unplanned;
          }
          leases.release(PROVISIONING_LEASE, subject);
        };
    try {
      executor.submit(work);
    } catch (RuntimeException e) {
      leases.abandon(PROVISIONING_LEASE, subject);
      throw e;
    }
  }

  public Tenant get(String idOrSlug) {
    return find(idOrSlug).orElseThrow(() -> TenancyProblems.notFound(idOrSlug));
  }

  private Optional<Tenant> find(String idOrSlug) {
    if (idOrSlug == null || idOrSlug.isBlank()) {
      return Optional.empty();
    }
    Optional<UUID> id = CanonicalUuid.parse(idOrSlug);
    return id.isPresent() ? tenants.findById(id.get()) : tenants.findBySlug(idOrSlug);
  }

  public TenantPage search(TenantQuery query) {
    return tenants.search(query);
  }

  /** The latest provisioning attempt: its number and its steps in order. */
  public ProvisioningReport provisioning(String idOrSlug) {
    Tenant tenant = get(idOrSlug);
    int attempt = log.latestAttempt(tenant.id());
    List<ProvisioningStepRecord> steps = attempt == 0 ? List.of() : log.steps(tenant.id(), attempt);
    return new ProvisioningReport(tenant, attempt, saga.stepNames(), steps);
  }

  /**
   * Renames the tenant and/or merges a JSON merge patch (RFC 7396) into its settings; absent
   * arguments leave that part unchanged.
   */
  public Tenant update(
      String idOrSlug,
      Optional<TenantName> name,
      Optional<JsonObject> settingsPatch,
      Optional<JsonObject> quotasPatch) {
    Tenant current = get(idOrSlug);
    if (current.status() == TenantStatus.DELETED) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '" + current.slug() + "' is DELETED and can no longer be changed.");
    }
    Tenant updated =
        tenants.update(
            current.id(),
            tenant -> {
              name.ifPresent(n -> tenant.rename(n, clock.instant()));
              settingsPatch.ifPresent(
                  patch -> {
                    JsonValue merged =
                        JsonText.PROVIDER
                            .createMergePatch(patch)
                            .apply(JsonText.object(tenant.settings()));
                    tenant.replaceSettings(settingsJson(merged.asJsonObject()), clock.instant());
                  });
              quotasPatch.ifPresent(
                  patch ->
                      tenant.replaceQuotas(
                          TenantQuotas.parse(
                              JsonText.PROVIDER
                                  .createMergePatch(patch)
                                  .apply(tenant.quotas().toJson())
                                  .asJsonObject(),
                              "quotas"),
                          clock.instant()));
            });
    Optional<String> locale = localeOf(updated);
    for (TenantLifecycleListener listener : listeners) {
      try {
        listener.profileChanged(TenantRef.of(updated), updated.name(), locale);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Tenant " + updated.slug() + " changed; a listener could not follow (next start)",
            e);
      }
    }
    return updated;
  }

  /** The tenant's default language, from its settings. */
  public static Optional<String> localeOf(Tenant tenant) {
    JsonValue locale = JsonText.object(tenant.settings()).get("locale");
    return locale instanceof jakarta.json.JsonString text
        ? Optional.of(text.getString())
        : Optional.empty();
  }

  /** Suspends an active tenant: its realm is disabled and its requests are refused. */
  public Tenant suspend(String idOrSlug) {
    return moveTo(idOrSlug, TenantStatus.SUSPENDED, TenantLifecycleListener::suspended);
  }

  public Tenant activate(String idOrSlug) {
    return moveTo(idOrSlug, TenantStatus.ACTIVE, TenantLifecycleListener::activated);
  }

  /**
   * Records the new status, then tells the listeners; when one fails, the previous status is
   * restored, so the platform and the tenant's outside resources never disagree for long.
   */
  private Tenant moveTo(
      String idOrSlug,
      TenantStatus next,
      BiConsumer<TenantLifecycleListener, TenantRef> notification) {
    Tenant before = get(idOrSlug);
    Tenant after =
        tenants.update(
            before.id(), t -> t.moveTo(next, clock.instant()), TenantEvents.movedTo(next));
    try {
      listeners.forEach(listener -> notification.accept(listener, TenantRef.of(after)));
    } catch (RuntimeException e) {
      // The event of the move is out; the restore announces the way back.
      tenants.update(
          before.id(),
          t -> t.restoreStatus(before.status(), clock.instant()),
          TenantEvents.movedTo(before.status()));
      throw e;
    }
    return after;
  }

  /**
   * Marks the tenant {@code DELETED}; with {@code purge} also drops its schema (and, in later
   * slices, its realm and bucket) and frees its slug. Deleting a deleted tenant again only purges
   * it.
   */
  public void delete(String idOrSlug, boolean purge) {
    Tenant tenant = get(idOrSlug);
    if (tenant.status() != TenantStatus.DELETED) {
      tenant =
          tenants.update(
              tenant.id(),
              t -> t.moveTo(TenantStatus.DELETED, clock.instant()),
              TenantEvents.movedTo(TenantStatus.DELETED));
    }
    if (purge && !tenant.isPurged()) {
      TenantRef ref = TenantRef.of(tenant);
      listeners.forEach(listener -> listener.purged(ref));
      schemas.drop(tenant.database());
      tenants.update(tenant.id(), t -> t.markPurged(clock.instant()), TenantEvents.event("purged"));
    }
  }

  /**
   * The tenant a tenant-scoped request acts for: the incarnation {@code id} that the token names,
   * and only if {@code realm}, the realm that issued the token, is the one its placement names (a
   * slug freed by a purge may name a new tenant, whose id differs; a realm shared by several
   * tenants issues tokens for each of them). It must be {@code ACTIVE}.
   */
  public TenantRef resolveActive(String realm, UUID id) {
    TenantRef tenant = active.get(id.toString(), () -> loadActive(realm, id));
    if (!tenant.realm().equals(realm)) {
      throw TenancyProblems.notFound(realm);
    }
    return tenant;
  }

  private TenantRef loadActive(String realm, UUID id) {
    Tenant tenant =
        tenants
            .findById(id)
            .filter(t -> !t.isPurged() && t.identityHome().realm().equals(realm))
            .orElseThrow(() -> TenancyProblems.notFound(realm));
    if (tenant.status() != TenantStatus.ACTIVE) {
      throw TenancyProblems.unavailable(tenant);
    }
    return TenantRef.of(tenant);
  }

  private static String settingsJson(JsonObject settings) {
    Validation validation = new Validation();
    TenantSettingsRules.check(settings, validation);
    validation.throwIfInvalid();
    String json = settings.toString();
    if (json.length() > MAX_SETTINGS_CHARS) {
      throw ProblemException.invalid(
          "settings", "must be at most " + MAX_SETTINGS_CHARS + " characters of JSON");
    }
    return json;
  }

  /** The state of provisioning for the console's progress view. */
  public record ProvisioningReport(
      Tenant tenant, int attempt, List<String> plannedSteps, List<ProvisioningStepRecord> steps) {}
}
