package io.milepost.host.api.message;

import io.milepost.engine.api.CorrelateMessage;
import io.milepost.engine.api.Engine;
import io.milepost.engine.api.MessageCorrelated;
import io.milepost.engine.api.MessagePublished;
import io.milepost.engine.api.PublishMessage;
import io.milepost.host.api.ApiException;
import io.milepost.host.api.JsonDocuments;
import io.milepost.host.api.Keys;
import io.milepost.host.api.Tenants;
import java.time.Duration;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Messages ({@code /v2/messages/publication}, {@code /correlation}) and signals ({@code /v2/signals/broadcast}). */
@RestController
final class MessageController {

  private final Engine engine;
  private final JsonDocuments json;

  MessageController(Engine engine, JsonDocuments json) {
    this.engine = engine;
    this.json = json;
  }

  @PostMapping("/v2/messages/publication")
  PublicationResponse publish(@RequestBody PublicationRequest request) {
    Tenants.requireDefault(request.tenantId());
    requireName("name", request.name());
    MessagePublished published = engine.publishMessage(new PublishMessage(request.name(),
        request.correlationKey() == null ? "" : request.correlationKey(),
        Duration.ofMillis(request.timeToLive() == null ? 0 : Math.max(0, request.timeToLive())),
        request.messageId(), json.object("variables", request.variables())));
    return new PublicationResponse(published.tenantId(), Keys.format(published.messageKey()));
  }

  @PostMapping("/v2/messages/correlation")
  CorrelationResponse correlate(@RequestBody CorrelationRequest request) {
    Tenants.requireDefault(request.tenantId());
    requireName("name", request.name());
    MessageCorrelated correlated = engine.correlateMessage(new CorrelateMessage(request.name(),
        request.correlationKey() == null ? "" : request.correlationKey(), json.object("variables", request.variables())));
    return new CorrelationResponse(correlated.tenantId(), Keys.format(correlated.messageKey()),
        Keys.format(correlated.processInstanceKey()));
  }

  @PostMapping("/v2/signals/broadcast")
  SignalResponse broadcast(@RequestBody SignalRequest request) {
    Tenants.requireDefault(request.tenantId());
    requireName("signalName", request.signalName());
    long signalKey = engine.broadcastSignal(request.signalName(), json.object("variables", request.variables()));
    return new SignalResponse(Tenants.DEFAULT, Keys.format(signalKey));
  }

  private static void requireName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw ApiException.invalidArgument("Expected a '" + field + "', but it was missing");
    }
  }

  record PublicationRequest(String name, String correlationKey, Long timeToLive, String messageId, JsonNode variables,
      String tenantId) {}

  record PublicationResponse(String tenantId, String messageKey) {}

  record CorrelationRequest(String name, String correlationKey, JsonNode variables, String tenantId) {}

  record CorrelationResponse(String tenantId, String messageKey, String processInstanceKey) {}

  record SignalRequest(String signalName, JsonNode variables, String tenantId) {}

  record SignalResponse(String tenantId, String signalKey) {}
}
