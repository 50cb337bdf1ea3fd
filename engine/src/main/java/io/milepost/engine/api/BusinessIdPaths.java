package io.milepost.engine.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the ids people search instances by (an order id, a shipment id, a parcel's tracking id) are found: each path
 * names a variable and a field path inside its JSON value, {@code order.orderId} or {@code parcel.label.trackingId}.
 * When the engine writes a variable a path starts with, it records the string at that path for the instance, so that
 * {@link ProcessInstanceFilter#businessId()} is an indexed lookup. The order of the paths is the order of preference
 * when an instance carries several ids and one is shown.
 */
public record BusinessIdPaths(List<Path> paths) {

  /** No business ids: nothing is recorded. */
  public static final BusinessIdPaths NONE = new BusinessIdPaths(List.of());

  /** One path: the variable and the fields from its value down to the id. */
  public record Path(String variable, List<String> fields) {

    public Path {
      fields = List.copyOf(fields);
    }

    /** @param path {@code <variable>.<field>[.<field>...]} */
    public static Path parse(String path) {
      String trimmed = Objects.requireNonNull(path, "path").strip();
      List<String> segments = Arrays.asList(trimmed.split("\\.", -1));
      if (segments.size() < 2 || segments.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("Expected a business-id path as <variable>.<field>[.<field>...], like"
            + " order.orderId, but found '" + path + "'");
      }
      return new Path(segments.getFirst(), segments.subList(1, segments.size()));
    }

    @Override
    public String toString() {
      return variable + "." + String.join(".", fields);
    }
  }

  public BusinessIdPaths {
    paths = List.copyOf(paths);
  }

  /** @param paths each as {@link Path#parse} reads it */
  public static BusinessIdPaths parse(List<String> paths) {
    return new BusinessIdPaths(paths.stream().map(Path::parse).toList());
  }

  /** The paths that start with the variable {@code name}. */
  public List<Path> of(String name) {
    return paths.stream().filter(path -> path.variable().equals(name)).toList();
  }

  /** The position of a path in the order of preference; paths no longer configured come last. */
  public int rank(String path) {
    for (int i = 0; i < paths.size(); i++) {
      if (paths.get(i).toString().equals(path)) {
        return i;
      }
    }
    return paths.size();
  }
}
