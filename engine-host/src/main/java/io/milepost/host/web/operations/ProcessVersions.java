package io.milepost.host.web.operations;

import io.milepost.engine.api.ProcessDefinitionView;
import java.util.List;

/** One process id with all its versions, newest first. */
public record ProcessVersions(String bpmnProcessId, String name, List<ProcessDefinitionView> versions) {

  public ProcessDefinitionView latest() {
    return versions.getFirst();
  }
}
