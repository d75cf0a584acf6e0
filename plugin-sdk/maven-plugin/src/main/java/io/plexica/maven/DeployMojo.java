package io.plexica.maven;

import io.plexica.plugincheck.CheckedPlugin;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/**
 * Deploys the plugin's bundle to a running Plexica ({@code POST /api/v1/admin/plugins}), after the
 * same offline checks as {@code plexica:validate}. The token of a platform administrator comes from
 * {@code -Dplexica.token}, the environment variable {@code PLEXICA_TOKEN}, or the password of the
 * server {@code plexica} in Maven's settings.xml, in that order; it is never written to the log.
 */
@Mojo(name = "deploy", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class DeployMojo extends BundleMojo {

  /** The platform's address, as its users open it: {@code https://plexica.example.com}. */
  @Parameter(property = "plexica.url", required = true)
  protected String url;

  @Parameter(property = "plexica.token")
  private String token;

  /** The server of settings.xml whose password is the token. */
  @Parameter(property = "plexica.serverId", defaultValue = "plexica")
  private String serverId;

  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    byte[] jar = readBundle();
    CheckedPlugin plugin = checked(jar);
    PlatformClient.Answer answer = deploy(client(), jar);
    if (!answer.deployed()) {
      throw new MojoFailureException(refusal(plugin, answer));
    }
    getLog().info("Deployed " + plugin.id() + " " + plugin.version() + " to " + url + ".");
  }

  protected PlatformClient.Answer deploy(PlatformClient client, byte[] jar)
      throws MojoExecutionException {
    return send(client, () -> client.deploy(jar));
  }

  /** One request of the client. */
  interface Request {
    PlatformClient.Answer send() throws IOException, InterruptedException;
  }

  protected static PlatformClient.Answer send(PlatformClient client, Request request)
      throws MojoExecutionException {
    try {
      return request.send();
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot reach " + client.address() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while deploying", e);
    }
  }

  protected PlatformClient client() throws MojoFailureException {
    try {
      return new PlatformClient(url, token());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  /** The platform's refusal in words, with what to do where the build knows it. */
  static String refusal(CheckedPlugin plugin, PlatformClient.Answer answer) {
    String hint = "";
    if (answer.type().equals("plugin-version-exists")
        || answer.type().equals("plugin-version-older")) {
      hint = " Raise the version in pom.xml and plugin.json to deploy a change.";
    } else if (answer.status() == 401 || answer.status() == 403) {
      hint = " The token must be a platform administrator's, and not expired.";
    }
    return "The platform refused " + plugin.id() + " " + plugin.version() + ": " + answer + hint;
  }

  private String token() throws MojoFailureException {
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    String fromEnvironment = System.getenv("PLEXICA_TOKEN");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server != null && server.getPassword() != null && !server.getPassword().isBlank()) {
      return server.getPassword().strip();
    }
    throw new MojoFailureException(
        "No token to deploy with: pass -Dplexica.token=..., set PLEXICA_TOKEN, or put it as the"
            + " <password> of <server><id>"
            + serverId
            + "</id></server> in ~/.m2/settings.xml.");
  }
}
