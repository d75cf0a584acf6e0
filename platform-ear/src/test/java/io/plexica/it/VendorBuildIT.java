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
 * passes its own test, deploys and answers in a tenant; one importing commons-lang3 and
 * jackson-databind answers once those are library bundles of the platform.
 */
class VendorBuildIT {
  private static final String REPOSITORY = Platform.BASE_URL + "/sdk/maven/";
  private static final String HEJ = "{\"greeting\":\"Hej\"}";

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
    String id = "vendor-hello-" + Platform.uniqueSlug("x").substring(2);
    Path project = vendorProject("hello", id, "src/main/java/com/example/hello/Greeting.java");

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

    String slug = deployedAndInstalled(jar, id, "vendor", HEJ);
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
    assertThat(output)
        .contains("Tests run: 2, Failures: 0, Errors: 0")
        .contains(
            "Plugin "
                + id
                + " 1.0.0 passes the checks a Plexica makes before it deploys a bundle.");

    // Deployed with the Maven plugin, the token from settings.xml as the guide says.
    Path withToken = folder.resolve("settings-with-token.xml");
    Files.writeString(
        withToken,
        "<settings><servers><server><id>plexica</id><password>"
            + Platform.superAdminToken()
            + "</password></server></servers></settings>");
    String deployed = maven(project, "-s", withToken.toString(), repository, "plexica:deploy");
    assertThat(deployed)
        .contains("Deployed " + id + " 1.0.0 to " + Platform.BASE_URL)
        .doesNotContain(Platform.superAdminToken());
    // The platform's refusal fails the build in its words, with what to do.
    assertThat(mavenFailing(project, "-s", withToken.toString(), repository, "plexica:deploy"))
        .contains("plugin-version-exists")
        .contains("Raise the version in pom.xml and plugin.json");

    String slug = installed(id, "arch", HEJ);
    Platform.asTenantAdmin(slug)
        .body("{\"title\":\"First\"}")
        .post("/plugins/" + id + "/items")
        .then()
        .statusCode(201);
    Response items = Platform.asTenantAdmin(slug).get("/plugins/" + id + "/items");
    assertThat(items.<String>path("greeting")).isEqualTo("Hej");
    assertThat(items.<List<String>>path("items.title")).containsExactly("First");

    // The development loop: plexica:watch builds every change of the sources in its JVM and sends
    // it; the platform (bin/plexica's allow it) runs it in place of 1.0.0 for the tenant that
    // installed it.
    Path watchLog = folder.resolve("watch.log");
    Process watch =
        new ProcessBuilder(
                mvn(),
                "-B",
                "-s",
                withToken.toString(),
                repository,
                "plexica:watch",
                "-Dplexica.watch.builds=2")
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(watchLog.toFile())
            .start();
    try {
      String live = "Live: " + id + " 1.0.0";
      awaitTrue(() -> Files.readString(watchLog).contains(live), 120, watchLog);
      Path source = project.resolve("src/main/java/com/example/tasks/Items.java");
      Files.writeString(
          source,
          Files.readString(source)
              .replace(".add(\"items\", items)", ".add(\"items\", items).add(\"edited\", true)"));
      long edited = System.nanoTime();
      awaitTrue(
          () ->
              Boolean.TRUE.equals(
                  Platform.asTenantAdmin(slug).get("/plugins/" + id + "/items").path("edited")),
          30,
          watchLog);
      System.out.printf(
          "plexica:watch: saved edit -> the tenant's route answers the new code in %d ms%n",
          (System.nanoTime() - edited) / 1_000_000);
      assertThat(watch.waitFor(60, TimeUnit.SECONDS)).as("the watch stops after 2 builds").isTrue();
      assertThat(Files.readString(watchLog).split(live, -1)).hasSize(3);
      assertThat(
              Platform.asTenantAdmin(slug)
                  .get("/plugins/" + id + "/items")
                  .<List<String>>path("items.title"))
          .as("the tenant's installation and rows stay")
          .containsExactly("First");
    } finally {
      watch.destroyForcibly();
    }

    // A plugin.json that the platform would refuse fails the build, before any deploy.
    Path manifest = project.resolve("src/main/resources/META-INF/plexica/plugin.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replaceFirst("\"version\"\\s*:\\s*\"1\\.0\\.0\"", "\"version\": \"1.0.1\""));
    assertThat(mavenFailing(project, repository, "package"))
        .contains("would be refused. plugin-manifest-invalid")
        .contains("names version 1.0.1 but the bundle's Bundle-Version is 1.0.0");
  }

  @Test
  void aPluginImportingCommonsLang3AndJacksonFromLibraryBundlesDeploysAndAnswers()
      throws Exception {
    String id = "vendor-quotes-" + Platform.uniqueSlug("x").substring(2);
    Path project = vendorProject("quotes", id, "src/main/java/com/example/quotes/Quote.java");
    Path repository = withoutPlexica(project.resolve("m2"));
    maven(project, "package", "-Dmaven.repo.local=" + repository);
    byte[] plugin = Files.readAllBytes(project.resolve("target/quotes-1.0.0.jar"));
    try (JarFile bundle = new JarFile(project.resolve("target/quotes-1.0.0.jar").toFile())) {
      assertThat(bundle.getManifest().getMainAttributes().getValue("Import-Package"))
          .contains("org.apache.commons.lang3;version=\"[3.17,4)\"")
          .contains("com.fasterxml.jackson.databind;version=\"[2.18,3)\"");
      assertThat(bundle.getEntry("org/apache/commons/lang3/StringUtils.class"))
          .as("the library stays out of the plugin's jar")
          .isNull();
    }
    // The libraries as the vendor's build downloaded them from Maven Central.
    byte[] lang3 = artifact(repository, "org.apache.commons", "commons-lang3", "3.17.0");
    byte[] annotations =
        artifact(repository, "com.fasterxml.jackson.core", "jackson-annotations", "2.18.1");
    byte[] core = artifact(repository, "com.fasterxml.jackson.core", "jackson-core", "2.18.1");
    byte[] databind =
        artifact(repository, "com.fasterxml.jackson.core", "jackson-databind", "2.18.1");
    String slug = null;
    List<String> removals = new ArrayList<>();
    try {
      // A bundle over the API's 1 MiB for JSON is still read as a bundle (up to 32 MiB).
      Platform.assertProblem(
          deploy("/admin/plugins", new byte[1_500_000]), 400, "plugin-bundle-invalid");
      Response unmet = deploy("/admin/plugins", plugin);
      Platform.assertProblem(unmet, 400, "plugin-bundle-unresolved");
      assertThat(unmet.<String>path("detail"))
          .contains("org.apache.commons.lang3 [3.17.0,4.0.0)")
          .contains("POST /api/v1/admin/plugin-libraries");

      Response needsCore = deploy("/admin/plugin-libraries", databind);
      Platform.assertProblem(needsCore, 400, "library-unresolved");
      assertThat(needsCore.<String>path("detail"))
          .contains("com.fasterxml.jackson.core [2.18.0,3.0.0)");
      for (byte[] library : List.of(lang3, annotations, core, databind)) {
        Response added = deploy("/admin/plugin-libraries", library);
        assertThat(added.statusCode()).as(added.asString()).isEqualTo(201);
        assertThat(added.header("Location")).contains("/admin/plugin-libraries/");
      }

      slug = deployedAndInstalled(project.resolve("target/quotes-1.0.0.jar"), id, "quotes", "{}");
      Response quote = Platform.asTenantAdmin(slug).get("/plugins/" + id + "/quote");
      assertThat(quote.statusCode()).as(quote.asString()).isEqualTo(200);
      assertThat(quote.<String>path("quote"))
          .isEqualTo(
              Character.toUpperCase(slug.charAt(0)) + slug.substring(1) + " ships on Fridays.");
      assertThat(quote.<String>path("jackson")).isEqualTo("2.18.1");

      Response lang3Used =
          Platform.api().get("/admin/plugin-libraries/org.apache.commons.lang3/3.17.0");
      assertThat(lang3Used.<List<String>>path("usedBy.id")).containsExactly(id);
      assertThat(lang3Used.<List<String>>path("usedBy.kind")).containsExactly("PLUGIN");
      assertThat(
              Platform.api()
                  .get("/admin/plugin-libraries/com.fasterxml.jackson.core.jackson-core/2.18.1")
                  .<List<String>>path("usedBy.id"))
          .contains("com.fasterxml.jackson.core.jackson-databind", id);
      Response inUse =
          Platform.api().delete("/admin/plugin-libraries/org.apache.commons.lang3/3.17.0");
      Platform.assertProblem(inUse, 409, "library-in-use");
      assertThat(inUse.<String>path("detail")).contains("plugin " + id + " 1.0.0");
    } finally {
      if (slug != null) {
        Platform.asTenantAdmin(slug).delete("/plugin-installations/" + id).then().statusCode(204);
        Platform.api().delete("/admin/plugins/" + id).then().statusCode(204);
      }
      for (String library :
          List.of(
              "com.fasterxml.jackson.core.jackson-databind/2.18.1",
              "com.fasterxml.jackson.core.jackson-core/2.18.1",
              "com.fasterxml.jackson.core.jackson-annotations/2.18.1",
              "org.apache.commons.lang3/3.17.0")) {
        Response removed = Platform.api().delete("/admin/plugin-libraries/" + library);
        removals.add(library + ": " + removed.statusCode() + " " + removed.asString());
      }
    }
    assertThat(Platform.api().get("/admin/plugin-libraries").<List<String>>path("symbolicName"))
        .as("libraries left after the plugin was removed: %s", removals)
        .doesNotContain("org.apache.commons.lang3", "com.fasterxml.jackson.core.jackson-core");
  }

  private static Response deploy(String path, byte[] jar) {
    return Platform.api().contentType("application/java-archive").body(jar).post(path);
  }

  /** A jar of the vendor's local repository. */
  private static byte[] artifact(Path repository, String group, String artifact, String version)
      throws IOException {
    return Files.readAllBytes(
        repository
            .resolve(group.replace('.', '/'))
            .resolve(artifact)
            .resolve(version)
            .resolve(artifact + "-" + version + ".jar"));
  }

  /**
   * A copy of {@code src/test/vendor/<name>} in an empty folder, its pom pointed at this platform's
   * repository, its plugin id ({@code vendor-<name>}) made {@code id}: the registry outlives a run
   * on the dev database.
   */
  private static Path vendorProject(String name, String id, String route) throws IOException {
    Path project = Files.createTempDirectory("vendor-" + name);
    copy(Path.of("src/test/vendor/" + name), project);
    Path pom = project.resolve("pom.xml");
    Files.writeString(
        pom,
        Files.readString(pom)
            .replace("@SDK_VERSION@", releasedSdk())
            .replace("@PLEXICA_URL@", Platform.BASE_URL));
    for (String file : List.of("src/main/resources/META-INF/plexica/plugin.json", route)) {
      Path source = project.resolve(file);
      Files.writeString(source, Files.readString(source).replace("vendor-" + name, id));
    }
    return project;
  }

  /**
   * Deploys the jar as a platform administrator, then installs plugin {@code id} with that
   * configuration in a new tenant; that tenant's slug.
   */
  private static String deployedAndInstalled(
      Path jar, String id, String tenantPrefix, String config) throws IOException {
    Response deployed = deploy("/admin/plugins", Files.readAllBytes(jar));
    assertThat(deployed.statusCode()).as(deployed.asString()).isEqualTo(201);
    return installed(id, tenantPrefix, config);
  }

  /** Installs plugin {@code id} with that configuration in a new tenant; that tenant's slug. */
  private static String installed(String id, String tenantPrefix, String config) {
    String slug = Platform.uniqueSlug(tenantPrefix);
    Platform.createActiveTenant(slug);
    Platform.asTenantAdmin(slug)
        .body("{\"pluginId\":\"" + id + "\",\"config\":" + config + "}")
        .post("/plugin-installations")
        .then()
        .statusCode(201);
    return slug;
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits until {@code check} holds, at most {@code seconds}; the log says what happened. */
  private static void awaitTrue(Check check, int seconds, Path log) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!check.holds()) {
      assertThat(System.nanoTime() < until)
          .as("within %d s; %s", seconds, Files.readString(log))
          .isTrue();
      Thread.sleep(100);
    }
  }

  /** Runs Maven in {@code folder}; its output, once it succeeded within 5 minutes. */
  private static String maven(Path folder, String... arguments) throws Exception {
    return maven(true, folder, arguments);
  }

  /** Runs Maven in {@code folder}; its output, once it failed within 5 minutes. */
  private static String mavenFailing(Path folder, String... arguments) throws Exception {
    return maven(false, folder, arguments);
  }

  private static String maven(boolean succeeds, Path folder, String... arguments) throws Exception {
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
    assertThat(maven.exitValue() == 0).as(output).isEqualTo(succeeds);
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
