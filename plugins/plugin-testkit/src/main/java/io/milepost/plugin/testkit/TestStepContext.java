package io.milepost.plugin.testkit;

import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link StepContext} for unit tests of a {@link io.milepost.plugin.api.StepHandler}.
 *
 * <p>Variables go through a JSON round trip on the way in, so a handler sees what it would see in the
 * host: maps, lists, strings, numbers ({@code Integer}, {@code Long}, {@code Double}...), booleans and
 * nulls, never the test's own objects. {@link #variables(Class)} maps them with Jackson as the host does.
 *
 * <pre>{@code
 * var context = TestStepContext.at(DemoNetwork.FC_WEST_1)
 *     .variablesFromJson("{\"order\": {\"orderId\": \"o-1\", \"items\": []}}")
 *     .build();
 * StepResult result = new PickHandler().handle(context);
 * }</pre>
 */
public final class TestStepContext implements StepContext {

  static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Site site;
  private final Map<String, Object> variables;
  private final Map<String, String> headers;
  private final int retriesLeft;
  private final Inventory inventory;

  private TestStepContext(Builder builder) {
    this.site = builder.site;
    this.variables = Collections.unmodifiableMap(jsonRoundTrip(builder.variables));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.retriesLeft = builder.retriesLeft;
    this.inventory = builder.inventory;
  }

  /** Starts a context for a job at {@code site}, with no variables, no headers, 3 retries left and no stock. */
  public static Builder at(Site site) {
    return new Builder(site);
  }

  /** Starts a context for a job at the demo network's site with this id. */
  public static Builder at(String demoSiteId) {
    return new Builder(DemoNetwork.site(demoSiteId));
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
      return JSON.convertValue(variables, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Expected the variables to fit " + type.getName() + ", but: " + e.getOriginalMessage(), e);
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

  private static Map<String, Object> jsonRoundTrip(Map<String, Object> variables) {
    String json = JSON.writeValueAsString(variables);
    return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  /** Collects the variables, headers and retries of a {@link TestStepContext}. */
  public static final class Builder {
    private final Site site;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int retriesLeft = 3;
    private Inventory inventory = new TestInventory();

    private Builder(Site site) {
      this.site = Objects.requireNonNull(site, "site");
    }

    /** Sets one variable; records and other objects are converted to JSON-like values. */
    public Builder variable(String name, Object value) {
      variables.put(name, value);
      return this;
    }

    /** Sets all these variables. */
    public Builder variables(Map<String, ?> values) {
      variables.putAll(values);
      return this;
    }

    /** Sets the variables of a JSON object, e.g. an {@code order} copied from the README. */
    public Builder variablesFromJson(String jsonObject) {
      variables.putAll(JSON.readValue(jsonObject, new TypeReference<LinkedHashMap<String, Object>>() {}));
      return this;
    }

    /** Sets one task header. */
    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** Sets how many retries the job has left. */
    public Builder retriesLeft(int retries) {
      this.retriesLeft = retries;
      return this;
    }

    /** The stock the handler sees; an empty {@link TestInventory} unless set. */
    public Builder inventory(Inventory stock) {
      this.inventory = Objects.requireNonNull(stock, "stock");
      return this;
    }

    public TestStepContext build() {
      return new TestStepContext(this);
    }
  }
}
