package io.plexica.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.plugins.infra.FelixPluginRuntime;
import io.plexica.plugins.infra.RouteTemplate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path templates of plugin routes. */
class RouteMatchingTest {
  @Test
  void literalSegmentsMustBeEqualAndBracedOnesBindParameters() {
    assertThat(FelixPluginRuntime.match("/contacts/{id}", "/contacts/42"))
        .contains(Map.of("id", "42"));
    assertThat(FelixPluginRuntime.match("/contacts/{id}/notes", "/contacts/42/notes"))
        .contains(Map.of("id", "42"));
    assertThat(FelixPluginRuntime.match("/contacts", "/contacts")).contains(Map.of());
    assertThat(FelixPluginRuntime.match("/contacts/{id}", "/contacts/")).isEmpty();
    assertThat(FelixPluginRuntime.match("/contacts/{id}", "/contacts/1/2")).isEmpty();
    assertThat(FelixPluginRuntime.match("/contacts", "/companies")).isEmpty();
  }

  @Test
  void theTemplateWithMoreLiteralTextIsTheMoreSpecific() {
    assertThat(RouteTemplate.parse("/contacts/export").literalLength())
        .isGreaterThan(RouteTemplate.parse("/contacts/{id}").literalLength());
    assertThat(RouteTemplate.parse("/contacts/{id}/notes").match("/contacts/7/notes"))
        .contains(Map.of("id", "7"));
    assertThat(RouteTemplate.parse("/a/{x}/{y}").match("/a/1/2"))
        .contains(Map.of("x", "1", "y", "2"));
  }
}
