package io.milepost.network;

/** The shipping label the SLAM step prints, the same for every building type. */
public final class Labels {
  private Labels() {}

  /**
   * The tracking id of an order's package shipped from a site, e.g. {@code MPFCWEST1-o-1001}. Same site
   * and order, same tracking id: a re-run SLAM reprints the label instead of making a new one.
   */
  public static String trackingId(String siteId, String orderId) {
    return "MP" + siteId.replace("-", "").toUpperCase() + "-" + orderId;
  }
}
