package io.milepost.network;

import java.util.Map;

/**
 * The {@code package} variable the pack step writes and the SLAM step reads. ({@code package} is a Java
 * keyword, so it is read from the variables map, not mapped onto a record component.)
 */
public final class PackageVariable {

  public static final String NAME = "package";

  private PackageVariable() {}

  /** Reads one number of the {@code package} variable, failing with what was expected. */
  public static double number(Map<String, Object> variables, String field) {
    if (!(variables.get(NAME) instanceof Map<?, ?> parcel)) {
      throw new IllegalArgumentException("Expected the variable 'package' written by fulfillment.pack, but found "
          + variables.get(NAME));
    }
    if (!(parcel.get(field) instanceof Number value)) {
      throw new IllegalArgumentException("Expected package." + field + " to be a number, but found " + parcel.get(field));
    }
    return value.doubleValue();
  }
}
