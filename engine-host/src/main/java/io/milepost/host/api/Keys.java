package io.milepost.host.api;

/** Keys travel as JSON strings (they exceed JavaScript's safe integers); this reads them back. */
public final class Keys {

  private Keys() {}

  public static long parse(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalidArgument("Expected '" + field + "' to be a key, but it was missing");
    }
    try {
      long key = Long.parseLong(value.trim());
      if (key < 0) {
        throw ApiException.invalidArgument("Expected '" + field + "' to be a positive key, but found " + value);
      }
      return key;
    } catch (NumberFormatException e) {
      throw ApiException.invalidArgument("Expected '" + field + "' to be a numeric key, but found '" + value + "'");
    }
  }

  public static Long parseOptional(String field, String value) {
    return value == null ? null : parse(field, value);
  }

  public static String format(long key) {
    return Long.toString(key);
  }

  public static String format(Long key) {
    return key == null ? null : key.toString();
  }
}
