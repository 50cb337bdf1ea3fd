package io.milepost.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A plugin's bundled copy of a data set ({@link io.milepost.plugin.api.DataSet#defaultCsv()}): a CSV
 * resource next to a class, read once when the data set is declared. A site uses it until it is given
 * its own copy.
 */
public final class BundledCsv {

  private BundledCsv() {}

  /** The whole file for every site: network-wide data such as a box catalogue. */
  public static Function<String, String> sameForEverySite(Class<?> owner, String resource) {
    String csv = String.join("\n", lines(owner, resource));
    return siteId -> csv;
  }

  /**
   * The rows of one site: the file's first column is the site id, which the site's copy leaves out
   * (a file {@code site,sku,location} gives each site its {@code sku,location} rows).
   */
  public static Function<String, String> rowsOfSite(Class<?> owner, String resource) {
    List<String[]> lines = lines(owner, resource).stream().map(line -> line.split("\\s*,\\s*", -1)).toList();
    String header = withoutFirst(lines.getFirst());
    return siteId -> header + lines.stream().skip(1)
        .filter(cells -> cells[0].equals(siteId))
        .map(cells -> "\n" + withoutFirst(cells))
        .collect(Collectors.joining());
  }

  private static String withoutFirst(String[] cells) {
    return String.join(",", Arrays.asList(cells).subList(1, cells.length));
  }

  /** The header and rows of the resource, without comments and blank lines. */
  private static List<String> lines(Class<?> owner, String resource) {
    // getResourceAsStream on the owner resolves in the plugin's own class loader and package.
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Expected resource " + resource + " next to " + owner.getName());
      }
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
      if (lines.isEmpty()) {
        throw new IllegalStateException("Expected a header line in " + resource + ", but it is empty");
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
