package org.paternoster.dashboard.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium (Debian's {@code chromium}, or Ubuntu's {@code chromium-browser}) driven by Selenium, with a fresh profile each time. When
 * {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, {@link #start} skips the
 * test (a JUnit assumption) and says how to install them. Never uses the network: Selenium
 * Manager is bypassed by naming both binaries.
 */
public final class Browser implements AutoCloseable {
  /** Debian's name, else Ubuntu's. */
  public static final Path CHROMIUM = Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.exists(Path.of("/usr/bin/chromium-browser"))
      ? Path.of("/usr/bin/chromium") : Path.of("/usr/bin/chromium-browser");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A browser window of {@code width} × {@code height} CSS pixels. */
  public static Browser start(int width, int height) {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium chromium-driver)");
    Path profile;
    try {
      profile = Files.createTempDirectory("dashboard-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--hide-scrollbars");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
    Browser browser = new Browser(driver, profile);
    browser.resize(width, height);
    return browser;
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  /** Console messages at SEVERE since the last call: script errors, failed loads, CSP violations. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  /** The page is wider than the window: something sticks out sideways. */
  public boolean overflowsSideways() {
    Object overflow = script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    return Boolean.TRUE.equals(overflow);
  }

  /**
   * Makes the page's viewport {@code width} × {@code height} CSS pixels, as a phone or a desktop
   * screen of that size shows it (the window itself is a little larger).
   */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    List<?> inner = (List<?>) script("return [window.innerWidth, window.innerHeight];");
    int dw = width - ((Number) inner.get(0)).intValue();
    int dh = height - ((Number) inner.get(1)).intValue();
    if (dw != 0 || dh != 0) driver.manage().window().setSize(new Dimension(width + dw, height + dh));
  }

  /** A PNG of the window, or of the whole page at the window's width. */
  public void screenshot(Path file, boolean fullPage) {
    save(file, driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", fullPage)));
  }

  /** A PNG of the page's band from {@code top} down, {@code height} CSS pixels high, at the window's width. */
  public void screenshotBand(Path file, int top, int height) {
    int width = ((Number) script("return document.documentElement.clientWidth;")).intValue();
    save(file, driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1))));
  }

  private static void save(Path file, Map<String, Object> result) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a temp directory left behind is harmless
      }
    }
  }
}
