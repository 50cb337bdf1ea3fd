package io.milepost.host.web.operations;

import io.milepost.engine.api.Engine;
import io.milepost.engine.api.EngineQueries;
import io.milepost.engine.api.IncidentView;
import io.milepost.engine.api.PageRequest;
import io.milepost.engine.api.ProcessDefinitionFilter;
import io.milepost.engine.api.ProcessDefinitionView;
import io.milepost.engine.api.ProcessInstanceState;
import io.milepost.engine.api.ProcessInstanceView;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.UpdateJob;
import io.milepost.host.site.SiteDirectory;
import io.milepost.host.web.PageNotFoundException;
import io.milepost.host.web.PageWatches;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Instances for process engineers: the search, one instance's page, and what they do about it (retry an
 * incident, change a variable, cancel). Each action redirects to the instance's page, which reads the store the
 * action just wrote.
 */
@Controller
final class InstancesController {

  private final Engine engine;
  private final EngineQueries queries;
  private final InstanceSearch search;
  private final InstanceDetails details;
  private final SiteDirectory sites;
  private final DiagramMarks marks;
  private final MessageSource messages;
  private final JsonMapper json;
  private final PageWatches watches;

  InstancesController(Engine engine, EngineQueries queries, InstanceSearch search, InstanceDetails details,
      SiteDirectory sites, DiagramMarks marks, MessageSource messages, JsonMapper json, PageWatches watches) {
    this.engine = engine;
    this.queries = queries;
    this.search = search;
    this.details = details;
    this.sites = sites;
    this.marks = marks;
    this.messages = messages;
    this.json = json;
    this.watches = watches;
  }

  @GetMapping("/operations/instances")
  String search(@RequestParam(required = false) String process,
      @RequestParam(required = false) ProcessInstanceState state,
      @RequestParam(required = false) String businessId, @RequestParam(required = false) String siteId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
      @RequestParam(defaultValue = "false") boolean withIncident, @RequestParam(defaultValue = "0") int page,
      Model model) {
    InstanceSearchRequest request = new InstanceSearchRequest(process, state, businessId, siteId, from, to,
        withIncident, page);
    model.addAttribute("query", request);
    model.addAttribute("result", search.find(request));
    model.addAttribute("processIds", queries.searchProcessDefinitions(
            new ProcessDefinitionFilter(null, null, null, true), PageRequest.first(10_000))
        .items().stream().map(ProcessDefinitionView::bpmnProcessId).distinct().sorted().toList());
    model.addAttribute("sites", sites.all());
    model.addAttribute("states", ProcessInstanceState.values());
    return "operations/instances";
  }

  @GetMapping("/operations/instances/{key}")
  String instance(@PathVariable long key, Model model) {
    InstanceDetails.Details d = details.of(find(key));
    model.addAttribute("d", d);
    model.addAttribute("marks", marks.json(Map.of("activeElements", d.activeElements(), "completedElements",
        d.completedElements(), "incidentElements", d.incidentElements(), "takenFlows", d.takenFlows())));
    return "operations/instance";
  }

  /** Server-sent events: {@code changed} when the instance moves on (an element, its state, an incident). */
  @GetMapping(path = "/operations/instances/{key}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@PathVariable long key) {
    find(key);
    return watches.watch("instance:" + key, () -> List.of(queries.processInstance(key),
        queries.elementInstances(key)));
  }

  @PostMapping("/operations/instances/{key}/incidents/{incidentKey}/retry")
  String retry(@PathVariable long key, @PathVariable long incidentKey, HttpServletRequest request,
      RedirectAttributes redirect) {
    IncidentView incident = queries.incident(incidentKey).filter(found -> found.processInstanceKey() == key)
        .orElseThrow(() -> new PageNotFoundException("Expected incident " + incidentKey + " of instance " + key
            + ", but none exists"));
    return act(key, request, redirect, "instance.retried", () -> {
      if (incident.jobKey() != null) {
        // The job ran out of retries; give it one more before resolving, or the incident would come straight back.
        engine.updateJob(new UpdateJob(incident.jobKey(), 1, null));
      }
      engine.resolveIncident(incidentKey);
    });
  }

  @PostMapping("/operations/instances/{key}/variables")
  String setVariable(@PathVariable long key, @RequestParam long scopeKey, @RequestParam String name,
      @RequestParam String value, HttpServletRequest request, RedirectAttributes redirect) {
    find(key);
    Object parsed;
    try {
      parsed = json.readValue(value, Object.class);
    } catch (JacksonException notJson) {
      redirect.addFlashAttribute("error", text(request, "instance.variable.notJson", name, value));
      return "redirect:/operations/instances/" + key;
    }
    return act(key, request, redirect, "instance.variable.saved",
        () -> engine.setVariables(scopeKey, java.util.Collections.singletonMap(name, parsed), true));
  }

  @PostMapping("/operations/instances/{key}/cancel")
  String cancel(@PathVariable long key, HttpServletRequest request, RedirectAttributes redirect) {
    find(key);
    return act(key, request, redirect, "instance.cancelled", () -> engine.cancelProcessInstance(key));
  }

  private String act(long key, HttpServletRequest request, RedirectAttributes redirect, String doneMessage,
      Runnable action) {
    try {
      action.run();
      redirect.addFlashAttribute("notice", text(request, doneMessage, key));
    } catch (RejectionException refused) {
      redirect.addFlashAttribute("error", refused.getMessage());
    }
    return "redirect:/operations/instances/" + key;
  }

  private ProcessInstanceView find(long key) {
    return queries.processInstance(key).orElseThrow(() -> new PageNotFoundException(
        "Expected a process instance " + key + ", but none exists"));
  }

  private String text(HttpServletRequest request, String code, Object... args) {
    return messages.getMessage(code, args, RequestContextUtils.getLocale(request));
  }
}
