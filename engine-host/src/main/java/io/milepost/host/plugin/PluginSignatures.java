package io.milepost.host.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * With {@code milepost.plugins.trusted-certificates} set, a plugin jar loads only when the JDK's jar
 * verification finds every entry intact and signed by one of those certificates (or by a certificate they
 * issued): an unsigned jar, an entry added or changed after signing, or another signer is refused, at
 * upload and at start alike. Without trusted certificates every jar loads, as before.
 */
public final class PluginSignatures {

  private final Set<X509Certificate> trusted;

  private PluginSignatures(Set<X509Certificate> trusted) {
    this.trusted = Set.copyOf(trusted);
  }

  public static PluginSignatures unchecked() {
    return new PluginSignatures(Set.of());
  }

  /**
   * The certificates in {@code file}: a keystore ({@code .p12}, {@code .pfx}, {@code .jks}) or PEM.
   *
   * @throws IllegalArgumentException when the file cannot be read or holds no certificate: failing to
   *     start beats loading unsigned code
   */
  public static PluginSignatures trusting(Path file, String keystorePassword) {
    try {
      List<X509Certificate> certificates = isKeystore(file) ? fromKeystore(file, keystorePassword) : fromPem(file);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("Expected at least one certificate in " + file
            + " (milepost.plugins.trusted-certificates), but found none");
      }
      return new PluginSignatures(Set.copyOf(certificates));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Expected trusted plugin certificates (PEM or keystore) in " + file
          + " (milepost.plugins.trusted-certificates), but could not read them: " + e.getMessage(), e);
    }
  }

  /** @throws PluginLoadException saying which entry is unsigned, tampered with or signed by whom else */
  void verify(Path jar) {
    if (trusted.isEmpty()) {
      return;
    }
    int signed = 0;
    try (JarFile file = new JarFile(jar.toFile(), true)) {
      byte[] buffer = new byte[8192];
      for (JarEntry entry : Collections.list(file.entries())) {
        // Reading the entry to its end makes the JDK check its digest; a changed entry throws here.
        try (InputStream in = file.getInputStream(entry)) {
          while (in.read(buffer) != -1) {
            // read only to verify
          }
        }
        if (entry.isDirectory() || isSignatureFile(entry.getName())) {
          continue;
        }
        CodeSigner[] signers = entry.getCodeSigners();
        if (signers == null) {
          throw refused(jar, "entry " + entry.getName() + " is not signed");
        }
        if (!signedByTrusted(signers)) {
          throw refused(jar, "entry " + entry.getName() + " is signed by " + signerNames(signers)
              + ", none of which is trusted");
        }
        signed++;
      }
    } catch (SecurityException e) {
      throw refused(jar, "its signature does not match its content: " + e.getMessage());
    } catch (IOException e) {
      throw refused(jar, "it could not be read: " + e.getMessage());
    }
    if (signed == 0) {
      throw refused(jar, "it has no signed entries");
    }
  }

  private boolean signedByTrusted(CodeSigner[] signers) {
    for (CodeSigner signer : signers) {
      List<? extends Certificate> path = signer.getSignerCertPath().getCertificates();
      if (!path.isEmpty() && trusted.contains(path.getFirst()) || issuedByTrusted(signer)) {
        return true;
      }
    }
    return false;
  }

  /** A signer certificate issued (directly or through intermediates in the jar) by a trusted one. */
  private boolean issuedByTrusted(CodeSigner signer) {
    try {
      PKIXParameters parameters = new PKIXParameters(
          trusted.stream().map(certificate -> new TrustAnchor(certificate, null)).collect(Collectors.toSet()));
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(signer.getSignerCertPath(), parameters);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String signerNames(CodeSigner[] signers) {
    List<String> names = new ArrayList<>();
    for (CodeSigner signer : signers) {
      Certificate first = signer.getSignerCertPath().getCertificates().getFirst();
      names.add(first instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : first.getType());
    }
    return names.toString();
  }

  /** The signature's own files, which jarsigner does not (and cannot) sign. */
  private static boolean isSignatureFile(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA")
        || upper.endsWith(".DSA") || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
  }

  private static PluginLoadException refused(Path jar, String why) {
    return new PluginLoadException("Expected plugin jar " + jar + " to be signed, entry by entry, by a trusted"
        + " certificate (milepost.plugins.trusted-certificates), but " + why);
  }

  private static boolean isKeystore(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks");
  }

  private static List<X509Certificate> fromKeystore(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(file.toFile(), password == null ? null : password.toCharArray());
    List<X509Certificate> certificates = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.getCertificate(alias) instanceof X509Certificate certificate) {
        certificates.add(certificate);
      }
    }
    return certificates;
  }

  private static List<X509Certificate> fromPem(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(X509Certificate.class::cast).toList();
    }
  }
}
