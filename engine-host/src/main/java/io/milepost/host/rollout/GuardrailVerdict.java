package io.milepost.host.rollout;

import java.util.Optional;

/**
 * What one look at a baking wave found.
 *
 * @param breach the first limit broken, if any
 * @param enoughData whether every affected job type had at least minJobs at the canary and the baseline
 * @param summary the figures behind it, for the log and a pause reason
 */
record GuardrailVerdict(Optional<Breach> breach, boolean enoughData, String summary) {}
