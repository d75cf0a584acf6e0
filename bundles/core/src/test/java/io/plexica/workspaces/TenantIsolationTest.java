package io.plexica.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import io.plexica.workspaces.app.Caller;
import io.plexica.workspaces.domain.Workspace;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceSlug;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two tenants write and read the same entity type from many threads at once through one shared
 * entity manager factory (the EclipseLink concurrency trap of eclipse-ee4j/eclipselink#1161): each
 * must see only its own rows, whether read by query or by id, which goes through the cache.
 */
@UsesServices
class TenantIsolationTest {
  private static final int OPERATIONS = 200;

  @Test
  void concurrentTenantsSeeOnlyTheirOwnWorkspaces() throws Exception {
    TestPlatform platform = TestPlatform.create();
    TenantRef a = provision(platform, "iso-a");
    TenantRef b = provision(platform, "iso-b");
    Map<TenantRef, Caller> admins = Map.of(a, platform.adminCaller(a), b, platform.adminCaller(b));

    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < OPERATIONS; i++) {
        TenantRef mine = i % 2 == 0 ? a : b;
        TenantRef other = mine == a ? b : a;
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  Workspace created =
                      platform
                          .workspaces
                          .create(
                              mine,
                              admins.get(mine),
                              new WorkspaceSlug("ws-" + n),
                              "Workspace " + n,
                              null)
                          .workspace();
                  Workspace read =
                      platform.workspaces.get(mine, admins.get(mine), created.id()).workspace();
                  assertThat(read.slug()).isEqualTo("ws-" + n);
                  try {
                    platform.workspaces.get(other, admins.get(other), created.id());
                    return "tenant " + other.slug() + " read workspace ws-" + n;
                  } catch (ProblemException expected) {
                    assertThat(expected.type()).isEqualTo(WorkspaceProblems.WORKSPACE_NOT_FOUND);
                  }
                  return null;
                }));
      }
      for (Future<String> result : results) {
        assertThat(result.get()).isNull();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(slugs(platform, a)).hasSize(OPERATIONS / 2 + 1).allMatch(this::evenOrDefault);
    assertThat(slugs(platform, b))
        .hasSize(OPERATIONS / 2 + 1)
        .allMatch(s -> !evenOrDefault(s) || s.equals("default"));
  }

  private boolean evenOrDefault(String slug) {
    return slug.equals("default") || Integer.parseInt(slug.substring(3)) % 2 == 0;
  }

  private static List<String> slugs(TestPlatform platform, TenantRef tenant) {
    return platform.workspaces.all(tenant).stream().map(Workspace::slug).toList();
  }

  private static TenantRef provision(TestPlatform platform, String prefix) {
    Tenant tenant =
        platform.tenantService.create(
            new TenantSlug(TestPlatform.uniqueSlug(prefix)),
            new TenantName(prefix),
            TestPlatform.ADMIN,
            null);
    return TenantRef.of(platform.tenantService.get(tenant.slug()));
  }
}
