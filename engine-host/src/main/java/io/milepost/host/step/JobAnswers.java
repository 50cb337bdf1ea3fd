package io.milepost.host.step;

import java.time.Duration;
import java.util.Map;

/** How the dispatcher answers the engine for a job: the engine API in process, or the official client. */
interface JobAnswers {

  void complete(long jobKey, Map<String, Object> variables);

  void throwError(long jobKey, String code, String message);

  void fail(long jobKey, int retries, Duration backoff, String message);
}
