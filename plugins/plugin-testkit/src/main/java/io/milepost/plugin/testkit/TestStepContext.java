package io.milepost.plugin.testkit;

import io.milepost.plugin.api.DataSet;
import io.milepost.plugin.api.Inventory;
import io.milepost.plugin.api.Site;
import io.milepost.plugin.api.StepContext;
import io.milepost.plugin.context.JsonStepContext;
import io.milepost.plugin.context.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link StepContext}s for unit tests of a {@link io.milepost.plugin.api.StepHandler}: the very
 * implementation engine-host gives a handler ({@link JsonStepContext}), so variables arrive as they do in
 * the host (plain JSON values: a whole number is an {@code Integer}, never the test's {@code Long}; a record
 * becomes a map) and {@link StepContext#variables(Class)} maps them the same way.
 *
 * <pre>{@code
 * var context = TestStepContext.at(DemoNetwork.FC_WEST_1)
 *     .variablesFromJson("{\"order\": {\"orderId\": \"o-1\", \"items\": []}}")
 *     .siteData("slotting", "sku,location\nMG-4001,P099-Z-09")
 *     .build();
 * StepResult result = new PickHandler().handle(context);
 * }</pre>
 */
public final class TestStepContext {

  private TestStepContext() {}

  /** Starts a context for a job at {@code site}, with no variables, no headers, 3 retries left and no stock. */
  public static Builder at(Site site) {
    return new Builder(site);
  }

  /** Starts a context for a job at the demo network's site with this id. */
  public static Builder at(String demoSiteId) {
    return new Builder(DemoNetwork.site(demoSiteId));
  }

  /** Collects the variables, headers, retries, stock and site data of a test's step context. */
  public static final class Builder {
    private final Site site;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> siteData = new LinkedHashMap<>();
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
      variables.putAll(JsonValues.parseObject(jsonObject));
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

    /**
     * The site's own copy of a data set, as {@code PUT /api/sites/{siteId}/data/{dataSet}} would store it;
     * data sets not given here are the plugin's bundled copy.
     */
    public Builder siteData(String dataSet, String csv) {
      siteData.put(dataSet, csv);
      return this;
    }

    public StepContext build() {
      Map<String, String> ownCopies = Map.copyOf(siteData);
      return new JsonStepContext(site, variables, headers, retriesLeft, inventory,
          dataSet -> rows(dataSet, ownCopies.get(dataSet.name())));
    }

    private List<Map<String, String>> rows(DataSet dataSet, String ownCopy) {
      if (ownCopy == null) {
        return dataSet.rows(dataSet.defaultCsv().apply(site.id()));
      }
      DataSet.Parsed parsed = dataSet.parse(ownCopy);
      if (!parsed.problems().isEmpty()) {
        throw new IllegalArgumentException("Expected a " + dataSet.name() + " file the host would accept, but: "
            + String.join("; ", parsed.problems()));
      }
      return parsed.rows();
    }
  }
}
