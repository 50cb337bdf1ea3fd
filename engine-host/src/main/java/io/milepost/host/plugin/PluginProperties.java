package io.milepost.host.plugin;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the host keeps its plugin jars ({@code milepost.plugins-dir}, {@code milepost.plugin-store-dir}).
 *
 * @param pluginsDir the directory every {@code *.jar} of which is loaded at start; the bundled plugins
 *     are extracted into it
 * @param pluginStoreDir where uploaded jars are kept, named by their SHA-256 and never overwritten
 */
@ConfigurationProperties("milepost")
public record PluginProperties(
    @DefaultValue("./data/plugins") Path pluginsDir,
    @DefaultValue("./data/plugin-store") Path pluginStoreDir) {}
