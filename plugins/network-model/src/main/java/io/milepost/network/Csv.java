package io.milepost.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a plugin's own CSV resources: comma separated, '#' comments, a header line first. */
public final class Csv {
  private Csv() {}

  /** The rows after the header of {@code resource}, found next to {@code owner} in its class loader. */
  public static List<String[]> rows(Class<?> owner, String resource) {
    // getResourceAsStream on the owner resolves in the plugin's own class loader and package.
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Expected resource " + resource + " next to " + owner.getName());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .skip(1)
          .map(line -> line.split("\\s*,\\s*"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
