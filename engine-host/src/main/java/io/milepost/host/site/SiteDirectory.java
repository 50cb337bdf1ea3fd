package io.milepost.host.site;

import io.milepost.plugin.api.Site;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The sites of the network, by id, in configuration order. */
public final class SiteDirectory {

  private final Map<String, Site> sites;

  SiteDirectory(Collection<Site> sites) {
    Map<String, Site> byId = new LinkedHashMap<>();
    for (Site site : sites) {
      if (byId.putIfAbsent(site.id(), site) != null) {
        throw new IllegalStateException("Expected unique site ids in milepost.sites, but '" + site.id()
            + "' is declared twice");
      }
    }
    this.sites = Collections.unmodifiableMap(byId);
  }

  public Optional<Site> find(String siteId) {
    return Optional.ofNullable(sites.get(siteId));
  }

  public Collection<Site> all() {
    return sites.values();
  }
}
