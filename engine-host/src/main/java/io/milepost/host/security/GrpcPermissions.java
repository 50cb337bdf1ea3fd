package io.milepost.host.security;

import static io.camunda.zeebe.gateway.protocol.GatewayGrpc.*;
import static io.milepost.host.security.Permission.*;

import io.grpc.MethodDescriptor;
import java.util.Map;

/** The permission each gateway RPC needs, as the REST endpoint of the same command; an RPC not listed needs ADMINISTER. */
final class GrpcPermissions {

  private static final Map<String, Permission> BY_METHOD = Map.ofEntries(
      entry(getTopologyMethod(), TOPOLOGY),
      entry(getDeployResourceMethod(), DEPLOY),
      entry(getDeployProcessMethod(), DEPLOY),
      entry(getDeleteResourceMethod(), DEPLOY),
      entry(getCreateProcessInstanceMethod(), CREATE_INSTANCE),
      entry(getCreateProcessInstanceWithResultMethod(), CREATE_INSTANCE),
      entry(getCancelProcessInstanceMethod(), OPERATE_INSTANCE),
      entry(getModifyProcessInstanceMethod(), OPERATE_INSTANCE),
      entry(getMigrateProcessInstanceMethod(), OPERATE_INSTANCE),
      entry(getSetVariablesMethod(), OPERATE_INSTANCE),
      entry(getResolveIncidentMethod(), RESOLVE_INCIDENT),
      entry(getActivateJobsMethod(), WORK_JOBS),
      entry(getStreamActivatedJobsMethod(), WORK_JOBS),
      entry(getCompleteJobMethod(), WORK_JOBS),
      entry(getFailJobMethod(), WORK_JOBS),
      entry(getThrowErrorMethod(), WORK_JOBS),
      entry(getUpdateJobRetriesMethod(), UPDATE_JOB),
      entry(getUpdateJobTimeoutMethod(), UPDATE_JOB),
      entry(getPublishMessageMethod(), PUBLISH_MESSAGE),
      entry(getBroadcastSignalMethod(), BROADCAST_SIGNAL),
      entry(getEvaluateDecisionMethod(), EVALUATE_DECISION));

  private GrpcPermissions() {}

  static Permission required(MethodDescriptor<?, ?> method) {
    return BY_METHOD.getOrDefault(method.getFullMethodName(), ADMINISTER);
  }

  private static Map.Entry<String, Permission> entry(MethodDescriptor<?, ?> method, Permission permission) {
    return Map.entry(method.getFullMethodName(), permission);
  }
}
