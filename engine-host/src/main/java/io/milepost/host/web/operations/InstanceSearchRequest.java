package io.milepost.host.web.operations;

import io.milepost.engine.api.ProcessInstanceState;
import java.time.LocalDateTime;

/**
 * The instance search form: every field may be empty.
 *
 * @param businessId an order id, shipment id or parcel tracking id
 * @param siteId a site that ran one of the instance's steps
 * @param from started at or after (UTC)
 * @param to started before (UTC)
 * @param withIncident only instances with an open incident
 */
public record InstanceSearchRequest(String process, ProcessInstanceState state, String businessId, String siteId,
    LocalDateTime from, LocalDateTime to, boolean withIncident, int page) {

  public static final int PAGE_SIZE = 25;

  public InstanceSearchRequest {
    process = blankToNull(process);
    businessId = blankToNull(businessId);
    siteId = blankToNull(siteId);
    page = Math.max(0, page);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
