package io.plexica.workspaces.infra;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.UserService;
import io.plexica.shared.cache.CacheSeal;
import io.plexica.shared.hooks.ExtensionPoints;
import io.plexica.shared.mail.Mailer;
import io.plexica.shared.web.RequestBodyLimit;
import io.plexica.shared.web.WebAppLinks;
import io.plexica.storage.app.TenantStorage;
import io.plexica.tenancy.app.QuotaGuard;
import io.plexica.workspaces.app.FileService;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.app.MemberService;
import io.plexica.workspaces.app.MembershipCache;
import io.plexica.workspaces.app.SharingService;
import io.plexica.workspaces.app.TeamService;
import io.plexica.workspaces.app.WorkspaceAccess;
import io.plexica.workspaces.app.WorkspaceService;
import io.plexica.workspaces.domain.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/** Wires the workspace services, plain classes that tests build without a container. */
@ApplicationScoped
public class WorkspaceBeans {
  /** The most a file upload may be, whatever the configuration says (the request limit). */
  public static final long MAX_FILE_BYTES = RequestBodyLimit.MAX_FILE_BYTES;

  @Produces
  @Singleton
  MembershipCache membershipCache(JedisPooled redis, CacheSeal seal) {
    return RedisMembershipCache.standard(redis, seal);
  }

  void closeMembershipCache(@Disposes MembershipCache cache) {
    if (cache instanceof RedisMembershipCache redisCache) {
      redisCache.close();
    }
  }

  @Produces
  @Singleton
  WorkspaceAccess workspaceAccess(WorkspaceStore store, MembershipCache cache) {
    return new WorkspaceAccess(store, cache);
  }

  @Produces
  @Singleton
  WorkspaceService workspaceService(
      WorkspaceStore store,
      WorkspaceAccess access,
      TenantStorage storage,
      Clock clock,
      ExtensionPoints extensions,
      QuotaGuard quotas) {
    return new WorkspaceService(store, access, storage, clock, extensions, quotas);
  }

  @Produces
  @Singleton
  MemberService memberService(WorkspaceStore store, WorkspaceAccess access, Clock clock) {
    return new MemberService(store, access, clock);
  }

  @Produces
  @Singleton
  TeamService teamService(WorkspaceStore store, WorkspaceAccess access, Clock clock) {
    return new TeamService(store, access, clock);
  }

  @Produces
  @Singleton
  InvitationService invitationService(
      WorkspaceStore store,
      WorkspaceAccess access,
      MemberService members,
      Clock clock,
      Realms realms,
      UserService users,
      Mailer mailer,
      WebAppLinks links) {
    return new InvitationService(
        store, access, members, clock, new MailedInvitations(realms, users, mailer, links));
  }

  @Produces
  @Singleton
  SharingService sharingService(WorkspaceStore store, WorkspaceAccess access, Clock clock) {
    return new SharingService(store, access, clock);
  }

  @Produces
  @Singleton
  FileService fileService(
      WorkspaceStore store,
      WorkspaceAccess access,
      TenantStorage storage,
      Clock clock,
      @ConfigProperty(name = "plexica.files.max-mib", defaultValue = "25") long maxMib,
      @ConfigProperty(name = "plexica.files.types") Optional<List<String>> types,
      QuotaGuard quotas) {
    long maxBytes = Math.min(maxMib * 1024 * 1024, MAX_FILE_BYTES);
    Set<String> allowed = types.map(Set::copyOf).orElse(FileService.DEFAULT_TYPES);
    return new FileService(store, access, storage, clock, maxBytes, allowed, quotas);
  }
}
