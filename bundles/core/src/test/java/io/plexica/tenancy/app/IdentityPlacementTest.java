package io.plexica.tenancy.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenantSlug;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new tenant goes where it asks, else where the policy says; shared realms fill in order. */
class IdentityPlacementTest {
  private final Map<String, Long> sizes = new HashMap<>();
  private final TenantSlug acme = new TenantSlug("acme");

  @Test
  void theAskedHomeWinsOverThePolicy() {
    IdentityPlacement placement = new IdentityPlacement(() -> sizes, IdentityHome.Kind.REALM, 2, 1);

    assertThat(placement.place(acme, Optional.empty())).isEqualTo(IdentityHome.ownRealm("acme"));
    assertThat(placement.place(acme, Optional.of(IdentityHome.Kind.ORGANIZATION)))
        .isEqualTo(IdentityHome.organizationIn("plexica_shard_1"));
  }

  @Test
  void sharedRealmsFillUpToTheirCapacityInOrderAndTheFirstWithRoomIsTaken() {
    IdentityPlacement placement =
        new IdentityPlacement(() -> sizes, IdentityHome.Kind.ORGANIZATION, 2, 1);
    sizes.put("plexica_shard_1", 2L);
    sizes.put("plexica_shard_2", 1L);

    assertThat(placement.place(acme, Optional.empty()).realm()).isEqualTo("plexica_shard_2");

    sizes.put("plexica_shard_2", 2L);
    assertThat(placement.place(acme, Optional.empty()).realm()).isEqualTo("plexica_shard_3");

    sizes.put("plexica_shard_1", 1L); // a tenant of the first was purged
    assertThat(placement.place(acme, Optional.empty()).realm()).isEqualTo("plexica_shard_1");
    assertThat(placement.place(acme, Optional.of(IdentityHome.Kind.REALM)).realm())
        .isEqualTo("acme");
  }
}
