package io.milepost.engine.state;

/** The few places where H2 and PostgreSQL SQL differ. */
public enum Dialect {
  H2,
  POSTGRESQL;

  /** Locks selected rows so that several nodes never hand out the same job. */
  public String lockRowsSkipLocked() {
    return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }

  /** The dialect of a store, from its JDBC product name. */
  public static Dialect fromProductName(String productName) {
    return productName.toLowerCase().contains("postgres") ? POSTGRESQL : H2;
  }
}
