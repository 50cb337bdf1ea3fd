package io.milepost.bench.harness;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code --name=value} and {@code --flag} arguments. */
public final class Arguments {

  private Arguments() {}

  public static Map<String, String> parse(String[] args) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("Expected arguments like --name=value, but found '" + arg + "'");
      }
      int eq = arg.indexOf('=');
      parsed.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
    }
    return parsed;
  }

  public static List<String> list(Map<String, String> arguments, String name, String fallback) {
    return List.of(arguments.getOrDefault(name, fallback).split(","));
  }

  /**
   * {@code --name=value} as one of the constants of {@code fallback}'s enum (named in any case), or {@code fallback}
   * when the argument is absent; any other value is refused with the values it could have been.
   */
  public static <E extends Enum<E>> E choice(Map<String, String> arguments, String name, E fallback) {
    String value = arguments.get(name);
    if (value == null) {
      return fallback;
    }
    E[] constants = fallback.getDeclaringClass().getEnumConstants();
    return Arrays.stream(constants).filter(constant -> constant.name().equalsIgnoreCase(value)).findFirst()
        .orElseThrow(() -> {
          List<String> expected = Arrays.stream(constants)
              .map(constant -> "--" + name + "=" + constant.name().toLowerCase(Locale.ROOT)).toList();
          return new IllegalArgumentException("Expected " + String.join(", ", expected.subList(0, expected.size() - 1))
              + " or " + expected.getLast() + ", but found --" + name + "=" + value);
        });
  }
}
