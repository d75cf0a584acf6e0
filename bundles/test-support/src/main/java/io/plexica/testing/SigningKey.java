package io.plexica.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A vendor's signing key made and used as a vendor does, with the JDK's keytool and jarsigner: a
 * new EC key with a self-signed certificate in a PKCS#12 store, and jars signed with it.
 */
public final class SigningKey {
  private static final String PASSWORD = "vendor-secret";

  private final Path folder;
  private final String alias;
  private final X509Certificate certificate;

  private SigningKey(Path folder, String alias, X509Certificate certificate) {
    this.folder = folder;
    this.alias = alias;
    this.certificate = certificate;
  }

  /** A new key named {@code alias}, its store kept in {@code folder}. */
  public static SigningKey create(Path folder, String alias) {
    Path store = folder.resolve(alias + ".p12");
    jdkTool(
        folder,
        "keytool",
        "-genkeypair",
        "-alias",
        alias,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + alias,
        "-validity",
        "30",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD);
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      return new SigningKey(folder, alias, (X509Certificate) keys.getCertificate(alias));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM, as {@code keytool -exportcert -rfc} prints it. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar signed with this key by jarsigner. */
  public byte[] sign(byte[] jar) {
    try {
      Path unsigned = Files.createTempFile(folder, "unsigned", ".jar");
      Path signed = folder.resolve(unsigned.getFileName() + "-signed.jar");
      Files.write(unsigned, jar);
      jdkTool(
          folder,
          "jarsigner",
          "-keystore",
          folder.resolve(alias + ".p12").toString(),
          "-storepass",
          PASSWORD,
          "-signedjar",
          signed.toString(),
          unsigned.toString(),
          alias);
      return Files.readAllBytes(signed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void jdkTool(Path folder, String tool, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(arguments));
    try {
      Path log = Files.createTempFile(folder, tool, ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(tool + " failed: " + Files.readString(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(tool + " was interrupted", e);
    }
  }
}
