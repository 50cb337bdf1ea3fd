package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.milepost.host.testing.DemoUser;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The requests Camunda Modeler 5 sends when it deploys to a Camunda 8 Self-Managed REST endpoint
 * ({@code http://localhost:8080}, basic authentication, optional tenant id), byte for byte as its client (the
 * Camunda 8 JavaScript SDK with the form-data package) builds them: it probes {@code GET /v2/topology}, then posts
 * one multipart part {@code resources} named after the file ({@code <name>.bpmn}, content type
 * application/octet-stream) and, when a tenant is set in the deploy dialog, a plain part {@code tenantId}.
 */
class ModelerDeployTest extends CamundaApiTestSupport {

  /** form-data's boundary: 26 dashes and 24 digits. */
  private static final String BOUNDARY = "--------------------------" + "482015957735107468213093";
  private static final String USER_AGENT = "camunda-8-js-sdk/8.7.0";

  @Test
  void shouldAnswerTheModelersConnectionCheck() {
    HttpResponse<String> topology = send(HttpRequest.newBuilder(uri("/v2/topology"))
        .header("content-type", "application/json")
        .header("authorization", DemoUser.AUTHORIZATION)
        .header("user-agent", USER_AGENT)
        .header("accept", "*/*")
        .GET().build());

    HttpResponseAssert.status(topology, 200, "\"gatewayVersion\"");
  }

  @Test
  void shouldDeployADiagramTheWayTheModelerSendsIt() {
    String processId = uniqueId("modeler");
    String xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());

    HttpResponse<String> deployed = deployAsModeler("diagram_1.bpmn", xml, "<default>");

    HttpResponseAssert.status(deployed, 200, "\"processDefinitionId\":\"" + processId + "\"");
    assertThat(deployed.body()).contains("\"resourceName\":\"diagram_1.bpmn\"", "\"tenantId\":\"<default>\"");
    assertThat(client.newProcessDefinitionSearchRequest().filter(filter -> filter.processDefinitionId(processId))
        .send().join().items()).hasSize(1);
  }

  @Test
  void shouldDeployWithoutATenantAndRefuseAnotherTenantSayingWhy() {
    String processId = uniqueId("modeler");
    String xml = Bpmn.convertToString(Bpmn.createExecutableProcess(processId).startEvent().endEvent().done());

    HttpResponseAssert.status(deployAsModeler("diagram_2.bpmn", xml, null), 200, processId);
    HttpResponseAssert.status(deployAsModeler("diagram_3.bpmn", xml, "warehouse-east"), 400,
        "Expected tenant '<default>' (multi-tenancy is off), but found 'warehouse-east'");
  }

  private HttpResponse<String> deployAsModeler(String fileName, String xml, String tenantId) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"resources\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + xml + "\r\n");
    if (tenantId != null) {
      write(body, "--" + BOUNDARY + "\r\n"
          + "Content-Disposition: form-data; name=\"tenantId\"\r\n\r\n" + tenantId + "\r\n");
    }
    write(body, "--" + BOUNDARY + "--\r\n");
    return send(HttpRequest.newBuilder(uri("/v2/deployments"))
        .header("content-type", "multipart/form-data; boundary=" + BOUNDARY)
        .header("authorization", DemoUser.AUTHORIZATION)
        .header("user-agent", USER_AGENT)
        .header("accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static void write(ByteArrayOutputStream body, String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
