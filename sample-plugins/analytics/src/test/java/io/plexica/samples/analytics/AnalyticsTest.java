package io.plexica.samples.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.sdk.hook.HookNames;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.testkit.RecordingData;
import io.plexica.sdk.testkit.TestCalls;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
  void eventsCountInTheTenantOfTheEvent() throws Exception {
    UsageEvents.UserCreated handler = new UsageEvents.UserCreated();
    handler.usage = usage;

    handler.handle(acme.event("core.user.created", "{\"userId\":\"u1\"}"), acme.context());

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
  void aCountedWorkspaceIsAnnouncedWithTheNewCount() throws Exception {
    UUID workspace = UUID.randomUUID();
    TestCalls inWorkspace = TestCalls.inTenant("acme").inWorkspace(workspace);
    List<String> published = new ArrayList<>();
    UsageEvents.WorkspaceCreated handler = new UsageEvents.WorkspaceCreated();
    handler.usage = usage;
    handler.events =
        (context, event, payload) -> {
          published.add(event + " " + payload);
          return UUID.randomUUID();
        };
    data.willChange(1).willReturn(Map.of("value", 4L));

    handler.handle(inWorkspace.event("core.workspace.created", "{}"), inWorkspace.context());

    assertThat(published)
        .containsExactly(
            "workspace_counted {\"workspaces\":4,\"workspaceId\":\"" + workspace + "\"}");
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
