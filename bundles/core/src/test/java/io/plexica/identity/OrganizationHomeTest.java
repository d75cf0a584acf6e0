package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.app.Realms;
import io.plexica.identity.app.Realms.RealmUser;
import io.plexica.identity.domain.RoleName;
import io.plexica.identity.domain.UserQuery;
import io.plexica.tenancy.app.ProvisioningStep;
import io.plexica.tenancy.domain.EmailAddress;
import io.plexica.tenancy.domain.IdentityHome;
import io.plexica.tenancy.domain.Tenant;
import io.plexica.tenancy.domain.TenantName;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.tenancy.domain.TenantSlug;
import io.plexica.tenancy.domain.TenantStatus;
import io.plexica.testing.TestPlatform;
import io.plexica.testing.UsesServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Provisioning a tenant as an organization of a shared realm against the real Keycloak: the
 * organization with its tenant attribute and first administrator, and on failure an undo that
 * removes the organization and the accounts that were in it alone, never the shared realm nor
 * another tenant's people.
 */
@UsesServices
class OrganizationHomeTest {
  private final Realms realms = TestPlatform.realms();

  @Test
  void anOrganizationTenantGetsItsOrganizationAndItsAdministratorInASharedRealm() {
    TestPlatform platform = TestPlatform.create();
    Tenant tenant = create(platform, TestPlatform.uniqueSlug("org"));

    assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
    IdentityHome home = tenant.identityHome();
    assertThat(home.kind()).isEqualTo(IdentityHome.Kind.ORGANIZATION);
    assertThat(home.realm()).startsWith(IdentityHome.SHARED_REALM_PREFIX);
    assertThat(realms.organizationOfTenant(home.realm(), tenant.id()))
        .contains(home.organization());
    assertThat(realms.members(home.realm(), home.organization()))
        .extracting(member -> member.profile().email())
        .containsExactly(tenant.adminEmail());
    assertThat(
            platform
                .users
                .search(TenantRef.of(tenant), UserQuery.parse(null, null, null, null, null))
                .items())
        .singleElement()
        .satisfies(admin -> assertThat(admin.roles()).containsExactly(RoleName.ADMIN));
  }

  @Test
  void aFailureAfterTheOrganizationWasMadeRemovesItButNotTheSharedRealmNorOtherTenantsPeople() {
    TestPlatform healthy = TestPlatform.create();
    Tenant neighbour = create(healthy, TestPlatform.uniqueSlug("org-next"));
    TestPlatform failing = TestPlatform.withSteps(OrganizationHomeTest::failingAfterTheRealm);
    String slug = TestPlatform.uniqueSlug("org-fail");

    Tenant failed = create(failing, slug);

    assertThat(failed.status()).isEqualTo(TenantStatus.FAILED);
    String realm = failed.identityHome().realm();
    assertThat(realms.organizationOfTenant(realm, failed.id()))
        .as("organization left behind")
        .isEmpty();
    assertThat(realms.userIdByEmail(realm, failed.adminEmail()))
        .as("its administrator's account, in no other organization")
        .isEmpty();
    assertThat(failed.identityHome().organization()).isNull();
    assertThat(realms.exists(realm)).isTrue();
    if (realm.equals(neighbour.identityHome().realm())) {
      assertThat(realms.members(realm, neighbour.identityHome().organization()))
          .extracting(RealmUser::id)
          .hasSize(1);
    }

    Tenant retried = healthy.tenantService.retry(slug);
    assertThat(healthy.tenantService.get(retried.slug()).status()).isEqualTo(TenantStatus.ACTIVE);
  }

  private static Tenant create(TestPlatform platform, String slug) {
    platform.tenantService.create(
        new TenantSlug(slug),
        new TenantName("Tenant " + slug),
        new EmailAddress("admin@" + slug + ".example"),
        null,
        Optional.of(IdentityHome.Kind.ORGANIZATION),
        Optional.empty());
    return platform.tenantService.get(slug);
  }

  /** The steps, and one more right after the realm step that always fails. */
  private static List<ProvisioningStep> failingAfterTheRealm(List<ProvisioningStep> steps) {
    List<ProvisioningStep> withFailure = new ArrayList<>(steps);
    withFailure.add(
        new ProvisioningStep() {
          @Override
          public String name() {
            return "fails-after-realm";
          }

          @Override
          public int order() {
            return 450;
          }

          @Override
          public void execute(TenantRef tenant) {
            throw new IllegalStateException("injected failure");
          }

          @Override
          public void compensate(TenantRef tenant) {
            // nothing was done
          }
        });
    return withFailure;
  }
}
