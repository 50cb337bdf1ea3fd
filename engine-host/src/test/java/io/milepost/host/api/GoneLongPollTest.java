package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.micrometer.core.instrument.MeterRegistry;
import io.milepost.host.engine.JobLongPoll;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A REST long poll whose client has gone stops holding on, so the jobs go to a worker that is there. */
class GoneLongPollTest extends CamundaApiTestSupport {

  @Autowired
  MeterRegistry meters;

  @Test
  void shouldLetAnotherWorkerHaveTheJobsOnceALongPollsClientHasGone() throws Exception {
    // given a process whose job type nobody else polls
    String processId = uniqueId("gone-poll");
    String jobType = processId + ".step";
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType(jobType)).endEvent().done(), processId + ".bpmn").send().join();
    double heldBefore = heldPolls();

    // and a worker that long-polls for it (30 s, job timeout 5 minutes) and goes away while its poll is held
    try (Socket worker = new Socket("localhost", port)) {
      byte[] body = ("{\"type\":\"" + jobType + "\",\"maxJobsToActivate\":1,\"timeout\":300000,"
          + "\"requestTimeout\":30000,\"worker\":\"gone\"}").getBytes(StandardCharsets.UTF_8);
      OutputStream out = worker.getOutputStream();
      out.write(("POST /v2/jobs/activation HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Authorization: Basic ZGVtbzpkZW1v\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      await("the server holds the poll").atMost(Duration.ofSeconds(20)).until(() -> heldPolls() > heldBefore);
    }

    // when the server has noticed (well before the poll's 30 s) and a job of that type is created
    await("the server lets go of the gone worker's poll").atMost(Duration.ofSeconds(20))
        .until(() -> heldPolls() <= heldBefore);
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of())
        .send().join().getProcessInstanceKey();

    // then another worker gets it now, not after the gone worker's 5 minutes
    List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(10)).send().join().getJobs();
    assertThat(jobs).singleElement().satisfies(job -> assertThat(job.getProcessInstanceKey()).isEqualTo(instance));
  }

  @Test
  void shouldAnswerAPollHeldForSecondsWithValidJson() throws InterruptedException {
    // given a job type whose job is created only while a worker's poll is held (and written to meanwhile)
    String processId = uniqueId("held-poll");
    String jobType = processId + ".step";
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("step", t -> t.zeebeJobType(jobType)).endEvent().done(), processId + ".bpmn").send().join();
    double heldBefore = heldPolls();
    var poll = client.newActivateJobsCommand().jobType(jobType).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(20)).send();
    await("the server holds the poll").atMost(Duration.ofSeconds(20)).until(() -> heldPolls() > heldBefore);
    Thread.sleep(3_000); // the server writes a space to a held poll every second: let it write some

    // when the job is created
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(Map.of())
        .send().join().getProcessInstanceKey();

    // then the official client reads the held answer
    assertThat(poll.join().getJobs()).singleElement()
        .satisfies(job -> assertThat(job.getProcessInstanceKey()).isEqualTo(instance));
  }

  private double heldPolls() {
    return meters.get(JobLongPoll.HELD).gauge().value();
  }
}
