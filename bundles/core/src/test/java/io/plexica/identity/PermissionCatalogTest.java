package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.app.PermissionCatalog;
import io.plexica.identity.domain.PermissionInfo;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A plugin's permissions are replaced without a moment where one it keeps is unknown. */
class PermissionCatalogTest {

  private static PermissionInfo permission(String name) {
    return new PermissionInfo(name, "test", "notes");
  }

  @Test
  void replacingAddsNewRemovesDroppedAndKeepsTheRest() {
    PermissionCatalog catalog = new PermissionCatalog();
    catalog.replace("notes", List.of(permission("notes:read"), permission("notes:write")));

    catalog.replace("notes", List.of(permission("notes:read"), permission("notes:share")));

    assertThat(catalog.knows("notes:read")).isTrue();
    assertThat(catalog.knows("notes:share")).isTrue();
    assertThat(catalog.knows("notes:write")).isFalse();
    assertThat(catalog.knows("tenant:read")).as("core permissions stay").isTrue();
  }

  @Test
  void aPermissionThePluginKeepsIsKnownThroughoutAReplacement() throws Exception {
    PermissionCatalog catalog = new PermissionCatalog();
    List<PermissionInfo> declared = List.of(permission("notes:read"), permission("notes:write"));
    catalog.replace("notes", declared);
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger unknown = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                if (!catalog.knows("notes:read")) {
                  unknown.incrementAndGet();
                }
              }
            });
    reader.start();
    for (int i = 0; i < 20_000; i++) {
      catalog.replace("notes", declared);
    }
    done.set(true);
    reader.join();

    assertThat(unknown).hasValue(0);
  }
}
