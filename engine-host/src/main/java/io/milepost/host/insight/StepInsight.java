package io.milepost.host.insight;

import io.milepost.host.insight.SampleStats.MeasureStats;
import java.time.Instant;
import java.util.Map;

/**
 * The figures of one site, job type and plugin version (in one time bucket, if asked for).
 *
 * @param bucketStart the bucket's start, null without buckets
 * @param throughputPerHour jobs per hour over the window (the bucket, the asked window, or first to last record)
 */
public record StepInsight(Instant bucketStart, String siteId, String jobType, String pluginId, String pluginVersion,
    long count, double failureRate, double bpmnErrorRate, Double p50Ms, Double p95Ms, double throughputPerHour,
    Map<String, MeasureStats> measures) {}
