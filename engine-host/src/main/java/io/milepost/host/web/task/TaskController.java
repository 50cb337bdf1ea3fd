package io.milepost.host.web.task;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.UserTaskState;
import io.milepost.engine.api.UserTaskView;
import io.milepost.host.form.FormSchemas;
import io.milepost.host.form.RequiredFields;
import io.milepost.host.security.Permission;
import io.milepost.host.web.PageNotFoundException;
import io.milepost.host.web.PageUser;
import io.milepost.host.web.PageUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The associates' task list ({@code /tasks}) and a task's page with its form ({@code /tasks/{key}}). Every
 * action answers from the store the engine just wrote: a claimed task shows as claimed, a completed one is gone.
 */
@Controller
final class TaskController {

  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};

  private final Engine engine;
  private final EngineQueries queries;
  private final OpenTasks openTasks;
  private final FormSchemas forms;
  private final RequiredFields requiredFields;
  private final BusinessIds businessIds;
  private final PageUsers users;
  private final MessageSource messages;
  private final JsonMapper json;

  TaskController(Engine engine, EngineQueries queries, OpenTasks openTasks, FormSchemas forms,
      RequiredFields requiredFields, BusinessIds businessIds, PageUsers users, MessageSource messages,
      JsonMapper json) {
    this.engine = engine;
    this.queries = queries;
    this.openTasks = openTasks;
    this.forms = forms;
    this.requiredFields = requiredFields;
    this.businessIds = businessIds;
    this.users = users;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/tasks")
  String list(@RequestParam(defaultValue = "ALL") TaskListRequest.Show show,
      @RequestParam(required = false) String group, @RequestParam(defaultValue = "DUE") TaskListRequest.Sort sort,
      @RequestParam(defaultValue = "0") int page, @RequestHeader(name = "HX-Request", required = false) String htmx,
      HttpServletRequest request, Model model) {
    TaskListRequest query = new TaskListRequest(show, group, sort, page);
    model.addAttribute("query", query);
    model.addAttribute("tasks", openTasks.find(query, users.current()));
    model.addAttribute("groups", openTasks.candidateGroups());
    return htmx != null ? "tasks :: table" : "tasks";
  }

  @GetMapping("/tasks/{key}")
  String task(@PathVariable long key, HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Optional<UserTaskView> found = visibleTask(key, request);
    if (found.isEmpty() || found.get().state() != UserTaskState.CREATED) {
      return gone(key, found, request, redirect);
    }
    UserTaskView task = found.get();
    Map<String, Object> variables = queries.visibleVariables(task.elementInstanceKey());
    return taskPage(task, variables, null, model);
  }

  @PostMapping("/tasks/{key}/claim")
  String claim(@PathVariable long key, @RequestParam(defaultValue = "list") String back, HttpServletRequest request,
      RedirectAttributes redirect) {
    requireVisible(key, request);
    PageUser user = users.current();
    try {
      engine.assignUserTask(key, user.name(), false);
    } catch (RejectionException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "task".equals(back) ? "redirect:/tasks/" + key : "redirect:/tasks";
  }

  @PostMapping("/tasks/{key}/unclaim")
  String unclaim(@PathVariable long key, @RequestParam(defaultValue = "list") String back,
      HttpServletRequest request, RedirectAttributes redirect) {
    UserTaskView task = requireVisible(key, request);
    PageUser user = users.current();
    if (task.assignee() != null && !task.assignee().equals(user.name()) && !user.may(Permission.OPERATE_INSTANCE)) {
      redirect.addFlashAttribute("error", text(request, "tasks.error.notYours", task.assignee()));
    } else {
      engine.unassignUserTask(key);
    }
    return "task".equals(back) ? "redirect:/tasks/" + key : "redirect:/tasks";
  }

  @PostMapping("/tasks/{key}/complete")
  String complete(@PathVariable long key, @RequestParam(defaultValue = "{}") String variables,
      HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Optional<UserTaskView> found = visibleTask(key, request);
    if (found.isEmpty() || found.get().state() != UserTaskState.CREATED) {
      return gone(key, found, request, redirect);
    }
    UserTaskView task = found.get();
    PageUser user = users.current();
    Map<String, Object> submitted;
    try {
      submitted = json.readValue(variables, OBJECT);
    } catch (JacksonException notAnObject) {
      return taskPage(task, queries.visibleVariables(task.elementInstanceKey()),
          "Expected the form's values as a JSON object, but found: " + variables, model);
    }
    if (!user.name().equals(task.assignee())) {
      String error = task.assignee() == null ? text(request, "task.error.claimFirst")
          : text(request, "tasks.error.notYours", task.assignee());
      return taskPage(task, merged(task, submitted), error, model);
    }
    try {
      requiredFields.check(key, submitted);
      engine.completeUserTask(key, submitted, null);
    } catch (RejectionException refused) {
      return taskPage(task, merged(task, submitted), refused.getMessage(), model);
    }
    redirect.addFlashAttribute("notice", text(request, "tasks.completed", task.name()));
    return "redirect:/tasks";
  }

  private String taskPage(UserTaskView task, Map<String, Object> variables, String error, Model model) {
    model.addAttribute("task", task);
    model.addAttribute("siteId", variables.get("siteId"));
    model.addAttribute("businessId", businessIds.of(java.util.List.of(task.processInstanceKey()))
        .get(task.processInstanceKey()));
    model.addAttribute("formSchema", forms.schema(task.formKey()).map(schema -> inScript(schema.toString())).orElse(null));
    model.addAttribute("formData", inScript(json.writeValueAsString(variables)));
    model.addAttribute("error", error);
    return "task";
  }

  /** JSON placed in a script element: "</" would end the element early, "<\/" means the same in JSON. */
  private static String inScript(String jsonText) {
    return jsonText.replace("</", "<\\/");
  }

  private Map<String, Object> merged(UserTaskView task, Map<String, Object> submitted) {
    Map<String, Object> variables = new LinkedHashMap<>(queries.visibleVariables(task.elementInstanceKey()));
    variables.putAll(submitted);
    return variables;
  }

  /** The task was completed or cancelled meanwhile (maybe by someone else), or never existed for this user. */
  private String gone(long key, Optional<UserTaskView> found, HttpServletRequest request,
      RedirectAttributes redirect) {
    String name = found.map(UserTaskView::name).orElse(Long.toString(key));
    redirect.addFlashAttribute("error", found.isEmpty() ? text(request, "tasks.error.notFound", key)
        : text(request, "tasks.error.gone", name));
    return "redirect:/tasks";
  }

  private UserTaskView requireVisible(long key, HttpServletRequest request) {
    return visibleTask(key, request).orElseThrow(() -> new PageNotFoundException(
        text(request, "tasks.error.notFound", key)));
  }

  /** A task of a site the user may not see is treated as not there at all. */
  private Optional<UserTaskView> visibleTask(long key, HttpServletRequest request) {
    PageUser user = users.current();
    return queries.userTask(key).filter(task -> user.seesAllSites()
        || user.seesSite(String.valueOf(queries.visibleVariables(task.elementInstanceKey()).get("siteId"))));
  }

  private String text(HttpServletRequest request, String code, Object... args) {
    return messages.getMessage(code, args, RequestContextUtils.getLocale(request));
  }
}
