package io.plexica.workspaces.app;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Membership look-ups shared by every node. Each change of a workspace's members calls {@link
 * #invalidate}: the node that made it loads afresh at once, every other node as soon as it is told
 * (a message through Redis, a millisecond or so), so a role change counts from the next request.
 */
public interface MembershipCache {

  /** The cached standing, or what {@code load} returns, cached when no invalidation raced it. */
  Standing get(UUID tenantId, UUID workspaceId, UUID userId, Supplier<Standing> load);

  void invalidate(UUID tenantId, UUID workspaceId);

  /** No caching: every look-up loads. */
  MembershipCache NONE =
      new MembershipCache() {
        @Override
        public Standing get(UUID tenantId, UUID workspaceId, UUID userId, Supplier<Standing> load) {
          return load.get();
        }

        @Override
        public void invalidate(UUID tenantId, UUID workspaceId) {}
      };
}
