package io.milepost.network;

/** Rounding for weights and volumes written to variables: labels carry two decimals, not float noise. */
public final class Rounding {
  private Rounding() {}

  public static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
