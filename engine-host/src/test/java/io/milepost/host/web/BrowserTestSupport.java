package io.milepost.host.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * {@link WebTestSupport} with one headless Chromium per test. Skips (with the reason) only when chromium or
 * chromedriver is not installed.
 */
abstract class BrowserTestSupport extends WebTestSupport {

  Browser browser;

  @BeforeEach
  void openBrowser() {
    Browser.missing().ifPresent(reason -> Assumptions.abort(reason));
    browser = Browser.open(port);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
