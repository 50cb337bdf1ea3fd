package io.milepost.bench;

import java.util.Locale;

/**
 * The collector the measured JVMs run with ({@code --gc=g1}, the default, or {@code --gc=zgc}): on 2 cores G1's
 * young pauses are the tail at half load, ZGC trades some throughput for pauses under a millisecond.
 */
enum GarbageCollector {
  G1("-XX:+UseG1GC"),
  ZGC("-XX:+UseZGC");

  private final String flag;

  GarbageCollector(String flag) {
    this.flag = flag;
  }

  String flag() {
    return flag;
  }

  static GarbageCollector of(String option) {
    if (option == null) {
      return G1;
    }
    try {
      return valueOf(option.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Expected --gc=g1 or --gc=zgc, but found --gc=" + option, e);
    }
  }
}
