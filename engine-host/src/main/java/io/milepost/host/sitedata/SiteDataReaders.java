package io.milepost.host.sitedata;

/** Hands each job a {@link SiteDataReader} for its site. */
public final class SiteDataReaders {

  private final SiteDataVersions versions;
  private final ParsedSiteData parsed = new ParsedSiteData();

  SiteDataReaders(SiteDataVersions versions) {
    this.versions = versions;
  }

  public SiteDataReader forSite(String siteId) {
    return new SiteDataReader(versions, parsed, siteId);
  }
}
