package io.milepost.host.web.task;

import java.util.List;

/** One page of the task list and the number of open tasks that match. */
public record TaskPage(List<TaskRow> rows, int page, long total) {

  public int pages() {
    return (int) Math.max(1, (total + TaskListRequest.PAGE_SIZE - 1) / TaskListRequest.PAGE_SIZE);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pages();
  }
}
