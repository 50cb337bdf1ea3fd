package io.milepost.engine.api;

/**
 * One sort criterion of a user task search; ties are broken by the key, ascending. Tasks without a due date sort
 * after those with one, whichever the direction.
 */
public record UserTaskSort(Field field, boolean descending) {

  public enum Field { KEY, CREATION_DATE, DUE_DATE, PRIORITY }

  public static UserTaskSort ascending(Field field) {
    return new UserTaskSort(field, false);
  }

  public static UserTaskSort descending(Field field) {
    return new UserTaskSort(field, true);
  }
}
