package io.plexica.plugincheck;

import io.plexica.plugincheck.BundleRefusal.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Whether a bundle is signed (jarsigner, or bnd's signing) by one of a vendor's certificates and
 * unchanged since: every entry signed by the same trusted certificate, each entry's content equal
 * to the digest its signature covers, nothing added or taken away. A bundle changed by one byte is
 * refused.
 */
public final class BundleSignature {
  private BundleSignature() {}

  /**
   * The trusted certificate that signed every entry of the bundle; a refusal otherwise. The jar is
   * read by its central directory, as the framework that loads it reads it.
   */
  public static X509Certificate signer(byte[] bundle, Collection<X509Certificate> trusted) {
    Path file = null;
    try {
      file = Files.createTempFile("plexica-bundle", ".jar");
      Files.write(file, bundle);
      try (JarFile jar = new JarFile(file.toFile(), true)) {
        return signer(jar, bundle.length, trusted);
      }
    } catch (SecurityException e) {
      throw refused("an entry does not match its signature (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw refused("it is not a readable jar: " + e.getMessage());
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          file.toFile().deleteOnExit();
        }
      }
    }
  }

  private static X509Certificate signer(JarFile jar, long size, Collection<X509Certificate> trusted)
      throws IOException {
    Manifest manifest = jar.getManifest();
    if (manifest == null) {
      throw refused("it has no jar manifest, so no signature");
    }
    long limit = BundleEntries.ratioLimit(size);
    long total = 0;
    X509Certificate signer = null;
    Set<String> present = new HashSet<>();
    byte[] buffer = new byte[8192];
    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
      // Reading an entry to its end checks its content against the signed digest.
      try (InputStream in = jar.getInputStream(entry)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > limit) {
            throw refused("it inflates to over " + BundleEntries.MAX_RATIO + " times its size");
          }
        }
      }
      String name = entry.getName();
      if (entry.isDirectory()
          || isSignatureFile(name)
          || name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
        continue;
      }
      present.add(name);
      X509Certificate entrySigner = trustedSigner(entry.getCodeSigners(), trusted);
      if (entrySigner == null) {
        throw refused(
            entry.getCodeSigners() == null
                ? name + " is not signed"
                : name + " is not signed by a key registered for its vendor");
      }
      if (signer != null && !signer.equals(entrySigner)) {
        throw refused(name + " is signed by another key than the rest");
      }
      signer = entrySigner;
    }
    for (String signed : manifest.getEntries().keySet()) {
      if (!signed.endsWith("/") && !present.contains(signed)) {
        throw refused(signed + " was signed but is missing");
      }
    }
    if (signer == null) {
      throw refused("it has no signed entry");
    }
    return signer;
  }

  private static X509Certificate trustedSigner(
      CodeSigner[] signers, Collection<X509Certificate> trusted) {
    if (signers == null) {
      return null;
    }
    for (CodeSigner signer : signers) {
      Certificate first = signer.getSignerCertPath().getCertificates().get(0);
      if (first instanceof X509Certificate certificate && trusted.contains(certificate)) {
        return certificate;
      }
    }
    return null;
  }

  /** The files a signature is made of: META-INF/*.SF, *.RSA, *.DSA, *.EC and SIG-*. */
  private static boolean isSignatureFile(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    String file = upper.substring("META-INF/".length());
    return file.endsWith(".SF")
        || file.endsWith(".RSA")
        || file.endsWith(".DSA")
        || file.endsWith(".EC")
        || file.startsWith("SIG-");
  }

  private static BundleRefusal refused(String why) {
    return new BundleRefusal(Kind.SIGNATURE, "The bundle's signature was refused: " + why + ".");
  }
}
