package io.plexica.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.sdk.route.RouteResponse;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the SDK's own types promise vendors, checked without the platform. */
class SdkContractTest {

  private static CallContext context(Optional<String> workspaceRole, Set<String> permissions) {
    return new CallContext(
        UUID.randomUUID(),
        "acme",
        Optional.of(UUID.randomUUID()),
        Optional.of("ann"),
        permissions,
        Optional.of(UUID.randomUUID()),
        JsonValue.EMPTY_JSON_OBJECT,
        workspaceRole);
  }

  @Test
  void aWorkspaceRoleIncludesTheOnesBeforeIt() {
    CallContext member = context(Optional.of("MEMBER"), Set.of());
    assertThat(member.hasWorkspaceRole("VIEWER")).isTrue();
    assertThat(member.hasWorkspaceRole("MEMBER")).isTrue();
    assertThat(member.hasWorkspaceRole("ADMIN")).isFalse();
    assertThat(member.hasWorkspaceRole("OWNER")).as("no such role").isFalse();
    assertThat(context(Optional.empty(), Set.of()).hasWorkspaceRole("VIEWER"))
        .as("a call without a workspace role")
        .isFalse();
  }

  @Test
  void aContextsPermissionsCannotBeChangedAfterItIsMade() {
    Set<String> granted = new HashSet<>(Set.of("crm:contacts:read"));
    CallContext context = context(Optional.empty(), granted);
    granted.add("crm:contacts:write");
    assertThat(context.can("crm:contacts:read")).isTrue();
    assertThat(context.can("crm:contacts:write")).isFalse();
    assertThatThrownBy(() -> context.permissions().add("x")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void routesAnswerSuccessAndProblemsCarryErrors() {
    assertThat(RouteResponse.ok(JsonValue.TRUE).status()).isEqualTo(200);
    assertThat(RouteResponse.created("/contacts/1", JsonValue.TRUE).location())
        .contains("/contacts/1");
    assertThat(RouteResponse.noContent().body()).isEmpty();
    assertThatThrownBy(() -> new RouteResponse(404, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("throw PluginProblem");

    PluginProblem missing = PluginProblem.notFound("contact-not-found", "No contact 7.");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.type()).isEqualTo("contact-not-found");
    assertThat(PluginProblem.invalid("bad-name", "x").status()).isEqualTo(400);
    assertThat(PluginProblem.conflict("taken", "x").status()).isEqualTo(409);
    assertThatThrownBy(() -> new PluginProblem(200, "fine", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PluginProblem(400, "Not A Slug", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
