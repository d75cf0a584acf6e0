package io.plexica.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.sdk.hook.HookCall;
import io.plexica.sdk.route.RouteRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test kit vendors unit-test their plugins with makes calls as the platform does. */
class TestKitTest {

  @Test
  void callsCarryTheTenantPermissionsWorkspaceAndConfiguration() {
    UUID workspace = UUID.randomUUID();
    TestCalls calls =
        TestCalls.inTenant("acme")
            .withPermissions("crm:contacts:read")
            .inWorkspace(workspace)
            .withConfig("{\"label\":\"CRM\"}");
    CallContext context = calls.context();
    assertThat(context.tenantSlug()).isEqualTo("acme");
    assertThat(context.tenantId())
        .as("the same tenant id for the same slug, call after call")
        .isEqualTo(TestCalls.inTenant("acme").context().tenantId());
    assertThat(context.can("crm:contacts:read")).isTrue();
    assertThat(context.workspaceId()).contains(workspace);
    assertThat(context.config().getString("label")).isEqualTo("CRM");

    RouteRequest get = calls.get("/contacts/{id}", Map.of("id", "7"));
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.pathParameters()).containsEntry("id", "7");
    RouteRequest post = calls.post("/contacts", "{\"name\":\"Ann\"}");
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.body())
        .get()
        .extracting(b -> b.asJsonObject().getString("name"))
        .isEqualTo("Ann");

    HookCall hook = calls.hook("workspace.creating", "{\"slug\":\"finance\"}", true);
    assertThat(hook.vetoable()).isTrue();
    assertThat(hook.payload().getString("slug")).isEqualTo("finance");

    Event event = calls.event("core.workspace.created", "{\"n\":1}");
    assertThat(event.tenantId()).isEqualTo(context.tenantId());
    assertThat(event.workspaceId()).contains(workspace);
    assertThat(event.data().getInt("n")).isEqualTo(1);
  }

  @Test
  void recordingDataRecordsStatementsAndAnswersInOrder() {
    CallContext context = TestCalls.inTenant("acme").context();
    RecordingData data =
        new RecordingData().willReturn(Map.of("id", 1)).willReturnRows(List.of()).willChange(3);
    assertThat(data.query(context, "SELECT id FROM ${contacts} WHERE id = ?", 1))
        .containsExactly(Map.of("id", 1));
    assertThat(data.query(context, "SELECT id FROM ${contacts}")).isEmpty();
    assertThat(data.query(context, "SELECT 1")).as("nothing queued").isEmpty();
    assertThat(data.update(context, "DELETE FROM ${contacts}")).isEqualTo(3);
    assertThat(data.update(context, "DELETE FROM ${contacts}")).as("the default").isEqualTo(1);
    assertThat(data.statements())
        .extracting(RecordingData.Statement::sql)
        .first()
        .isEqualTo("SELECT id FROM ${contacts} WHERE id = ?");
    assertThat(data.statements().get(0).parameters()).containsExactly(1);
  }
}
