package io.plexica.samples.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.hook.HookResult;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.testkit.RecordingData;
import io.plexica.sdk.testkit.TestCalls;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analytics plugin with the SDK's test kit, no platform: how a vendor tests a plugin. */
class AnalyticsTest {
  private final RecordingData data = new RecordingData();
  private final Usage usage = usage(data);
  private final TestCalls acme =
      TestCalls.inTenant("acme")
          .withPermissions("analytics:summary:read")
          .withConfig("{\"label\":\"Acme\",\"reservedWorkspaceSlugs\":[\"finance\"]}");

  private static Usage usage(RecordingData data) {
    Usage usage = new Usage();
    usage.data = data;
    return usage;
  }

  @Test
  void theSummaryReportsWhatTheTablesHold() throws Exception {
    data.willReturn(Map.of("value", 3L)).willReturn(Map.of("value", 1L));
    SummaryRoute route = new SummaryRoute();
    route.usage = usage;

    RouteResponse response = route.handle(acme.get("/summary"));

    JsonObject body = response.body().orElseThrow().asJsonObject();
    assertThat(response.status()).isEqualTo(200);
    assertThat(body.getString("tenant")).isEqualTo("acme");
    assertThat(body.getString("label")).isEqualTo("Acme");
    assertThat(body.getInt("usersCreated")).isEqualTo(3);
    assertThat(body.getInt("workspacesCreated")).isEqualTo(1);
  }

  @Test
  void hooksCountInTheTenantOfTheEvent() {
    UsageHooks.UserCreated hook = new UsageHooks.UserCreated();
    hook.usage = usage;

    HookResult result =
        hook.handle(acme.hook(HookNames.USER_CREATED, "{\"userId\":\"u1\",\"roles\":[]}", false));

    assertThat(result.vetoed()).isFalse();
    assertThat(data.statements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sql()).startsWith("INSERT INTO ${counts}");
              assertThat(s.parameters()).containsExactly("users");
              assertThat(s.context().tenantSlug()).isEqualTo("acme");
            });
  }

  @Test
  void reservedWorkspaceSlugsAreVetoedOthersProceed() {
    UsageHooks.ReservedSlugs hook = new UsageHooks.ReservedSlugs();

    assertThat(
            hook.handle(
                acme.hook(
                    HookNames.WORKSPACE_CREATING, "{\"slug\":\"finance\",\"name\":\"F\"}", true)))
        .satisfies(r -> assertThat(r.vetoed()).isTrue());
    assertThat(
            hook.handle(
                    acme.hook(
                        HookNames.WORKSPACE_CREATING, "{\"slug\":\"eng\",\"name\":\"E\"}", true))
                .vetoed())
        .isFalse();
  }
}
