package io.milepost.plugin.context;

import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/**
 * The one {@link StepContext}: what a plugin sees of one job. engine-host builds it for every job and
 * the plugin testkit for every test, so a handler sees the same variables ({@link JsonValues}) and the
 * same mapping onto its types in both.
 */
public final class JsonStepContext implements StepContext {

  /** Where a context reads the job's site data: the site's own copy of a data set, or the bundled one. */
  @FunctionalInterface
  public interface SiteData {
    List<Map<String, String>> rows(DataSet dataSet);
  }

  private final Site site;
  private final Map<String, Object> variables;
  private final Map<String, String> headers;
  private final int retriesLeft;
  private final Inventory inventory;
  private final SiteData siteData;

  /**
   * A context for a job at {@code site}; {@code variables} may hold any values, they are made plain JSON;
   * {@code inventory} may be null for a step that keeps no stock.
   */
  public JsonStepContext(Site site, Map<String, ?> variables, Map<String, String> headers, int retriesLeft,
      Inventory inventory, SiteData siteData) {
    this.site = Objects.requireNonNull(site, "site");
    this.variables = JsonValues.plain(variables);
    // LinkedHashMap copies: unlike Map.copyOf they keep the order and accept what a client sends.
    this.headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.retriesLeft = retriesLeft;
    this.inventory = inventory;
    this.siteData = Objects.requireNonNull(siteData, "siteData");
  }

  @Override
  public Site site() {
    return site;
  }

  @Override
  public Map<String, Object> variables() {
    return variables;
  }

  @Override
  public <T> T variables(Class<T> type) {
    try {
      return JsonValues.MAPPER.convertValue(variables, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Expected the job's variables to fit " + type.getName() + ", but: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public int retriesLeft() {
    return retriesLeft;
  }

  /** The network's stock; a context made without one (a test of a step that needs none) says it has none. */
  @Override
  public Inventory inventory() {
    return inventory == null ? StepContext.super.inventory() : inventory;
  }

  @Override
  public List<Map<String, String>> siteData(DataSet dataSet) {
    return siteData.rows(dataSet);
  }
}
