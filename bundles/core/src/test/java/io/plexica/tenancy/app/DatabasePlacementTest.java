package io.plexica.tenancy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.ProblemException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabasePlacementTest {
  private final DatabasePlacement placement =
      new DatabasePlacement(List.of("main", "eu-2"), "main");

  @Test
  void aTenantGoesWhereItAsksOrToTheDefault() {
    assertThat(placement.place(Optional.of("eu-2"))).isEqualTo("eu-2");
    assertThat(placement.place(Optional.empty())).isEqualTo("main");
    assertThat(placement.clusters()).containsExactly("main", "eu-2");
  }

  @Test
  void aClusterThatIsNotConfiguredIsRefusedNamingTheOnesThatAre() {
    assertThatThrownBy(() -> placement.place(Optional.of("us-1")))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("databaseCluster")
        .hasMessageContaining("main, eu-2");
  }

  @Test
  void aDefaultThatIsNotConfiguredStopsTheStart() {
    assertThatThrownBy(() -> new DatabasePlacement(List.of("main"), "eu-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plexica.tenancy.database-cluster");
  }

  @Test
  void clusterIdsAreShortLowerCaseNames() {
    assertThat(SchemaAddress.isClusterId("eu-2")).isTrue();
    assertThat(SchemaAddress.isClusterId("EU")).isFalse();
    assertThat(SchemaAddress.isClusterId("2eu")).isFalse();
    assertThat(SchemaAddress.isClusterId("a".repeat(31))).isFalse();
    assertThat(SchemaAddress.isClusterId(null)).isFalse();
    assertThatThrownBy(() -> new SchemaAddress("x y", "tenant_a"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
