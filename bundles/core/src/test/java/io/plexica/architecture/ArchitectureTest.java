package io.plexica.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.tenancy.context.TenantScoped;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;

/** The house rules of STYLE.md, checked on every build. */
@AnalyzeClasses(packages = "io.plexica", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule featuresHaveNoCycles =
      slices().matching("io.plexica.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule resourcesCallServicesOnly =
      noClasses()
          .that()
          .resideInAPackage("..api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..infra..", "io.plexica.shared.persistence..")
          .because("a resource maps HTTP to a service call and never reaches storage itself");

  @ArchTest
  static final ArchRule resourcesNeverTouchTheEntityManager =
      noClasses()
          .that()
          .areAnnotatedWith(Path.class)
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class);

  @ArchTest
  static final ArchRule jsonIsBuiltThroughTheSharedProvider =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.plexica.sdk.testkit..")
          .should()
          .callMethodWhere(target(owner(equivalentTo(Json.class))))
          .because(
              "each static jakarta.json.Json call looks the provider up again (reading a tenant"
                  + " spent 11 % of its CPU there); use JsonText.PROVIDER");

  @ArchTest
  static final ArchRule resourcesLiveInApiPackages =
      classes().that().areAnnotatedWith(Path.class).should().resideInAPackage("..api..");

  @ArchTest
  static final ArchRule servicesAndDomainDoNotDependOnAdapters =
      noClasses()
          .that()
          .resideInAnyPackage("..app..", "..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..infra..", "..api..", "io.plexica.shared.persistence..")
          .because("services depend on ports; adapters implement them");

  @ArchTest
  static final ArchRule onlyAdaptersUseFlywayOrJdbc =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "..infra..", "io.plexica.shared.persistence..", "io.plexica.health..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.flywaydb..", "java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule clientsOfBackingServicesLiveInAdapters =
      noClasses()
          .that()
          .resideOutsideOfPackages("..infra..", "io.plexica.shared.cache..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "redis.clients..",
              "org.apache.kafka..",
              "software.amazon.awssdk..",
              "org.apache.felix..",
              "org.keycloak..")
          .because(
              "Redis, Kafka, S3, Felix and Keycloak are reached through ports; their clients are"
                  + " adapters (shared.cache is the Redis adapter every feature's cache uses)");

  @ArchTest
  static final ArchRule permissionsAreCheckedInsideTenants =
      methods()
          .that()
          .areAnnotatedWith(RequiresPermission.class)
          .should()
          .beDeclaredInClassesThat()
          .areAnnotatedWith(TenantScoped.class)
          .because("permissions are granted by a tenant's roles, resolved for tenant requests");
}
