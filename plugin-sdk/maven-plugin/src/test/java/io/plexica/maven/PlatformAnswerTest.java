package io.plexica.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The platform's answers to a deploy, as the build reports them. */
class PlatformAnswerTest {

  @Test
  void aProblemIsReadAsItsTypeAndDetail() {
    PlatformClient.Answer answer =
        PlatformClient.Answer.of(
            409,
            "{\"type\":\"https://plexica.io/problems/plugin-version-exists\","
                + "\"title\":\"This version of the plugin is deployed\","
                + "\"detail\":\"Plugin 'tasks' 1.0.0 is already deployed.\"}");

    assertThat(answer.deployed()).isFalse();
    assertThat(answer.type()).isEqualTo("plugin-version-exists");
    assertThat(answer)
        .hasToString("409 plugin-version-exists: Plugin 'tasks' 1.0.0 is already deployed.");
  }

  @Test
  void anAnswerThatIsNoProblemKeepsItsBody() {
    assertThat(PlatformClient.Answer.of(502, "<html>Bad gateway</html>"))
        .hasToString("502: <html>Bad gateway</html>");
    assertThat(PlatformClient.Answer.of(201, "{\"id\":\"tasks\"}").deployed()).isTrue();
  }

  @Test
  void onlyAnHttpAddressIsTaken() {
    assertThat(new PlatformClient("https://plexica.example.com/", "t").address())
        .hasToString("https://plexica.example.com/api/v1/admin/plugins");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new PlatformClient("plexica.example.com", "t"))
        .hasMessageContaining("no http(s) address");
  }
}
