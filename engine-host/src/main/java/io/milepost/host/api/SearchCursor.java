package io.milepost.host.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the sorted matches of one search, handed to the client as an opaque {@code startCursor} or
 * {@code endCursor} and read back from {@code page.after} or {@code page.before}. It names the search it belongs
 * to (key field, filter and sort) so that a cursor passed to another search is refused instead of paging it
 * from an unrelated position.
 *
 * @param search which search: its key field and a fingerprint of its filter and sort
 * @param position the index of an item in the search's sorted matches
 */
record SearchCursor(String search, int position) {

  private static final String VERSION = "c1";
  private static final int MAX_ECHOED = 40;

  String encode() {
    String text = VERSION + "|" + search + "|" + position;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code field}, which must come from a page of {@code expectedSearch}. */
  static SearchCursor decode(String field, String cursor, String expectedSearch) {
    String[] parts = decodedParts(cursor);
    if (parts == null) {
      throw refused(field, expectedSearch, "'" + echo(cursor) + "', which is not a cursor this server issued");
    }
    if (!parts[1].equals(expectedSearch)) {
      String foundKey = parts[1].substring(0, Math.max(0, parts[1].indexOf(':')));
      String expectedKey = expectedSearch.substring(0, expectedSearch.indexOf(':'));
      throw refused(field, expectedSearch, foundKey.equals(expectedKey)
          ? "a cursor of the same search with another filter or sort"
          : "a cursor of another search (by " + foundKey + ")");
    }
    return new SearchCursor(parts[1], Integer.parseInt(parts[2]));
  }

  private static String[] decodedParts(String cursor) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    String[] parts = text.split("\\|", -1);
    boolean wellFormed = parts.length == 3 && parts[0].equals(VERSION) && parts[1].contains(":")
        && parts[2].matches("\\d{1,9}");
    return wellFormed ? parts : null;
  }

  private static ApiException refused(String field, String expectedSearch, String found) {
    String expectedKey = expectedSearch.substring(0, expectedSearch.indexOf(':'));
    return ApiException.invalidArgument("Expected '" + field + "' to be the startCursor or endCursor of a previous "
        + "page of this search (by " + expectedKey + ", same filter and sort), but found " + found);
  }

  private static String echo(String cursor) {
    return cursor.length() <= MAX_ECHOED ? cursor : cursor.substring(0, MAX_ECHOED) + "...";
  }
}
