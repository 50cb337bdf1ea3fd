package io.milepost.host.audit;

import java.security.Principal;

/** Who the audit log names for a request: the authenticated user, else {@code anonymous}. */
public final class Actors {

  public static final String ANONYMOUS = "anonymous";
  /** The rollout guardrails, acting on their own. */
  public static final String GUARDRAIL = "guardrail";
  /** The host itself, e.g. falling back from a plugin jar that is missing at start. */
  public static final String SYSTEM = "system";

  private Actors() {}

  /** The request's principal (Spring Security sets it on the servlet request) or {@code anonymous}. */
  public static String of(Principal principal) {
    return principal == null || principal.getName() == null || principal.getName().isBlank()
        ? ANONYMOUS : principal.getName();
  }
}
