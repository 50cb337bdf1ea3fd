package io.milepost.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, with the
 * helpers the journeys share: open a page, wait for it, save a screenshot under {@code target/screenshots/},
 * and fail on any error the page logged to its console.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** Why browser tests cannot run here, or empty when chromium and chromedriver are installed. */
  static Optional<String> missing() {
    if (find(CHROMIUM).isEmpty() || find(DRIVER).isEmpty()) {
      return Optional.of("Browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium"
          + " chromium-driver); looked for " + CHROMIUM + " and " + DRIVER);
    }
    return Optional.empty();
  }

  static Browser open(int port) {
    try {
      Path profile = Files.createTempDirectory("milepost-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(find(CHROMIUM).orElseThrow());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
          "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
      LoggingPreferences logging = new LoggingPreferences();
      logging.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logging);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(find(DRIVER).orElseThrow()))
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile, "http://localhost:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  void get(String path) {
    driver.get(base + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  /** Signs in through the login form and waits for the page it leads to. */
  void login(String username, String password) {
    get("/login");
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.cssSelector("form button[type=submit]"));
    waitFor(d -> !path().startsWith("/login"));
  }

  /**
   * Waits until the element is on the page and returns it. Use it at once or not at all: a live page (live.js,
   * tasks.js) may replace the element a moment later, so every action below finds its element afresh.
   */
  WebElement find(By by) {
    return waitFor(d -> d.findElement(by));
  }

  /** Clicks the element, found afresh until the click lands (a live page may swap it between finding and clicking). */
  void click(By by) {
    waitFor(d -> {
      d.findElement(by).click();
      return true;
    });
  }

  /** Types into the element, found afresh until the keys land. */
  void type(By by, CharSequence... keys) {
    waitFor(d -> {
      d.findElement(by).sendKeys(keys);
      return true;
    });
  }

  /** Chooses the option with this value in the select element, found afresh until the choice lands. */
  void select(By by, String value) {
    waitFor(d -> {
      new Select(d.findElement(by)).selectByValue(value);
      return true;
    });
  }

  /** The element's text, read from the element as found in the same attempt. */
  String text(By by) {
    return waitFor(d -> d.findElement(by).getText());
  }

  /**
   * The element's text once it passes the check, as the page may still be drawing an answer (a claim, a rollback);
   * when it never does within the wait, the last text seen, so the caller's assertion shows what the page said.
   */
  String textOnce(By by, Predicate<String> settled) {
    AtomicReference<String> last = new AtomicReference<>("");
    try {
      return waitFor(d -> {
        last.set(d.findElement(by).getText());
        return settled.test(last.get()) ? last.get() : null;
      });
    } catch (TimeoutException e) {
      return last.get();
    }
  }

  /** The texts of all elements that match, once there is at least one (an empty list would end a wait at once). */
  List<String> texts(By by) {
    return waitFor(d -> {
      List<String> texts = d.findElements(by).stream().map(WebElement::getText).toList();
      return texts.isEmpty() ? null : texts;
    });
  }

  List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.NoSuchElementException.class)
        // live pages swap parts of themselves (live.js): an element found a moment ago may have been replaced
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves the page as {@code target/screenshots/<name>.png} (the whole page's height, up to 3000 px). */
  void screenshot(String name) {
    Dimension window = driver.manage().window().getSize();
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(3000, height.intValue() + 140)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  /** Fails when the pages logged an error to the console since the last call. */
  void assertNoConsoleErrors() {
    List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  /**
   * Fails when a visible form control has no label (a {@code <label for>}, an enclosing label, {@code aria-label}
   * or {@code aria-labelledby}), or when a visible link, button or control is taken out of the keyboard's reach
   * ({@code tabindex="-1"}).
   */
  void assertLabelledAndKeyboardReachable() {
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) driver.executeScript("""
        const visible = (e) => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden';
        const name = (e) => e.outerHTML.substring(0, 120);
        const problems = [];
        document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((e) => {
          const labelled = (e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]'))
            || e.closest('label') || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
          if (visible(e) && !labelled) problems.push('no label: ' + name(e));
        });
        document.querySelectorAll('a[href], button, input, select, textarea').forEach((e) => {
          if (visible(e) && e.getAttribute('tabindex') === '-1') problems.push('not keyboard reachable: ' + name(e));
        });
        return problems;""");
    assertThat(problems).as("controls without a label or out of the keyboard's reach on " + path()).isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp directory the OS cleans up anyway
    }
  }

  private static Optional<String> find(List<String> candidates) {
    return candidates.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
  }
}
