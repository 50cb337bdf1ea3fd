// Camunda's TypeScript SDK (@camunda8/orchestration-cluster-api, the 8.9 API) against a running Milepost whose
// address TypeScriptSdkTest passes in MILEPOST_REST_ADDRESS: deploy, a job worker, a user task, searches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createCamundaClient from '@camunda8/orchestration-cluster-api';

const address = process.env.MILEPOST_REST_ADDRESS;
const processId = `sdk-order-${Date.now()}`;
const jobType = `${processId}.pick`;
// Milepost's searches see what a command acknowledged at once: no waiting for eventual consistency.
const now = { consistency: { waitUpToMs: 0 } };

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://milepost.io/test">
  <bpmn:process id="${processId}" name="SDK order" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="pick"/>
    <bpmn:serviceTask id="pick" name="Pick items">
      <bpmn:extensionElements><zeebe:taskDefinition type="${jobType}"/></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="f2" sourceRef="pick" targetRef="approve"/>
    <bpmn:userTask id="approve" name="Approve shipment">
      <bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end"/>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

async function eventually(what, probe, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Expected ${what} within ${timeoutMs} ms, but it did not happen`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('deploys, works a job, completes a user task and finds the instance', async () => {
  assert.ok(address, 'MILEPOST_REST_ADDRESS must name the running Milepost');
  const camunda = createCamundaClient({
    config: {
      CAMUNDA_REST_ADDRESS: address,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
    },
  });

  const deployment = await camunda.createDeployment({
    resources: [new File([bpmn], `${processId}.bpmn`, { type: 'application/xml' })],
  });
  assert.equal(deployment.processes[0].processDefinitionId, processId);

  const worker = camunda.createJobWorker({
    jobType,
    maxParallelJobs: 1,
    jobTimeoutMs: 30000,
    pollIntervalMs: 100,
    jobHandler: (job) => job.complete({ picked: true }),
  });
  try {
    const created = await camunda.createProcessInstance({ processDefinitionId: processId, variables: { orderId: 'o-9' } });
    const instanceKey = created.processInstanceKey;

    const task = await eventually('the user task after the worker completed the job', async () => {
      const tasks = await camunda.searchUserTasks({ filter: { processInstanceKey: instanceKey } }, now);
      return tasks.items.find((t) => t.elementId === 'approve');
    });
    await camunda.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });

    const found = await camunda.searchProcessInstances({ filter: { processDefinitionId: processId } }, now);
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0].processInstanceKey, instanceKey);
    assert.equal(found.items[0].state, 'COMPLETED');

    const elements = await camunda.searchElementInstances({ filter: { processInstanceKey: instanceKey } }, now);
    assert.deepEqual(elements.items.map((e) => `${e.elementId}:${e.state}`),
      ['start:COMPLETED', 'pick:COMPLETED', 'approve:COMPLETED', 'end:COMPLETED']);
  } finally {
    worker.stop();
  }
});
