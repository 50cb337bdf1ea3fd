package io.milepost.engine.processing;

import io.milepost.engine.model.BpmnTransformer;
import io.milepost.engine.model.ExecutableProcess;
import io.milepost.engine.state.Definitions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Executable processes by definition key; a definition is parsed once, then served from memory. */
public final class ProcessRepository {

  private final BpmnTransformer transformer;
  private final Map<Long, ExecutableProcess> cache = new ConcurrentHashMap<>();

  public ProcessRepository(BpmnTransformer transformer) {
    this.transformer = transformer;
  }

  public void put(long processDefinitionKey, ExecutableProcess process) {
    cache.put(processDefinitionKey, process);
  }

  public ExecutableProcess get(long processDefinitionKey, Definitions definitions) {
    return cache.computeIfAbsent(processDefinitionKey, key -> {
      Definitions.StoredProcess stored = definitions.process(key).orElseThrow(() ->
          new IllegalStateException("Expected process definition " + key + " to exist, but it does not"));
      BpmnTransformer.Result result = transformer.transform(stored.resourceName(),
          definitions.processXml(key).getBytes(StandardCharsets.UTF_8));
      return result.processes().stream().filter(p -> p.bpmnProcessId().equals(stored.bpmnProcessId())).findFirst()
          .orElseThrow(() -> new IllegalStateException("Expected stored definition " + key + " to transform again, but: "
              + result.problems()));
    });
  }
}
