package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * At least 100 concurrent requests alternate between two tenants that write and read the same
 * entity type through the running server: each tenant sees only its own rows, by list (a query) and
 * by id (the entity cache), and a row of one tenant is never found through the other.
 */
class TenantIsolationIT {
  private static final int REQUESTS = 200;

  @Test
  void concurrentRequestsOfTwoTenantsNeverSeeEachOthersRows() throws Exception {
    String a = Platform.uniqueSlug("iso-a");
    String b = Platform.uniqueSlug("iso-b");
    Platform.createActiveTenant(a);
    Platform.createActiveTenant(b);

    Map<String, String> tokens =
        Map.of(
            a, Platform.token(a, Platform.adminOf(a), Platform.DEV_PASSWORD),
            b, Platform.token(b, Platform.adminOf(b), Platform.DEV_PASSWORD));
    ExecutorService clients = Executors.newFixedThreadPool(16);
    List<Future<List<String>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        String mine = i % 2 == 0 ? a : b;
        String other = mine.equals(a) ? b : a;
        String slug = "ws-" + i;
        results.add(clients.submit(() -> writeAndRead(mine, other, slug, tokens)));
      }
      List<String> violations = new ArrayList<>();
      for (Future<List<String>> result : results) {
        violations.addAll(result.get());
      }
      assertThat(violations).isEmpty();
    } finally {
      clients.shutdownNow();
    }

    List<String> seenByA = as(a, tokens).get("/workspaces").path("slug");
    List<String> seenByB = as(b, tokens).get("/workspaces").path("slug");
    assertThat(seenByA)
        .hasSize(REQUESTS / 2 + 1)
        .allMatch(s -> s.equals("default") || number(s) % 2 == 0);
    assertThat(seenByB)
        .hasSize(REQUESTS / 2 + 1)
        .allMatch(s -> s.equals("default") || number(s) % 2 == 1);
  }

  private static RequestSpecification as(String tenant, Map<String, String> tokens) {
    return Platform.anonymous().auth().oauth2(tokens.get(tenant)).header("X-Tenant-ID", tenant);
  }

  /**
   * Writes as one tenant and reads back; then asks for the row as the other tenant, with the other
   * tenant's own token: it must not be found there.
   */
  private static List<String> writeAndRead(
      String mine, String other, String slug, Map<String, String> tokens) {
    List<String> violations = new ArrayList<>();
    Response created =
        as(mine, tokens)
            .body("{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}")
            .post("/workspaces");
    if (created.statusCode() != 201) {
      violations.add(mine + " could not create " + slug + ": " + created.asString());
      return violations;
    }
    String id = created.path("id");
    Response own = as(mine, tokens).get("/workspaces/" + id);
    if (own.statusCode() != 200 || !slug.equals(own.path("slug"))) {
      violations.add(mine + " could not read its own " + slug + ": " + own.asString());
    }
    Response foreign = as(other, tokens).get("/workspaces/" + id);
    if (foreign.statusCode() != 404) {
      violations.add(other + " saw " + mine + "'s " + slug + ": " + foreign.statusCode());
    }
    return violations;
  }

  private static int number(String workspaceSlug) {
    return Integer.parseInt(workspaceSlug.substring("ws-".length()));
  }
}
