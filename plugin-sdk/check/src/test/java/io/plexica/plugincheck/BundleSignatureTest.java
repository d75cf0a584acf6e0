package io.plexica.plugincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bundles signed with the JDK's jarsigner, as a vendor signs them, and what changes them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleSignatureTest {
  @TempDir static Path folder;
  private X509Certificate vendor;
  private X509Certificate other;
  private byte[] signed;

  @BeforeAll
  void sign() throws Exception {
    vendor = keyPair("vendor");
    other = keyPair("other");
    Path unsigned = Files.write(folder.resolve("tasks.jar"), bundle());
    Path out = folder.resolve("tasks-signed.jar");
    jdkTool(
        "jarsigner",
        "-keystore",
        folder.resolve("vendor.p12").toString(),
        "-storepass",
        "secret",
        "-signedjar",
        out.toString(),
        unsigned.toString(),
        "vendor");
    signed = Files.readAllBytes(out);
  }

  @Test
  void aBundleSignedByTheVendorsKeyIsTheVendors() {
    assertThat(BundleSignature.signer(signed, List.of(other, vendor))).isEqualTo(vendor);
  }

  @Test
  void oneByteChangedInAnEntryIsRefused() throws IOException {
    byte[] tampered = rewritten(signed, "com/example/Items.class", new byte[] {1, 2, 4});

    assertThat(refusal(tampered, vendor)).contains("does not match its signature");
  }

  @Test
  void oneByteOfTheJarChangedInsideAnEntryIsRefused() {
    // Items.class is stored uncompressed, so its bytes stand in the jar as they are.
    int at = indexOf(signed, CLASS_BYTES) + 5;
    byte[] tampered = signed.clone();
    tampered[at] ^= 1;

    assertThatThrownBy(() -> BundleSignature.signer(tampered, List.of(vendor)))
        .isInstanceOfSatisfying(
            BundleRefusal.class, e -> assertThat(e.type()).isEqualTo("plugin-signature-invalid"));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not in the jar");
  }

  @Test
  void anotherKeyAnUnsignedBundleAndAnAddedOrMissingEntryAreRefused() throws IOException {
    assertThat(refusal(signed, other)).contains("not signed by a key registered for its vendor");
    assertThat(refusal(bundle(), vendor)).contains("is not signed");
    assertThat(refusal(rewritten(signed, "com/example/Extra.class", new byte[] {9}), vendor))
        .contains("com/example/Extra.class is not signed");
    assertThat(refusal(rewritten(signed, "com/example/Items.class", null), vendor))
        .contains("com/example/Items.class was signed but is missing");
  }

  private static String refusal(byte[] bundle, X509Certificate trusted) {
    try {
      BundleSignature.signer(bundle, List.of(trusted));
    } catch (BundleRefusal refusal) {
      assertThat(refusal.type()).isEqualTo("plugin-signature-invalid");
      return refusal.detail();
    }
    throw new AssertionError("the bundle was accepted");
  }

  private static final byte[] CLASS_BYTES =
      "a class file's bytes, long enough to find".getBytes(StandardCharsets.UTF_8);

  /** A small plugin bundle: a manifest, plugin.json and a class. */
  private static byte[] bundle() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Bundle-SymbolicName", "com.example.tasks");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.putNextEntry(new ZipEntry(PluginBundleCheck.MANIFEST_LOCATION));
      jar.write("{\"id\":\"tasks\"}".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
      ZipEntry items = new ZipEntry("com/example/Items.class");
      items.setMethod(ZipEntry.STORED);
      items.setSize(CLASS_BYTES.length);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(CLASS_BYTES);
      items.setCrc(crc.getValue());
      jar.putNextEntry(items);
      jar.write(CLASS_BYTES);
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** The jar with entry {@code name} set to {@code content} (added when new, dropped when null). */
  private static byte[] rewritten(byte[] jar, String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean written = false;
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(jar));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (entry.getName().equals(name)) {
          written = true;
          if (content == null) {
            continue;
          }
          data = content;
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(data);
        out.closeEntry();
      }
      if (!written) {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A new EC key pair in {@code <alias>.p12}; its self-signed certificate. */
  private X509Certificate keyPair(String alias) throws Exception {
    Path store = folder.resolve(alias + ".p12");
    jdkTool(
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
        "secret");
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "secret".toCharArray());
    }
    return (X509Certificate) keys.getCertificate(alias);
  }

  private void jdkTool(String tool, String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(arguments));
    Path log = folder.resolve(tool + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
  }
}
