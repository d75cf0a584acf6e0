package io.plexica.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantQuery;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of tenant values that need no database. */
class TenantRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "a1b", "acme-corp", "x-1-2-3"})
  void validSlugs(String slug) {
    assertThat(new TenantSlug(slug).value()).isEqualTo(slug);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ab",
        "Acme",
        "1acme",
        "acme-",
        "-acme",
        "ac_me",
        "acme corp",
        "ac.me",
        "é-acme"
      })
  void invalidSlugsNameTheField(String slug) {
    assertThatThrownBy(() -> new TenantSlug(slug))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
              assertThat(e.fieldErrors())
                  .singleElement()
                  .satisfies(f -> assertThat(f.field()).isEqualTo("slug"));
            });
  }

  @Test
  void slugsLongerThan63AreRefused() {
    assertThatThrownBy(() -> new TenantSlug("a" + "b".repeat(63)))
        .isInstanceOf(ProblemException.class);
    assertThat(new TenantSlug("a" + "b".repeat(62)).value()).hasSize(63);
  }

  /** Tenants are also addressed by id: a UUID-shaped slug could name another tenant's id. */
  @ParameterizedTest
  @ValueSource(
      strings = {"a1b2c3d4-0000-4000-8000-00000000000a", "deadbeef-dead-beef-dead-beefdeadbeef"})
  void slugsShapedLikeAnIdAreRefused(String slug) {
    assertThatThrownBy(() -> new TenantSlug(slug)).hasMessageContaining("UUID");
  }

  @Test
  void shortDashedSlugsAreNotReadAsIds() {
    // UUID.fromString would read "a-b-c-d-e" as an id; the resolver must not.
    assertThat(new TenantSlug("a-b-c-d-e").value()).isEqualTo("a-b-c-d-e");
    assertThat(io.plexica.shared.id.CanonicalUuid.parse("a-b-c-d-e")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "api", "master", "plexica", "www"})
  void reservedWordsAreRefused(String slug) {
    assertThatThrownBy(() -> new TenantSlug(slug)).hasMessageContaining("reserved");
  }

  @Test
  void schemaNamesAreShortDistinctIdentifiers() {
    assertThat(new TenantSlug("acme").schemaName()).isEqualTo("tenant_acme");
    assertThat(new TenantSlug("acme-corp").schemaName()).isEqualTo("tenant_acme_corp");
    String longA = "a" + "x".repeat(61) + "1";
    String longB = "a" + "x".repeat(61) + "2";
    assertThat(new TenantSlug(longA).schemaName()).hasSize(63).matches("^[a-z][a-z0-9_]*$");
    assertThat(new TenantSlug(longA).schemaName()).isNotEqualTo(new TenantSlug(longB).schemaName());
  }

  @Test
  void namesAreTrimmedAndBounded() {
    assertThat(new TenantName("  Acme  ").value()).isEqualTo("Acme");
    assertThatThrownBy(() -> new TenantName(" ")).hasMessageContaining("required");
    assertThatThrownBy(() -> new TenantName("x".repeat(201))).hasMessageContaining("200");
    assertThatThrownBy(() -> new TenantName("bad\u0000name")).hasMessageContaining("control");
  }

  @Test
  void statusMachine() {
    assertThat(TenantStatus.PROVISIONING.canBecome(TenantStatus.ACTIVE)).isTrue();
    assertThat(TenantStatus.PROVISIONING.canBecome(TenantStatus.FAILED)).isTrue();
    assertThat(TenantStatus.ACTIVE.canBecome(TenantStatus.SUSPENDED)).isTrue();
    assertThat(TenantStatus.SUSPENDED.canBecome(TenantStatus.ACTIVE)).isTrue();
    assertThat(TenantStatus.FAILED.canBecome(TenantStatus.PROVISIONING)).isTrue();
    assertThat(TenantStatus.DELETED.canBecome(TenantStatus.ACTIVE)).isFalse();
    assertThat(TenantStatus.ACTIVE.canBecome(TenantStatus.PROVISIONING)).isFalse();
    assertThat(TenantStatus.SUSPENDED.canBecome(TenantStatus.SUSPENDED)).isFalse();
  }

  @Test
  void queryDefaultsAndParsing() {
    TenantQuery defaults = TenantQuery.parse(null, null, null, null, null);
    assertThat(defaults.page()).isZero();
    assertThat(defaults.size()).isEqualTo(io.plexica.shared.query.PageRequest.DEFAULT_SIZE);
    assertThat(defaults.sortField()).isEqualTo(TenantQuery.SortField.CREATED_AT);
    assertThat(defaults.descending()).isTrue();
    TenantQuery parsed = TenantQuery.parse(" acme ", "active", "2", "50", "name");
    assertThat(parsed.text()).contains("acme");
    assertThat(parsed.status()).contains(TenantStatus.ACTIVE);
    assertThat(parsed.descending()).isFalse();
  }

  @Test
  void badQueryParametersAreAllReported() {
    assertThatThrownBy(() -> TenantQuery.parse(null, "sleeping", "-1", "1000", "password"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(f -> f.field())
                    .containsExactly("status", "page", "size", "sort"));
    assertThatThrownBy(() -> TenantQuery.parse(null, null, "abc", null, null))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void settingsThePlatformReadsMustMeanSomething() {
    assertThat(settingsErrors("{\"timeZone\":\"Mars/Olympus\",\"locale\":\"Klingon!\"}"))
        .containsExactlyInAnyOrder("settings.timeZone", "settings.locale");
    assertThat(settingsErrors("{\"timeZone\":42}")).containsExactly("settings.timeZone");
    assertThat(settingsErrors("{\"timeZone\":\"Europe/Paris\",\"locale\":\"fr-CA\"}")).isEmpty();
    assertThat(settingsErrors("{\"timeZone\":null,\"theme\":\"anything\"}")).isEmpty();
  }

  private static java.util.List<String> settingsErrors(String json) {
    io.plexica.shared.problem.Validation validation = new io.plexica.shared.problem.Validation();
    io.plexica.tenancy.domain.TenantSettingsRules.check(
        jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject(), validation);
    try {
      validation.throwIfInvalid();
      return java.util.List.of();
    } catch (ProblemException e) {
      return e.fieldErrors().stream().map(f -> f.field()).toList();
    }
  }
}
