package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A REST long poll whose client has gone does not keep the jobs it was answered with. */
class GoneLongPollTest extends CamundaApiTestSupport {

  @Test
  void shouldHandBackTheJobsOfALongPollWhoseClientHasGone() throws Exception {
    // given a process whose job type nobody else polls
    String processId = uniqueId("gone-poll");
    String jobType = processId + ".step";
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType(jobType)).endEvent().done(), processId + ".bpmn").send().join();

    // and a worker that long-polls for it (5 minute job timeout) and goes away while its poll is held
    try (Socket worker = new Socket("localhost", port)) {
      byte[] body = ("{\"type\":\"" + jobType + "\",\"maxJobsToActivate\":1,\"timeout\":300000,"
          + "\"requestTimeout\":30000,\"worker\":\"gone\"}").getBytes(StandardCharsets.UTF_8);
      OutputStream out = worker.getOutputStream();
      out.write(("POST /v2/jobs/activation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Authorization: Basic ZGVtbzpkZW1v\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      Thread.sleep(1_000); // the server holds the poll
    }

    // when a job of that type is created
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of())
        .send().join().getProcessInstanceKey();

    // then another worker gets it now, not after the gone worker's 5 minutes
    List<ActivatedJob> jobs = List.of();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (jobs.isEmpty() && System.nanoTime() < deadline) {
      jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    }
    assertThat(jobs).singleElement().satisfies(job -> assertThat(job.getProcessInstanceKey()).isEqualTo(instance));
  }
}
