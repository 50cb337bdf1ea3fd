package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.page.AnyPage;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A user walks a result set with the official client's cursors ({@code page.after}/{@code page.before} and the
 * answer's {@code startCursor}/{@code endCursor}) over real HTTP, as against Camunda 8.
 */
class CamundaClientCursorPagingTest extends CamundaApiTestSupport {

  private static final int INSTANCES = 25;

  @Test
  void shouldWalkEveryInstanceOnceInOrderWithEndCursorsAndComeBackWithBefore() {
    // given
    String processId = uniqueId("cursor");
    List<Long> created = createInstances(processId);

    // when: ten at a time, each page after the previous page's end cursor
    List<SearchResponse<ProcessInstance>> pages = new ArrayList<>();
    SearchResponse<ProcessInstance> page = search(processId, p -> p.limit(10));
    while (!page.items().isEmpty()) {
      pages.add(page);
      String endCursor = page.page().endCursor();
      page = search(processId, p -> p.after(endCursor).limit(10));
    }
    SearchResponse<ProcessInstance> last = pages.getLast();
    SearchResponse<ProcessInstance> back = search(processId, p -> p.before(last.page().startCursor()).limit(10));
    SearchResponse<ProcessInstance> beforeFirst =
        search(processId, p -> p.before(pages.getFirst().page().startCursor()).limit(10));

    // then
    assertThat(pages).extracting(answer -> answer.items().size()).containsExactly(10, 10, 5);
    assertThat(pages.stream().flatMap(answer -> keys(answer).stream()).toList()).isEqualTo(created);
    assertThat(pages).allSatisfy(answer -> {
      assertThat(answer.page().totalItems()).isEqualTo(INSTANCES);
      assertThat(answer.page().startCursor()).isNotBlank();
      assertThat(answer.page().endCursor()).isNotBlank().isNotEqualTo(answer.page().startCursor());
    });
    assertThat(page.page().startCursor()).as("an empty page has no cursors").isNull();
    assertThat(page.page().endCursor()).isNull();
    assertThat(keys(back)).isEqualTo(created.subList(10, 20));
    assertThat(back.page().startCursor()).isEqualTo(pages.get(1).page().startCursor());
    assertThat(beforeFirst.items()).isEmpty();
  }

  @Test
  void shouldWalkBackwardsWhenSortedByKeyDescending() {
    // given
    String processId = uniqueId("cursor-desc");
    List<Long> created = createInstances(processId);

    // when
    var first = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().desc()).page(p -> p.limit(20)).send().join();
    var second = client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().desc()).page(p -> p.after(first.page().endCursor()).limit(20)).send().join();

    // then
    assertThat(keys(first)).isEqualTo(created.reversed().subList(0, 20));
    assertThat(keys(second)).isEqualTo(created.reversed().subList(20, INSTANCES));
  }

  @Test
  void shouldRefuseAGarbageCursorSayingWhatItExpected() {
    ProblemException problem = problemFrom(() -> search(uniqueId("garbage"), p -> p.after("not-a-cursor").limit(10)));

    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getTitle()).isEqualTo("INVALID_ARGUMENT");
    assertThat(problem.details().getDetail())
        .contains("Expected 'page.after' to be the startCursor or endCursor of a previous page of this search")
        .contains("found 'not-a-cursor', which is not a cursor this server issued");
  }

  @Test
  void shouldRefuseACursorOfAnotherSearch() {
    // given: a cursor of a process instance search
    String processId = uniqueId("foreign");
    createInstances(processId);
    String cursor = search(processId, p -> p.limit(5)).page().endCursor();

    // when: passed to a variable search, and to the same search with another filter
    ProblemException otherSearch = problemFrom(() -> client.newVariableSearchRequest()
        .page(p -> p.after(cursor).limit(5)).send().join());
    ProblemException otherFilter = problemFrom(() -> search(processId + "-other", p -> p.before(cursor).limit(5)));

    // then
    assertThat(otherSearch.code()).isEqualTo(400);
    assertThat(otherSearch.details().getDetail()).contains("(by variableKey, same filter and sort)")
        .contains("but found a cursor of another search (by processInstanceKey)");
    assertThat(otherFilter.code()).isEqualTo(400);
    assertThat(otherFilter.details().getDetail()).contains("'page.before'")
        .contains("but found a cursor of the same search with another filter or sort");
  }

  @Test
  void shouldRefuseOffsetAndCursorTogether() {
    String processId = uniqueId("mixed");
    createInstances(processId);
    String cursor = search(processId, p -> p.limit(5)).page().endCursor();

    // the client cannot send both: over plain HTTP
    HttpResponse<String> response = rawPost("/v2/process-instances/search", "application/json",
        "{\"filter\": {\"processDefinitionId\": \"" + processId + "\"}, \"page\": {\"from\": 5, \"after\": \""
            + cursor + "\", \"limit\": 5}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("Expected either offset paging (page.from) or cursor paging "
        + "(page.after or page.before), but found page.from together with page.after");
  }

  private SearchResponse<ProcessInstance> search(String processId,
      Consumer<AnyPage> page) {
    return client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(processId))
        .page(page).send().join();
  }

  private List<Long> createInstances(String processId) {
    deploy(straightThrough(processId));
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      keys.add(client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
          .getProcessInstanceKey());
    }
    return keys;
  }

  private static List<Long> keys(SearchResponse<ProcessInstance> answer) {
    return answer.items().stream().map(ProcessInstance::getProcessInstanceKey).toList();
  }
}
