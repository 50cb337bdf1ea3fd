package io.milepost.plugin.api;

/**
 * The version of this API, as a host reports it to PF4J to check each plugin's {@code Plugin-Requires}. Not the Maven
 * version: PF4J reads {@code 0.2.0-SNAPSHOT} as a pre-release below {@code 0.2.0}, which would refuse {@code >=0.2.0}.
 * 0.2.0 added measures, site data sets and the inventory; plugins built against 0.1.0 ({@code >=0.1.0}) still load.
 */
public final class PluginApiVersion {

  public static final String VERSION = "0.2.0";

  private PluginApiVersion() {}
}
