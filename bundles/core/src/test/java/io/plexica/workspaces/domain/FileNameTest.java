package io.plexica.workspaces.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class FileNameTest {
  @Test
  void aNameIsKeptAsShownWithoutItsSurroundingSpaces() {
    assertThat(new FileName("  Q3 plan (final).pdf ").value()).isEqualTo("Q3 plan (final).pdf");
    assertThat(new FileName("x".repeat(FileName.MAX_LENGTH)).value()).hasSize(255);
  }

  @Test
  void whatWouldMakeItAPathOrBreakAHeaderIsRefused() {
    for (String name :
        new String[] {"../etc/passwd", "a\\b", "line\nbreak", "bell\u0007", "del\u007f"}) {
      assertRefused(name, "must not contain slashes, backslashes or control characters");
    }
    assertRefused(null, "is required: the file's name, in ?name=");
    assertRefused("   ", "is required: the file's name, in ?name=");
    assertRefused("x".repeat(256), "must be at most 255 characters");
  }

  private static void assertRefused(String name, String message) {
    assertThatThrownBy(() -> new FileName(name))
        .as(String.valueOf(name))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.fieldErrors()).containsExactly(new FieldError("name", message)));
  }
}
