package io.milepost.host.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milepost.host.testing.TestPluginJar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins signed with the JDK's own tools: keys made by {@code keytool}, jars signed with
 * {@link JarSigner}, trusted certificates given as PEM or keystore as an operator would.
 */
class PluginSignaturesTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  static Path keys;

  @TempDir
  Path plugins;

  private static KeyStore.PrivateKeyEntry trustedSigner;
  private static KeyStore.PrivateKeyEntry otherSigner;
  private static Path trustedPem;

  private PluginCatalog catalog;

  @BeforeAll
  static void makeKeys() throws Exception {
    trustedSigner = keyPair("trusted", "CN=Milepost Plugins, O=Milepost");
    otherSigner = keyPair("other", "CN=Someone Else");
    trustedPem = keys.resolve("trusted.pem");
    Files.writeString(trustedPem, pem(trustedSigner.getCertificate()));
  }

  @AfterEach
  void unload() {
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void shouldLoadAJarSignedByATrustedCertificate() throws Exception {
    catalog = new PluginCatalog(PluginSignatures.trusting(trustedPem, null));

    PluginVersion loaded = catalog.load(signed(plainJar("signed-ok"), trustedSigner));

    assertThat(loaded.jobTypes()).containsExactly("fulfillment.pick");
  }

  @Test
  void shouldTrustTheCertificatesOfAKeystoreToo() throws Exception {
    catalog = new PluginCatalog(PluginSignatures.trusting(keys.resolve("trusted.p12"), new String(PASSWORD)));

    assertThat(catalog.load(signed(plainJar("signed-keystore"), trustedSigner)).jobTypes())
        .containsExactly("fulfillment.pick");
  }

  @Test
  void shouldRefuseAnUnsignedJar() {
    catalog = new PluginCatalog(PluginSignatures.trusting(trustedPem, null));
    Path unsigned = plainJar("unsigned");

    assertThatThrownBy(() -> catalog.load(unsigned)).isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("is not signed");
    assertThat(catalog.versions()).isEmpty();
  }

  @Test
  void shouldRefuseAJarSignedBySomeoneElse() throws Exception {
    catalog = new PluginCatalog(PluginSignatures.trusting(trustedPem, null));
    Path jar = signed(plainJar("other-signer"), otherSigner);

    assertThatThrownBy(() -> catalog.load(jar)).isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("CN=Someone Else").hasMessageContaining("none of which is trusted");
    assertThat(catalog.versions()).isEmpty();
  }

  @Test
  void shouldRefuseASignedJarWhoseClassWasChangedAfterSigning() throws Exception {
    catalog = new PluginCatalog(PluginSignatures.trusting(trustedPem, null));
    Path jar = signed(plainJar("tampered"), trustedSigner);
    Path tampered = rewrite(jar, entry -> entry.getName().endsWith(".class"), bytes -> {
      byte[] changed = bytes.clone();
      changed[changed.length - 1] ^= 1;
      return changed;
    }, null);

    assertThatThrownBy(() -> catalog.load(tampered)).isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("its signature does not match its content");
    assertThat(catalog.versions()).isEmpty();
  }

  @Test
  void shouldRefuseASignedJarWithAnEntryAddedAfterSigning() throws Exception {
    catalog = new PluginCatalog(PluginSignatures.trusting(trustedPem, null));
    Path jar = signed(plainJar("added"), trustedSigner);
    Path added = rewrite(jar, entry -> false, bytes -> bytes, "io/evil/Backdoor.class");

    assertThatThrownBy(() -> catalog.load(added)).isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("entry io/evil/Backdoor.class is not signed");
  }

  @Test
  void shouldLoadUnsignedJarsWhenNoCertificateIsTrusted() {
    catalog = new PluginCatalog();

    assertThat(catalog.load(plainJar("no-trust")).jobTypes()).containsExactly("fulfillment.pick");
  }

  @Test
  void shouldRefuseToStartWithATrustFileThatHoldsNoCertificate() throws IOException {
    Path empty = Files.writeString(keys.resolve("empty.pem"), "");

    assertThatThrownBy(() -> PluginSignatures.trusting(empty, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expected at least one certificate in " + empty);
  }

  private Path plainJar(String pluginId) {
    return TestPluginJar.plugin(pluginId, "1.0.0")
        .handler("fulfillment.pick", "return StepResult.complete(java.util.Map.of(\"ok\", true));")
        .writeTo(plugins.resolve(pluginId));
  }

  private static Path signed(Path jar, KeyStore.PrivateKeyEntry signer) throws IOException {
    Path target = jar.resolveSibling("signed-" + jar.getFileName());
    JarSigner jarSigner = new JarSigner.Builder(signer).build();
    try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(target)) {
      jarSigner.sign(in, out);
    }
    return target;
  }

  /** Copies {@code jar}, changing the entries {@code which} selects and adding {@code extraEntry} if given. */
  private static Path rewrite(Path jar, Predicate<JarEntry> which, java.util.function.UnaryOperator<byte[]> change,
      String extraEntry) throws IOException {
    Path target = jar.resolveSibling("rewritten-" + jar.getFileName());
    try (JarFile in = new JarFile(jar.toFile(), false);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(target))) {
      boolean changedOne = false;
      for (JarEntry entry : Collections.list(in.entries())) {
        byte[] bytes;
        try (InputStream content = in.getInputStream(entry)) {
          bytes = content.readAllBytes();
        }
        if (!changedOne && which.test(entry)) {
          bytes = change.apply(bytes);
          changedOne = true;
        }
        out.putNextEntry(new JarEntry(entry.getName()));
        out.write(bytes);
        out.closeEntry();
      }
      if (extraEntry != null) {
        out.putNextEntry(new JarEntry(extraEntry));
        out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        out.closeEntry();
      }
    }
    return target;
  }

  /** A key pair and self-signed certificate made by the JDK's keytool, in a PKCS12 keystore. */
  private static KeyStore.PrivateKeyEntry keyPair(String alias, String distinguishedName) throws Exception {
    Path store = keys.resolve(alias + ".p12");
    Process keytool = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
        "-dname", distinguishedName, "-keystore", store.toString(), "-storetype", "PKCS12",
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new AssertionError("Expected keytool to make a key pair, but it said: " + output);
    }
    KeyStore keyStore = KeyStore.getInstance(store.toFile(), PASSWORD);
    return (KeyStore.PrivateKeyEntry) keyStore.getEntry(alias, new KeyStore.PasswordProtection(PASSWORD));
  }

  private static String pem(Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
