package io.plexica.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A vendor outside this repository: the SDK, its test kit and the plugin parent come from the Maven
 * repository the platform serves at {@code /sdk/maven/}; a plugin built by Maven from {@code
 * src/test/vendor/hello} (its pom names that repository and the parent, nothing else of Plexica)
 * passes its own test, deploys and answers in a tenant.
 */
class VendorBuildIT {
  private static final String REPOSITORY = Platform.BASE_URL + "/sdk/maven/";

  @Test
  void theSdkRepositoryServesReleasesAsMavenReadsThemAndNothingElse() throws Exception {
    String version = releasedSdk();
    String pom =
        repository("io/plexica/plexica-plugin-sdk/%1$s/plexica-plugin-sdk-%1$s.pom", version);
    Response jar =
        given()
            .get(
                REPOSITORY
                    + path(
                        "io/plexica/plexica-plugin-sdk/%1$s/plexica-plugin-sdk-%1$s.jar", version));
    assertThat(jar.statusCode()).isEqualTo(200);
    assertThat(sha1(jar.asByteArray()))
        .isEqualTo(
            repository(
                    "io/plexica/plexica-plugin-sdk/%1$s/plexica-plugin-sdk-%1$s.jar.sha1", version)
                .strip());
    // Released poms stand alone: no parent only this build knows, every version written.
    assertThat(pom).doesNotContain("<parent>").doesNotContain("${");
    assertThat(
            repository(
                "io/plexica/plexica-plugin-sdk-testkit/%1$s/plexica-plugin-sdk-testkit-%1$s.pom",
                version))
        .doesNotContain("<parent>")
        .doesNotContain("SNAPSHOT");

    Response missing = given().get(REPOSITORY + "io/plexica/no-such/1.0.0/no-such-1.0.0.pom");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.asString()).doesNotContain("<html");
    // Read-only: a write to a released file is refused and changes nothing.
    String released =
        path("io/plexica/plexica-plugin-sdk/%1$s/plexica-plugin-sdk-%1$s.pom", version);
    for (String method : List.of("PUT", "DELETE", "POST")) {
      Response refused = given().body("x").request(method, REPOSITORY + released);
      assertThat(refused.statusCode()).as(method).isEqualTo(405);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.<String>path("type")).endsWith("/method-not-allowed");
    }
    assertThat(repository(released)).isEqualTo(pom);
  }

  @Test
  void aPluginBuiltFromTheServedRepositoryAloneDeploysAndAnswers() throws Exception {
    Path project = Files.createTempDirectory("vendor-hello");
    copy(Path.of("src/test/vendor/hello"), project);
    Path pom = project.resolve("pom.xml");
    Files.writeString(
        pom,
        Files.readString(pom)
            .replace("@SDK_VERSION@", releasedSdk())
            .replace("@PLEXICA_URL@", Platform.BASE_URL));
    // A plugin id of this run's own: the registry outlives a run on the dev database.
    String id = "vendor-hello-" + Platform.uniqueSlug("x").substring(2);
    for (String file :
        List.of(
            "src/main/resources/META-INF/plexica/plugin.json",
            "src/main/java/com/example/hello/Greeting.java")) {
      Path source = project.resolve(file);
      Files.writeString(source, Files.readString(source).replace("vendor-hello", id));
    }

    String output =
        maven(project, "package", "-Dmaven.repo.local=" + withoutPlexica(project.resolve("m2")));
    assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0");
    for (String artifact :
        List.of("plexica-plugin-parent", "plexica-plugin-sdk", "plexica-plugin-sdk-testkit")) {
      assertThat(output)
          .contains("Downloaded from plexica: " + REPOSITORY + "io/plexica/" + artifact + "/");
    }

    Path jar = project.resolve("target/hello-1.0.0.jar");
    try (JarFile bundle = new JarFile(jar.toFile())) {
      assertThat(bundle.getManifest().getMainAttributes().getValue("Bundle-SymbolicName"))
          .isEqualTo("com.example.hello");
      assertThat(bundle.getManifest().getMainAttributes().getValue("Import-Package"))
          .contains("io.plexica.sdk.route")
          .doesNotContain("org.apache.commons");
      assertThat(bundle.getEntry("org/apache/commons/lang3/StringUtils.class"))
          .as("the library inside the plugin's jar")
          .isNotNull();
    }

    String slug = deployedAndInstalled(jar, id, "vendor");
    assertThat(
            Platform.asTenantAdmin(slug)
                .get("/plugins/" + id + "/greeting")
                .<String>path("message"))
        .isEqualTo("Hej, " + Character.toUpperCase(slug.charAt(0)) + slug.substring(1) + "!");
  }

  @Test
  void aPluginMadeByTheArchetypeBuildsDeploysAndKeepsItsItemsInItsTable() throws Exception {
    Path folder = Files.createTempDirectory("vendor-archetype");
    Path settings = folder.resolve("settings.xml");
    Response served = given().get(Platform.BASE_URL + "/sdk/settings.xml");
    assertThat(served.statusCode()).isEqualTo(200);
    Files.writeString(settings, served.asString());
    String repository = "-Dmaven.repo.local=" + withoutPlexica(folder.resolve("m2"));
    String id = "tasks-" + Platform.uniqueSlug("x").substring(2);

    // The guide's two commands, from an empty folder.
    maven(
        folder,
        "-s",
        settings.toString(),
        repository,
        "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
        "-DarchetypeGroupId=io.plexica",
        "-DarchetypeArtifactId=plexica-plugin-archetype",
        "-DarchetypeVersion=" + releasedSdk(),
        "-DgroupId=com.example",
        "-DartifactId=" + id,
        "-Dpackage=com.example.tasks",
        "-DplexicaUrl=" + Platform.BASE_URL);
    Path project = folder.resolve(id);
    String output = maven(project, repository, "package");
    assertThat(output).contains("Tests run: 2, Failures: 0, Errors: 0");

    String slug = deployedAndInstalled(project.resolve("target/" + id + "-1.0.0.jar"), id, "arch");
    Platform.asTenantAdmin(slug)
        .body("{\"title\":\"First\"}")
        .post("/plugins/" + id + "/items")
        .then()
        .statusCode(201);
    Response items = Platform.asTenantAdmin(slug).get("/plugins/" + id + "/items");
    assertThat(items.<String>path("greeting")).isEqualTo("Hej");
    assertThat(items.<List<String>>path("items.title")).containsExactly("First");
  }

  /**
   * Deploys the jar as a platform administrator, then installs plugin {@code id} with the greeting
   * "Hej" in a new tenant; that tenant's slug.
   */
  private static String deployedAndInstalled(Path jar, String id, String tenantPrefix)
      throws IOException {
    Response deployed =
        Platform.api()
            .contentType("application/java-archive")
            .body(Files.readAllBytes(jar))
            .post("/admin/plugins");
    assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
    String slug = Platform.uniqueSlug(tenantPrefix);
    Platform.createActiveTenant(slug);
    Platform.asTenantAdmin(slug)
        .body("{\"pluginId\":\"" + id + "\",\"config\":{\"greeting\":\"Hej\"}}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    return slug;
  }

  /** Runs Maven in {@code folder}; its output, once it succeeded within 5 minutes. */
  private static String maven(Path folder, String... arguments) throws Exception {
    Path log = Files.createTempFile(folder.getParent(), "maven", ".log");
    List<String> command = new ArrayList<>(List.of(mvn(), "-B"));
    command.addAll(List.of(arguments));
    Process maven =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(maven.waitFor(5, TimeUnit.MINUTES)).as("Maven finished within 5 minutes").isTrue();
    String output = Files.readString(log);
    assertThat(maven.exitValue()).as(output).isZero();
    return output;
  }

  /** The SDK release the platform offers, as a vendor finds it: the parent's metadata. */
  private static String releasedSdk() {
    String metadata = repository("io/plexica/plexica-plugin-parent/maven-metadata.xml");
    Matcher release = Pattern.compile("<release>([^<]+)</release>").matcher(metadata);
    assertThat(release.find()).as(metadata).isTrue();
    return release.group(1);
  }

  private static String repository(String path, Object... arguments) {
    Response response = given().get(REPOSITORY + path(path, arguments));
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.asString();
  }

  private static String path(String path, Object... arguments) {
    return String.format(path, arguments);
  }

  private static String sha1(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
  }

  /**
   * A local repository for the vendor's build that holds everything the machine's holds (linked, so
   * nothing is downloaded twice) but Plexica's own artifacts: those must come from the platform, as
   * on a vendor's machine.
   */
  private static Path withoutPlexica(Path repository) throws IOException {
    Path machine =
        Path.of(
            System.getProperty(
                "plexica.maven.local-repository",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    link(machine, repository, "io");
    link(machine.resolve("io"), repository.resolve("io"), "plexica");
    return repository;
  }

  /** Links every entry of {@code from} into {@code to}, but {@code except}. */
  private static void link(Path from, Path to, String except) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> entries = Files.list(from)) {
      for (Path entry : entries.toList()) {
        if (!entry.getFileName().toString().equals(except)) {
          Files.createSymbolicLink(to.resolve(entry.getFileName().toString()), entry);
        }
      }
    }
  }

  /** The Maven running this build (failsafe passes maven.home), else the one on the PATH. */
  private static String mvn() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
