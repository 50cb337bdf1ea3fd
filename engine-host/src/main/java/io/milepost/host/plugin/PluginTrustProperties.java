package io.milepost.host.plugin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which signers plugin jars must have ({@code milepost.plugins.*}).
 *
 * @param trustedCertificates a PEM file or keystore (.p12, .pfx, .jks) of the certificates plugin jars must
 *     be signed by; unset: jars need no signature
 * @param trustedCertificatesPassword the keystore's password, if it has one
 */
@ConfigurationProperties("milepost.plugins")
public record PluginTrustProperties(Path trustedCertificates, String trustedCertificatesPassword) {

  PluginSignatures signatures() {
    return trustedCertificates == null ? PluginSignatures.unchecked()
        : PluginSignatures.trusting(trustedCertificates, trustedCertificatesPassword);
  }
}
