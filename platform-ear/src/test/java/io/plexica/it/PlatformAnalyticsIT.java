package io.plexica.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's analytics from real figures: tenants created today, the API calls of this hour
 * (counted by the server, flushed to Redis every five seconds) with their errors and p95, plugin
 * installs per plugin.
 */
class PlatformAnalyticsIT {

  @Test
  void analyticsCountTenantsApiCallsAndPluginInstalls() {
    String slug = Platform.uniqueSlug("stats");
    Platform.createActiveTenant(slug);
    Response before = Platform.api().queryParam("hours", 1).get("/admin/analytics");
    long callsBefore = callsOfThisHour(before);
    for (int i = 0; i < 20; i++) {
      Platform.api().get("/tenants/" + slug).then().statusCode(200);
    }
    Platform.api().get("/tenants/no-such-tenant").then().statusCode(404);

    Response after = null;
    for (int i = 0; i < 40; i++) {
      after = Platform.api().queryParam("hours", 1).queryParam("days", 7).get("/admin/analytics");
      if (callsOfThisHour(after) >= callsBefore + 21) {
        break;
      }
      Platform.sleep(500);
    }
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(callsOfThisHour(after)).isGreaterThanOrEqualTo(callsBefore + 21);
    Map<String, Object> hour = after.path("apiHours[-1]");
    assertThat((Integer) hour.get("clientErrors")).isGreaterThanOrEqualTo(1);
    assertThat(hour.get("p95Ms")).isNotNull();
    assertThat(Instant.parse((String) hour.get("hour"))).isBefore(Instant.now());

    List<Map<String, Object>> growth = after.path("tenantGrowth");
    assertThat(growth).hasSize(7);
    Map<String, Object> today = growth.get(growth.size() - 1);
    assertThat(today.get("day")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat((Integer) today.get("created")).isGreaterThanOrEqualTo(1);
    assertThat((Integer) today.get("total")).isGreaterThanOrEqualTo((Integer) today.get("created"));
    assertThat(after.<Integer>path("tenantsByStatus.ACTIVE")).isGreaterThanOrEqualTo(1);
    assertThat(after.<List<Object>>path("pluginInstalls")).isNotNull();

    Response usage = Platform.api().get("/admin/analytics/tenants/" + slug);
    assertThat(usage.statusCode()).as(usage.asString()).isEqualTo(200);
    assertThat(usage.<String>path("bucket")).endsWith(usage.<String>path("tenantId"));
    assertThat(usage.<Integer>path("usage.users")).isEqualTo(1);
    assertThat(usage.<Integer>path("usage.workspaces")).isEqualTo(1);
    assertThat(usage.<Integer>path("usage.files")).isZero();
    Platform.assertProblem(
        Platform.api().get("/admin/analytics/tenants/no-such-tenant"), 404, "tenant-not-found");

    Platform.assertProblem(
        Platform.api().queryParam("days", 0).get("/admin/analytics"), 400, "validation-failed");
    Platform.assertProblem(
        Platform.api().queryParam("hours", "lots").get("/admin/analytics"),
        400,
        "validation-failed");
  }

  private static long callsOfThisHour(Response analytics) {
    List<Integer> calls = analytics.path("apiHours.calls");
    return calls.isEmpty() ? 0 : calls.get(calls.size() - 1);
  }
}
