package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.plugins.app.CallContexts;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.sdk.CallContext;
import io.plexica.shared.problem.ProblemException;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A context counts only as the very object the platform issued to that plugin, while its call runs:
 * equal values (a forgery or a copy), another plugin, or a finished call are refused.
 */
class CallContextsTest {
  private final CallContexts contexts = new CallContexts();

  private static CallContext context(UUID tenant) {
    return new CallContext(
        tenant,
        "acme",
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Optional.empty(),
        JsonValue.EMPTY_JSON_OBJECT);
  }

  private static void assertRefused(Runnable use, String pluginId) {
    assertThatThrownBy(use::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(PluginProblems.CONTEXT_REFUSED);
              assertThat(e.getMessage()).contains("'" + pluginId + "'");
            });
  }

  @Test
  void onlyTheIssuedObjectCountsForItsPluginWhileItsCallRuns() {
    UUID tenant = UUID.randomUUID();
    CallContext issued = context(tenant);
    CallContexts.Withdrawal call = contexts.issue("crm", issued);

    assertThat(contexts.require("crm", issued)).isSameAs(issued);
    CallContext copy = context(tenant);
    assertThat(copy).as("a copy has equal values").isEqualTo(issued);
    assertRefused(() -> contexts.require("crm", copy), "crm");
    assertRefused(() -> contexts.require("crm", context(UUID.randomUUID())), "crm");
    assertRefused(() -> contexts.require("notes", issued), "notes");
    assertRefused(() -> contexts.require("crm", null), "crm");

    call.close();
    assertRefused(() -> contexts.require("crm", issued), "crm");
    assertThat(contexts.inUse()).isZero();
  }
}
