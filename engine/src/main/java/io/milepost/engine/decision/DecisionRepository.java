package io.milepost.engine.decision;

import io.milepost.engine.api.ModelProblem;
import io.milepost.engine.state.Decisions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.dmn.parser.ParsedDmn;

/** Parsed decision requirements graphs by key; a graph is parsed once, then served from memory. */
public final class DecisionRepository {

  private final DecisionEngine engine;
  private final Map<Long, ParsedDmn> cache = new ConcurrentHashMap<>();

  public DecisionRepository(DecisionEngine engine) {
    this.engine = engine;
  }

  public DecisionEngine engine() {
    return engine;
  }

  public void put(long decisionRequirementsKey, ParsedDmn graph) {
    cache.put(decisionRequirementsKey, graph);
  }

  public ParsedDmn get(long decisionRequirementsKey, Decisions decisions) {
    return cache.computeIfAbsent(decisionRequirementsKey, key -> {
      Decisions.StoredRequirements stored = decisions.requirements(key).orElseThrow(() ->
          new IllegalStateException("Expected decision requirements " + key + " to exist, but they do not"));
      List<ModelProblem> problems = new ArrayList<>();
      ParsedDrg parsed = engine.parse(stored.resourceName(),
          decisions.requirementsXml(key).getBytes(StandardCharsets.UTF_8), problems);
      if (parsed == null) {
        throw new IllegalStateException("Expected stored decision requirements " + key + " to parse again, but: "
            + problems);
      }
      return parsed.dmn();
    });
  }
}
