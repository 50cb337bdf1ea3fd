package io.milepost.engine.query;

import io.milepost.engine.api.UserTaskSort;
import java.util.ArrayList;
import java.util.List;

/** The ORDER BY of a sorted user task search: the criteria in turn, then the key. */
final class UserTaskOrder {

  private UserTaskOrder() {}

  static String of(List<UserTaskSort> sort) {
    List<String> columns = new ArrayList<>();
    for (UserTaskSort criterion : sort) {
      String direction = criterion.descending() ? " DESC" : " ASC";
      switch (criterion.field()) {
        case KEY -> columns.add("user_task_key" + direction);
        case CREATION_DATE -> columns.add("created_at" + direction);
        case PRIORITY -> columns.add("priority" + direction);
        // no due date: last either way (NULLS LAST is not spelled the same by every store)
        case DUE_DATE -> {
          columns.add("CASE WHEN due_date IS NULL THEN 1 ELSE 0 END");
          columns.add("due_date" + direction);
        }
      }
    }
    columns.add("user_task_key ASC");
    return " ORDER BY " + String.join(", ", columns);
  }
}
