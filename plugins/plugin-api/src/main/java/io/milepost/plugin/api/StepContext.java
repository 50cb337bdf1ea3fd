package io.milepost.plugin.api;

import java.util.List;
import java.util.Map;

/**
 * What a {@link StepHandler} sees of the job it handles: the site, the job's variables and headers.
 *
 * <p>A handler gets nothing else from the host: no engine, no database, no framework. Everything a step
 * decides on comes from here (or from data the plugin carries); the network's stock, which changes as
 * orders and shipments move, comes through {@link #inventory()}.
 */
public interface StepContext {

  /** The site the job runs for: the one named by the job's {@code siteId} variable. */
  Site site();

  /**
   * The job's variables as JSON-like values: {@code Map}, {@code List}, {@code String}, {@code Number},
   * {@code Boolean} or {@code null}. The map is read-only.
   */
  Map<String, Object> variables();

  /**
   * The job's variables mapped onto a type of the plugin, for example a record with one component per
   * variable the step reads. The host does the mapping with Jackson; variables the type does not
   * declare are ignored.
   *
   * @throws IllegalArgumentException when the variables do not fit the type
   */
  <T> T variables(Class<T> type);

  /** The task headers of the job's service task ({@code zeebe:taskHeaders}); read-only, maybe empty. */
  Map<String, String> headers();

  /** How many more times the job may fail before it becomes an incident, this attempt included. */
  int retriesLeft();

  /**
   * The network's stock, to read and change on behalf of this job (see {@link Inventory}).
   *
   * <p>A default method, so a context built against an older API still compiles; such a context keeps no
   * stock and says so.
   *
   * @throws UnsupportedOperationException when the host gives this step no stock
   */
  default Inventory inventory() {
    throw new UnsupportedOperationException("Expected the host to keep the network's stock, but this step context ("
        + getClass().getName() + ") has none");
  }

  /**
   * The rows of the data set as this job's site uses it now: the site's own copy if it has one, else the
   * plugin's bundled copy for the site. The host notes in the step's record which version the job read.
   *
   * <p>A default method: a context that keeps no site data gives the bundled copy.
   */
  default List<Map<String, String>> siteData(DataSet dataSet) {
    return dataSet.rows(dataSet.defaultCsv().apply(site().id()));
  }
}
