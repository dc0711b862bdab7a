package org.paternoster.dashboard.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The dashboard page as a person sees it, read through the DOM the page renders: what a test
 * asserts is what is on screen. Waits poll the DOM; the page updates itself from the event stream.
 */
public final class DashboardPage {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private final Browser browser;

  public DashboardPage(Browser browser) {
    this.browser = browser;
  }

  public DashboardPage open(String url) {
    browser.open(url);
    await("the page is live").atMost(PATIENCE).until(() -> text("connection").equals("live"));
    return this;
  }

  public String text(String id) {
    return browser.driver().findElement(By.id(id)).getText().strip();
  }

  public long viewNumber() {
    String text = text("view-number");
    return text.matches("\\d+") ? Long.parseLong(text) : -1;
  }

  public String primary() {
    return text("view-primary");
  }

  public String backup() {
    return text("view-backup");
  }

  public List<String> alerts() {
    return browser.driver().findElements(By.cssSelector("#alerts .alert")).stream().map(WebElement::getText).toList();
  }

  /** Leaves a mark in the window's JavaScript state; a reload would erase it. */
  public void markThisLoad() {
    browser.script("window.paternosterTestMark = 'not reloaded';");
  }

  public boolean reloadedSinceMark() {
    return !"not reloaded".equals(browser.script("return window.paternosterTestMark || null;"));
  }

  /**
   * The cells of the hall-call table's row for a call ({@code floor, direction, assignee, arrives
   * in, waiting}); empty when absent. Read in one script, so the page cannot re-render the table
   * between finding the cells and reading them: it replaces them on every snapshot, and element by
   * element (Chromium 156) every read went stale, for the whole life of the row.
   */
  public List<String> hallCallRow(int floor, String direction) {
    Object cells = browser.script("return Array.from(document.querySelectorAll(arguments[0])).map((td) => td.innerText.trim());",
        "#hall-calls tr[data-call='" + floor + ":" + direction + "'] td");
    return cells instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  /** The hall lamp of the building panel. */
  public boolean hallLampLit(int floor, String direction) {
    return quietly(() -> browser.driver().findElement(By.cssSelector("#hall-panel [data-lamp='" + floor + ":" + direction + "']"))
        .getDomAttribute("class").contains("lit"));
  }

  /** The floor where {@code elevator}'s car is drawn, or -1. */
  public int carFloor(String elevator) {
    return quietly(() -> {
      List<WebElement> floors = browser.driver().findElements(By.cssSelector(
          ".shaft[data-elevator='" + elevator + "'] .floor"));
      for (WebElement floor : floors) {
        if (!floor.findElements(By.className("car")).isEmpty()) return Integer.parseInt(floor.getDomAttribute("data-floor"));
      }
      return -1;
    });
  }

  public List<String> elevators() {
    return browser.driver().findElements(By.cssSelector(".shaft")).stream().map(e -> e.getDomAttribute("data-elevator")).toList();
  }

  /** Clicks the hall button on {@code elevator}'s panel (needs {@code --control}). */
  public void pressHall(String elevator, int floor, String direction) {
    browser.driver().findElement(By.cssSelector(".shaft[data-elevator='" + elevator + "'] button[data-control='hall:" + floor
        + ":" + direction + "']")).click();
  }

  public void killPrimary() {
    browser.driver().findElement(By.id("kill-primary")).click();
  }

  /** Waits until {@code condition} holds on the page. */
  public void awaitUntil(String what, Callable<Boolean> condition) {
    await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
        .ignoreExceptions().until(condition);
  }

  /**
   * Waits until what {@code read} returns satisfies {@code condition}; on timeout the failure
   * lists every distinct value read, in order, so a run that fails elsewhere says what the page showed.
   */
  public <T> T awaitValue(String what, Callable<T> read, java.util.function.Predicate<T> condition) {
    List<T> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      return await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
          .until(() -> {
            T value = read.call();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(value)) seen.add(value);
            return value;
          }, condition::test);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(what + ": the page showed, in turn, " + seen, e);
    }
  }

  /** The page re-renders parts of itself; an element read in the middle of that is simply read again. */
  private static <T> T quietly(Callable<T> read) {
    for (int attempt = 0; ; attempt++) {
      try {
        return read.call();
      } catch (StaleElementReferenceException | NoSuchElementException e) {
        if (attempt == 5) throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
