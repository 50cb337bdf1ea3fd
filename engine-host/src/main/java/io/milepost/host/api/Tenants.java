package io.milepost.host.api;

/** Milepost has one tenant, Camunda's default one; asking for another is refused, not ignored. */
public final class Tenants {

  public static final String DEFAULT = "<default>";

  private Tenants() {}

  public static void requireDefault(String tenantId) {
    if (tenantId != null && !tenantId.isBlank() && !DEFAULT.equals(tenantId)) {
      throw ApiException.invalidArgument(
          "Expected tenant '" + DEFAULT + "' (multi-tenancy is off), but found '" + tenantId + "'");
    }
  }
}
