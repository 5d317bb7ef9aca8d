package org.balint.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven over the DevTools protocol with the JDK's WebSocket client:
 * one browser, one page, and what the page logged and asked the network for.
 *
 * <p>The browser runs with a fresh profile in a temporary folder, no sandbox (tests run as root in
 * CI), and its background networking, component updates and sync switched off, so that the only
 * requests it makes are the page's own.
 */
final class HeadlessChromium implements AutoCloseable {
  /** Where Debian's package puts the browser. */
  static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

  private static final long WAIT_SECONDS = 60;
  private static final Pattern ENDPOINT = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final Object eventArrived = new Object();
  private final String session;

  private HeadlessChromium(Process process, Path profile, String endpoint) throws Exception {
    this.process = process;
    this.profile = profile;
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(endpoint), new Listener())
            .get(WAIT_SECONDS, TimeUnit.SECONDS);
    String target =
        browserCall("Target.createTarget", object().put("url", "about:blank"))
            .get("targetId")
            .asText();
    this.session =
        browserCall("Target.attachToTarget", object().put("targetId", target).put("flatten", true))
            .get("sessionId")
            .asText();
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      call(domain + ".enable", object());
    }
  }

  /**
   * Starts the browser.
   *
   * @param executable the browser
   * @return the browser, with one blank page open
   * @throws Exception if it does not start or answer
   */
  static HeadlessChromium start(Path executable) throws Exception {
    Path profile = Files.createTempDirectory("balint-chromium-profile");
    Process process =
        new ProcessBuilder(
                executable.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-extensions",
                "--disable-default-apps",
                "--hide-scrollbars",
                "--mute-audio",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                  Matcher matcher = ENDPOINT.matcher(line);
                  if (matcher.find()) {
                    endpoint.complete(matcher.group(1));
                  }
                }
                endpoint.completeExceptionally(
                    new IOException("chromium closed before it listened"));
              } catch (IOException e) {
                endpoint.completeExceptionally(e);
              }
            },
            "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      return new HeadlessChromium(process, profile, endpoint.get(WAIT_SECONDS, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      deleteTree(profile);
      throw e;
    }
  }

  /**
   * Opens a page and waits for its load event, forgetting what earlier pages logged.
   *
   * @param url the page
   */
  void open(URI url) throws Exception {
    events.clear();
    call("Page.navigate", object().put("url", url.toString()));
    awaitEvent("Page.loadEventFired");
  }

  /**
   * Evaluates an expression in the page.
   *
   * @param expression JavaScript
   * @return its value, as JSON
   */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        call("Runtime.evaluate", object().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("the expression failed: " + result.get("exceptionDetails"));
    }
    return result.get("result").path("value");
  }

  /**
   * The errors the page logged or threw since it was opened.
   *
   * @return one line an error
   */
  List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : events) {
      String method = event.path("method").asText();
      JsonNode params = event.path("params");
      if (method.equals("Runtime.exceptionThrown")) {
        errors.add("exception: " + params.path("exceptionDetails"));
      } else if (method.equals("Runtime.consoleAPICalled")
          && (params.path("type").asText().equals("error")
              || params.path("type").asText().equals("assert"))) {
        errors.add("console: " + params.path("args"));
      } else if (method.equals("Log.entryAdded")
          && params.path("entry").path("level").asText().equals("error")) {
        errors.add("log: " + params.path("entry").path("text").asText());
      }
    }
    return errors;
  }

  /**
   * The URLs the page asked for since it was opened, the page itself included.
   *
   * @return the URLs, in order
   */
  List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (JsonNode event : events) {
      if (event.path("method").asText().equals("Network.requestWillBeSent")) {
        urls.add(event.path("params").path("request").path("url").asText());
      }
    }
    return urls;
  }

  /**
   * Writes a PNG of the whole page at a width.
   *
   * @param width the viewport's width in CSS pixels
   * @param mobile whether to emulate a phone (touch, mobile viewport)
   * @param file where the PNG goes
   */
  void screenshot(int width, boolean mobile, Path file) throws Exception {
    call(
        "Emulation.setDeviceMetricsOverride",
        object()
            .put("width", width)
            .put("height", 900)
            .put("deviceScaleFactor", 1)
            .put("mobile", mobile));
    JsonNode size = call("Page.getLayoutMetrics", object()).get("cssContentSize");
    ObjectNode clip =
        object()
            .put("x", 0)
            .put("y", 0)
            .put("width", width)
            .put("height", Math.ceil(size.get("height").asDouble()))
            .put("scale", 1);
    ObjectNode params = object().put("format", "png").put("captureBeyondViewport", true);
    params.set("clip", clip);
    String data = call("Page.captureScreenshot", params).get("data").asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  @Override
  public void close() throws Exception {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } finally {
      // Chromium's helpers (zygote, renderers, crash handler) outlive the browser by a moment and
      // write into the profile while it goes: stop them all and wait before removing it.
      List<ProcessHandle> helpers = process.descendants().toList();
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroyForcibly();
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
      deleteTree(profile);
    }
  }

  private JsonNode call(String method, ObjectNode params) throws Exception {
    return send(method, params, session);
  }

  private JsonNode browserCall(String method, ObjectNode params) throws Exception {
    return send(method, params, null);
  }

  private JsonNode send(String method, ObjectNode params, String sessionId) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = object().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JsonNode reply = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IOException(method + " failed: " + reply.get("error"));
    }
    return reply.get("result");
  }

  private void awaitEvent(String method) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    synchronized (eventArrived) {
      while (events.stream().noneMatch(e -> e.path("method").asText().equals(method))) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("the page sent no " + method + " in " + WAIT_SECONDS + " s");
        }
        TimeUnit.NANOSECONDS.timedWait(eventArrived, left);
      }
    }
  }

  private static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Removes the profile; a file a late helper still wrote is tried again a few times. */
  private static void deleteTree(Path root) throws IOException {
    for (int attempt = 1; ; attempt++) {
      if (!Files.exists(root)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
        return;
      } catch (IOException e) {
        if (attempt == 5) {
          throw e;
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Routes answers to their callers and keeps events, joining fragmented messages. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        try {
          JsonNode node = JSON.readTree(message.toString());
          if (node.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(node.get("id").asInt());
            if (answer != null) {
              answer.complete(node);
            }
          } else {
            events.add(node);
            synchronized (eventArrived) {
              eventArrived.notifyAll();
            }
          }
        } catch (IOException e) {
          pending.values().forEach(answer -> answer.completeExceptionally(e));
        }
        message.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
