package io.milepost.host.sitedata;

import java.time.Instant;

/** One stored version of a site's copy of a data set. */
record SiteDataVersion(String siteId, String dataSet, int version, String content, int rowCount, String changedBy,
    String reason, Instant changedAt) {}
