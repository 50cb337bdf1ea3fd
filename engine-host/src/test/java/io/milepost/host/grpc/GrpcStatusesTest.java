package io.milepost.host.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.milepost.engine.api.RejectionException;
import io.milepost.engine.api.RejectionType;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class GrpcStatusesTest {

  @Test
  void shouldMapEachRejectionTypeAndKeepTheEnginesMessage() {
    assertThat(status(new RejectionException(RejectionType.NOT_FOUND, "Expected job 1, but none")))
        .extracting(Status::getCode, Status::getDescription)
        .containsExactly(Status.Code.NOT_FOUND, "Expected job 1, but none");
    assertThat(status(new RejectionException(RejectionType.INVALID_ARGUMENT, "bad")).getCode())
        .isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status(new RejectionException(RejectionType.INVALID_STATE, "done")).getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldUnwrapTheFailureOfAFuture() {
    assertThat(status(new CompletionException(new RejectionException(RejectionType.INVALID_STATE, "cancelled")))
        .getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void shouldAnswerInternalForAnythingElseWithAnErrorIdButNotTheExceptionText() {
    Status status = status(new IllegalStateException("store closed"));

    assertThat(status.getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getDescription())
        .matches("An unexpected error occurred; the server log has its details under error id [0-9a-f-]{36}")
        .doesNotContain("store closed");
  }

  @Test
  void shouldAnswerUnavailableWithoutAStackTraceWhenTheHeapRanOutAnywhereInTheCauseChain() {
    StatusRuntimeException answer = GrpcStatuses.of("CompleteJob", new CompletionException(
        new IllegalStateException("The engine failed while answering the command",
            new OutOfMemoryError("Java heap space"))));

    assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(answer.getStatus().getDescription()).startsWith(
        "Expected memory to answer the request, but the host's heap ran out meanwhile (Java heap space)");
    assertThat(answer.getStackTrace()).isEmpty();
  }

  @Test
  void shouldKeepAStatusAlreadyChosen() {
    StatusRuntimeException chosen = Status.ALREADY_EXISTS.withDescription("dup").asRuntimeException();

    assertThat(GrpcStatuses.of("PublishMessage", chosen)).isSameAs(chosen);
  }

  private static Status status(Throwable failure) {
    return GrpcStatuses.of("CompleteJob", failure).getStatus();
  }
}
