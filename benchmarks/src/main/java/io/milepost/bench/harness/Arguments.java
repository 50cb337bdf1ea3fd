package io.milepost.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
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
}
