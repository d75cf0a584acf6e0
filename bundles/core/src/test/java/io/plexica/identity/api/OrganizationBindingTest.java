package io.plexica.identity.api;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.domain.IdentityProblems;
import io.plexica.identity.domain.VerifiedToken;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.TenantRef;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token of a realm shared by several tenants binds to a tenant through the one organization it
 * speaks for: its tenant attribute names the incarnation, its id must be the tenant's organization.
 */
class OrganizationBindingTest {
  private static final String SHARD = "plexica_shard_1";
  private final UUID acmeId = UUID.randomUUID();
  private final UUID globexId = UUID.randomUUID();
  private final TenantRef acme =
      new TenantRef(
          acmeId,
          "acme",
          SchemaAddress.main("tenant_acme"),
          new IdentityHome(IdentityHome.Kind.ORGANIZATION, SHARD, "org-acme"));

  @Test
  void theOneOrganizationOfATokenNamesItsTenantAndBindsIt() {
    VerifiedToken token = token(organizations().add("acme", organization("org-acme", acmeId)));

    assertThat(token.tenantId()).contains(acmeId);
    TenantContextFilter.requireOrganization(acme, token);
  }

  @Test
  void aTokenWithoutTheOrganizationClaimNamesNoTenantAndIsRefusedByOne() {
    VerifiedToken token = token(null);

    assertThat(token.tenantId()).isEmpty();
    assertProblem(
        () -> TenantContextFilter.requireOrganization(acme, token),
        IdentityProblems.INVALID_TOKEN,
        "organization 'acme'");
  }

  @Test
  void aTokenForSeveralOrganizationsNamesNoTenant() {
    VerifiedToken token =
        token(
            organizations()
                .add("acme", organization("org-acme", acmeId))
                .add("globex", organization("org-globex", globexId)));

    assertThat(token.tenantId()).isEmpty();
    assertProblem(
        () -> TenantContextFilter.requireOrganization(acme, token), IdentityProblems.INVALID_TOKEN);
  }

  @Test
  void anotherOrganizationOrAnEarlierIncarnationOfThisOneIsRefused() {
    VerifiedToken globex = token(organizations().add("globex", organization("org-globex", acmeId)));
    VerifiedToken recreated =
        token(organizations().add("acme", organization("org-acme-before", acmeId)));

    assertProblem(
        () -> TenantContextFilter.requireOrganization(acme, globex),
        IdentityProblems.INVALID_TOKEN);
    assertProblem(
        () -> TenantContextFilter.requireOrganization(acme, recreated),
        IdentityProblems.INVALID_TOKEN);
  }

  @Test
  void anOrganizationClaimInAnotherShapeNamesNothing() {
    JsonObject claims =
        Json.createObjectBuilder()
            .add("sub", "someone")
            .add(VerifiedToken.ORGANIZATION_CLAIM, Json.createArrayBuilder().add("acme"))
            .build();
    VerifiedToken token = new VerifiedToken(SHARD, claims);

    assertThat(token.organizations()).isEmpty();
    assertThat(token.tenantId()).isEmpty();
  }

  @Test
  void theTenantIdClaimOfARealmOfItsOwnComesFirstAndRealmsOfTheirOwnNeedNoOrganization() {
    TenantRef own =
        new TenantRef(
            acmeId, "acme", SchemaAddress.main("tenant_acme"), IdentityHome.ownRealm("acme"));
    VerifiedToken token =
        new VerifiedToken(
            "acme",
            Json.createObjectBuilder()
                .add("sub", "someone")
                .add(VerifiedToken.TENANT_ID_CLAIM, acmeId.toString())
                .add(
                    VerifiedToken.ORGANIZATION_CLAIM,
                    organizations().add("globex", organization("org-globex", globexId)))
                .build());

    assertThat(token.tenantId()).isEqualTo(Optional.of(acmeId));
    TenantContextFilter.requireOrganization(own, token);
  }

  @Test
  void aServiceAccountIsBoundByItsClientNotByAnOrganization() {
    VerifiedToken token =
        new VerifiedToken(
            SHARD,
            Json.createObjectBuilder()
                .add("sub", "service-account-reports")
                .add(VerifiedToken.TENANT_ID_CLAIM, acmeId.toString())
                .add(VerifiedToken.SERVICE_ACCOUNT_CLAIM, true)
                .build());

    assertThat(token.tenantId()).contains(acmeId);
    TenantContextFilter.requireOrganization(acme, token);
  }

  private static JsonObjectBuilder organizations() {
    return Json.createObjectBuilder();
  }

  private static JsonObjectBuilder organization(String id, UUID tenant) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add(
            VerifiedToken.ORGANIZATION_TENANT_ATTRIBUTE,
            Json.createArrayBuilder().add(tenant.toString()));
  }

  private static VerifiedToken token(JsonObjectBuilder organizations) {
    JsonObjectBuilder claims = Json.createObjectBuilder().add("sub", "someone");
    if (organizations != null) {
      claims.add(VerifiedToken.ORGANIZATION_CLAIM, organizations);
    }
    return new VerifiedToken(SHARD, claims.build());
  }
}
