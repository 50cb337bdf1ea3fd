package io.milepost.plugins.sortablefc;

/** Rounding for weights and volumes written to variables: labels carry two decimals, not float noise. */
final class Kg {
  private Kg() {}

  static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
