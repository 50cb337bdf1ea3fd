package io.milepost.host.step;

import io.milepost.host.sitedata.SiteDataReader;
import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What a plugin sees of one job: its site, variables, headers, retries, the stock and the site's data, and nothing of the host. */
final class JobStepContext implements StepContext {

  private final Site site;
  private final Map<String, Object> variables;
  private final Map<String, String> headers;
  private final int retriesLeft;
  private final JsonMapper json;
  private final Inventory inventory;
  private final SiteDataReader siteData;

  JobStepContext(Site site, Map<String, Object> variables, Map<String, String> headers, int retriesLeft,
      JsonMapper json, Inventory inventory, SiteDataReader siteData) {
    this.site = site;
    // LinkedHashMap copies: job variables may hold nulls, which Map.copyOf refuses.
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.retriesLeft = retriesLeft;
    this.json = json;
    this.inventory = inventory;
    this.siteData = siteData;
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
      return json.convertValue(variables, type);
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

  @Override
  public Inventory inventory() {
    return inventory;
  }

  @Override
  public List<Map<String, String>> siteData(DataSet dataSet) {
    return siteData.rows(dataSet);
  }
}
