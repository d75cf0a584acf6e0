package io.plexica.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergePatchTest {
  private static final Set<String> PATCHABLE =
      Set.of("name", "description", "roles", "enabled", "settings");

  /** What a request record reads out of a patch: each member as "absent means unchanged". */
  record Read(
      Optional<String> name,
      Optional<Optional<String>> description,
      Optional<List<String>> roles,
      Optional<Boolean> enabled,
      Optional<JsonObject> settings) {}

  private static Read read(String json) {
    JsonObject body = Json.createReader(new StringReader(json)).readObject();
    return MergePatch.read(
        body,
        PATCHABLE,
        patch ->
            new Read(
                patch.text("name", MergePatchTest::name),
                patch.clearableText("description", String::strip),
                patch.strings("roles", "role names"),
                patch.bool("enabled"),
                patch.object("settings")));
  }

  private static String name(String raw) {
    if (raw.isBlank()) {
      throw ProblemException.invalid("name", "must not be blank");
    }
    return raw.strip();
  }

  private static List<FieldError> errorsOf(String json) {
    return catchThrowableOfType(ProblemException.class, () -> read(json)).fieldErrors();
  }

  @Test
  void absentMembersStayUnchangedAndNullClearsOnlyWhatMayBeCleared() {
    assertThat(read("{}"))
        .isEqualTo(
            new Read(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    Read cleared = read("{\"description\":null}");
    assertThat(cleared.description()).contains(Optional.empty());
    assertThat(errorsOf("{\"name\":null}"))
        .containsExactly(new FieldError("name", "cannot be cleared"));
  }

  @Test
  void eachMemberIsReadThroughItsRule() {
    Read read =
        read(
            "{\"name\":\" Ops \",\"description\":\" nightly \",\"roles\":[\"user\"],"
                + "\"enabled\":false,\"settings\":{\"color\":\"teal\"}}");
    assertThat(read.name()).contains("Ops");
    assertThat(read.description()).contains(Optional.of("nightly"));
    assertThat(read.roles()).contains(List.of("user"));
    assertThat(read.enabled()).contains(false);
    assertThat(read.settings().orElseThrow().getString("color")).isEqualTo("teal");
  }

  @Test
  void everyMemberInErrorIsNamedAtOnce() {
    assertThat(
            errorsOf(
                "{\"id\":1,\"name\":\"  \",\"description\":7,\"roles\":[\"user\",3],"
                    + "\"enabled\":\"yes\",\"settings\":[]}"))
        .containsExactlyInAnyOrder(
            new FieldError(
                "id", "cannot be changed; only description, enabled, name, roles, settings can"),
            new FieldError("name", "must not be blank"),
            new FieldError("description", "must be a string or null"),
            new FieldError("roles", "must be a list of role names"),
            new FieldError("enabled", "must be true or false"),
            new FieldError("settings", "must be a JSON object"));
  }

  @Test
  void noBodyIsRefusedBeforeAnyMemberIsRead() {
    ProblemException refused =
        catchThrowableOfType(
            ProblemException.class,
            () ->
                MergePatch.read(
                    null,
                    PATCHABLE,
                    patch -> {
                      throw new AssertionError("read without a body");
                    }));
    assertThat(refused.fieldErrors())
        .containsExactly(new FieldError("body", "a JSON object is required"));
  }
}
