package io.milepost.host.web.task;

/**
 * What the associate asked the task list for.
 *
 * @param candidateGroup null or blank for any group
 * @param page 0-based
 */
public record TaskListRequest(Show show, String candidateGroup, Sort sort, int page) {

  public static final int PAGE_SIZE = 20;

  public enum Show { ALL, MINE, UNASSIGNED }

  public enum Sort { DUE, PRIORITY }

  public TaskListRequest {
    show = show == null ? Show.ALL : show;
    sort = sort == null ? Sort.DUE : sort;
    page = Math.max(page, 0);
    candidateGroup = candidateGroup == null || candidateGroup.isBlank() ? null : candidateGroup.strip();
  }
}
