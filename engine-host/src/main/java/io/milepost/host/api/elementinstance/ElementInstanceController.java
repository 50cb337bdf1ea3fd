package io.milepost.host.api.elementinstance;

import io.milepost.engine.api.Engine;
import io.milepost.host.api.JsonDocuments;
import io.milepost.host.api.Keys;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code PUT /v2/element-instances/{key}/variables}: sets variables in a scope (or propagates them up). */
@RestController
@RequestMapping("/v2/element-instances")
final class ElementInstanceController {

  private final Engine engine;
  private final JsonDocuments json;

  ElementInstanceController(Engine engine, JsonDocuments json) {
    this.engine = engine;
    this.json = json;
  }

  @PutMapping("/{elementInstanceKey}/variables")
  ResponseEntity<Void> setVariables(@PathVariable String elementInstanceKey, @RequestBody SetVariablesRequest request) {
    long key = Keys.parse("elementInstanceKey", elementInstanceKey);
    engine.setVariables(key, json.object("variables", request.variables()), Boolean.TRUE.equals(request.local()));
    return ResponseEntity.noContent().build();
  }

  record SetVariablesRequest(JsonNode variables, Boolean local, Long operationReference) {}
}
