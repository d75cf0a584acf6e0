package io.plexica.webapp.app;

import java.net.URI;

/** Maven settings that make a Plexica's SDK repository ({@code /sdk/maven/}) known to Maven. */
public final class SdkSettings {
  private SdkSettings() {}

  /**
   * The settings for the Plexica at {@code base} ({@code https://plexica.example.com}): its
   * repository under the id {@code archetype}, where the archetype plugin looks, and {@code
   * plexica}, the id the generated projects use.
   */
  public static String forPlatform(String base) {
    URI uri = URI.create(base);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Not an http(s) address: " + base);
    }
    String repository = xml(base.replaceAll("/+$", "") + "/sdk/maven/");
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Maven settings for Plexica plugins: mvn -s this-file archetype:generate \\
               -DarchetypeGroupId=io.plexica -DarchetypeArtifactId=plexica-plugin-archetype ...
             The generated project names the repository itself; later builds need no settings. -->
        <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.2.0 https://maven.apache.org/xsd/settings-1.2.0.xsd">
          <profiles>
            <profile>
              <id>plexica</id>
              <repositories>
                <repository>
                  <id>archetype</id>
                  <url>%1$s</url>
                  <snapshots><enabled>false</enabled></snapshots>
                </repository>
                <repository>
                  <id>plexica</id>
                  <url>%1$s</url>
                  <snapshots><enabled>false</enabled></snapshots>
                </repository>
              </repositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>plexica</activeProfile>
          </activeProfiles>
        </settings>
        """
        .formatted(repository);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
