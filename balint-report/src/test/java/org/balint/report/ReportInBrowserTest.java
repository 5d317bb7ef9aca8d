package org.balint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.balint.json.BalintJson;
import org.balint.session.GroupRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Opens reports in Debian's headless Chromium, one browser for all the tests: the three-session
 * test document and the project's example document. Writes screenshots to {@code
 * target/report-browser/} for a person to look at.
 *
 * <p>Where there is no {@code /usr/bin/chromium} the tests are skipped with the reason printed,
 * except under CI ({@code CI} set), where that is a failure: CI installs the browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportInBrowserTest {
  private static final Path OUT = Path.of("target", "report-browser");
  private static final Path EXAMPLE = Path.of("..", "examples", "riverside.json");

  private HeadlessChromium browser;
  private URI threeSessions;
  private URI example;

  @BeforeAll
  void startBrowser() throws Exception {
    if (!Files.isExecutable(HeadlessChromium.DEBIAN_CHROMIUM)) {
      String reason =
          "no browser at " + HeadlessChromium.DEBIAN_CHROMIUM + " (apt-get install chromium)";
      if (System.getenv("CI") != null) {
        throw new AssertionError(reason + "; CI must install it");
      }
      System.out.println("ReportInBrowserTest skipped: " + reason);
      Assumptions.abort(reason);
    }
    HtmlReport report = HtmlReport.builder().build();
    threeSessions =
        write(report, HtmlReportTest.read(HtmlReportTest.THREE_SESSIONS), "three-sessions.html");
    GroupRecord riverside;
    try (InputStream in = Files.newInputStream(EXAMPLE)) {
      riverside = BalintJson.read(in);
    }
    example = write(report, riverside, "riverside.html");
    browser = HeadlessChromium.start(HeadlessChromium.DEBIAN_CHROMIUM);
  }

  @AfterAll
  void stopBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  private static URI write(HtmlReport report, GroupRecord record, String name) throws IOException {
    Files.createDirectories(OUT);
    Path file = OUT.resolve(name).toAbsolutePath();
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      report.write(List.of(record), out);
    }
    return file.toUri();
  }

  private void assertOpensCleanly(URI page) throws Exception {
    browser.open(page);
    assertEquals(List.of(), browser.errors(), "errors in the console of " + page);
    for (String url : browser.requests()) {
      assertTrue(
          url.equals(page.toString()) || url.startsWith("data:"),
          "a request left the page: " + url);
    }
  }

  private int chartsDrawn() throws Exception {
    return browser
        .evaluate(
            "[...document.querySelectorAll('figure.chart svg')].filter(svg => {"
                + " const box = svg.getBoundingClientRect();"
                + " return box.width > 200 && box.height > 80 && svg.querySelectorAll('rect, path').length > 5;"
                + "}).length")
        .asInt();
  }

  @Test
  void threeSessions_opensWithoutErrorsAndFetchesNothing() throws Exception {
    assertOpensCleanly(threeSessions);
  }

  @Test
  void threeSessions_drawsItsCharts() throws Exception {
    browser.open(threeSessions);
    assertEquals(10, chartsDrawn());
  }

  @Test
  void markupInAContribution_showsAsTextAndNeverRuns() throws Exception {
    browser.open(threeSessions);
    assertEquals(
        "Balint report: Willow Lane GP Balint group", browser.evaluate("document.title").asText());
    assertEquals(
        0,
        browser
            .evaluate("document.querySelectorAll('script, img, iframe, object').length")
            .asInt());
    String text = browser.evaluate("document.body.innerText").asText();
    assertTrue(
        text.contains("She wrote <script>document.title='broken'</script> in the online form"),
        "script shown");
    assertTrue(
        text.contains("I would <img src=x onerror=\"document.title='broken'\"> book her"),
        "img shown");
  }

  @Test
  void example_opensWithoutErrorsAndDrawsItsCharts() throws Exception {
    assertOpensCleanly(example);
    assertTrue(chartsDrawn() >= 3, "fewer than three charts drawn");
  }

  @Test
  void screenshots_atLaptopAndPhoneWidth() throws Exception {
    browser.open(threeSessions);
    browser.screenshot(1280, false, OUT.resolve("three-sessions.png"));
    browser.screenshot(390, true, OUT.resolve("three-sessions-phone.png"));
    assertTrue(
        browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean(),
        "the page is wider than a phone");
    assertTrue(Files.size(OUT.resolve("three-sessions.png")) > 10_000);
    assertTrue(Files.size(OUT.resolve("three-sessions-phone.png")) > 10_000);
  }

  @Test
  void harness_seesAnErrorAndARequestOutOfThePage() throws Exception {
    Path page = OUT.resolve("harness-check.html").toAbsolutePath();
    Files.writeString(
        page,
        "<!DOCTYPE html><title>check</title><script>console.error('seen')</script>"
            + "<img src=\"http://127.0.0.1:9/nothing.png\" alt=\"\">",
        StandardCharsets.UTF_8);

    browser.open(page.toUri());

    assertTrue(
        browser.errors().stream().anyMatch(error -> error.contains("seen")),
        browser.errors()::toString);
    assertTrue(
        browser.requests().contains("http://127.0.0.1:9/nothing.png"),
        browser.requests()::toString);
  }
}
