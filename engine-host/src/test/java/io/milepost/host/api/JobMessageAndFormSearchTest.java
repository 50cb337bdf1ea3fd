package io.milepost.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.client.api.search.response.Form;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Job search (as Camunda Process Test's completeJob sends it), message subscription search and the forms a user
 * task links, through the official client.
 */
class JobMessageAndFormSearchTest extends CamundaApiTestSupport {

  @Test
  void shouldFindTheJobsACompletionCouldStillTakeAndTheCompletedOnes() {
    String processId = uniqueId("jobs");
    String type = processId + ".pick";
    deploy(Bpmn.createExecutableProcess(processId).startEvent().serviceTask("pick").zeebeJobType(type)
        .zeebeTaskHeader("zone", "A").endEvent().done());
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();

    List<Job> open = openJobs(type);

    assertThat(open).singleElement().satisfies(job -> {
      assertThat(job.getProcessInstanceKey()).isEqualTo(instance);
      assertThat(job.getElementId()).isEqualTo("pick");
      assertThat(job.getState()).isEqualTo(JobState.CREATED);
      assertThat(job.getRetries()).isEqualTo(3);
      assertThat(job.getProcessDefinitionId()).isEqualTo(processId);
      assertThat(job.getCustomerHeaders()).containsEntry("zone", "A");
    });
    ActivatedJob activated = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs().getFirst();
    assertThat(openJobs(type)).as("an activated job is still CREATED to Camunda").hasSize(1);
    client.newCompleteCommand(activated).send().join();

    assertThat(openJobs(type)).isEmpty();
    assertThat(client.newJobSearchRequest().filter(filter -> filter.type(type).state(JobState.COMPLETED))
        .send().join().items()).extracting(Job::getJobKey).containsExactly(activated.getKey());
  }

  @Test
  void shouldFindTheSubscriptionOfAWaitingElementUntilTheMessageCorrelates() {
    String processId = uniqueId("paid");
    deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("waitForPayment").message(m -> m.name("payment-received")
            .zeebeCorrelationKeyExpression("orderId"))
        .endEvent().done());
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("orderId", "o-77")).send().join().getProcessInstanceKey();

    List<MessageSubscription> waiting = client.newMessageSubscriptionSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance)).send().join().items();

    assertThat(waiting).singleElement().satisfies(subscription -> {
      assertThat(subscription.getMessageName()).isEqualTo("payment-received");
      assertThat(subscription.getCorrelationKey()).isEqualTo("o-77");
      assertThat(subscription.getElementId()).isEqualTo("waitForPayment");
      assertThat(subscription.getProcessDefinitionId()).isEqualTo(processId);
      assertThat(subscription.getLastUpdatedDate()).isNotNull();
    });
    client.newPublishMessageCommand().messageName("payment-received").correlationKey("o-77").send().join();
    assertThat(client.newMessageSubscriptionSearchRequest().filter(filter -> filter.processInstanceKey(instance))
        .send().join().items()).isEmpty();
  }

  @Test
  void shouldServeTheFormAUserTaskLinksAndTheFormByKey() {
    String formId = uniqueId("count-form");
    String schema = "{\"id\": \"" + formId + "\", \"type\": \"default\", \"components\": ["
        + "{\"key\": \"counted\", \"label\": \"Units counted\", \"type\": \"number\", \"validate\": {\"required\": true}}]}";
    String processId = uniqueId("count");
    DeploymentEvent deployment = client.newDeployResourceCommand()
        .addResourceStringUtf8(schema, formId + ".form")
        .addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
            .userTask("count").zeebeUserTask().zeebeFormId(formId)
            .userTask("noForm").zeebeUserTask().endEvent().done(), processId + ".bpmn")
        .send().join();
    long formKey = deployment.getForm().getFirst().getFormKey();
    long instance = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();
    UserTask task = client.newUserTaskSearchRequest().filter(filter -> filter.processInstanceKey(instance))
        .send().join().items().getFirst();

    Form form = client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join();

    assertThat(form.getFormKey()).isEqualTo(formKey);
    assertThat(form.getFormId()).isEqualTo(formId);
    assertThat(form.getVersion()).isEqualTo(1L);
    assertThat(form.getSchema()).contains("Units counted");
    HttpResponseAssert.status(rawGet("/v2/forms/" + formKey), 200, "Units counted");
    HttpResponseAssert.status(rawGet("/v2/forms/42"), 404, "Expected to find form 42");

    client.newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("counted", 12)).send().join();
    UserTask withoutForm = client.newUserTaskSearchRequest()
        .filter(filter -> filter.processInstanceKey(instance).elementId("noForm")).send().join().items().getFirst();
    assertThat(rawGet("/v2/user-tasks/" + withoutForm.getUserTaskKey() + "/form").statusCode()).isEqualTo(204);
  }

  private List<Job> openJobs(String type) {
    return client.newJobSearchRequest()
        .filter(filter -> filter.type(type)
            .state(state -> state.in(JobState.CREATED, JobState.FAILED, JobState.RETRIES_UPDATED, JobState.TIMED_OUT))
            .retries(retries -> retries.gte(1)))
        .send().join().items();
  }
}
