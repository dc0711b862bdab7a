package org.paternoster.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paternoster.process.ChildProcess;
import org.paternoster.view.ViewServiceMain;

/** The multi-process test kit itself: a frozen child stops answering, a continued one answers again. */
class ChildProcessIT {
  @RegisterExtension final ChildProcesses children = new ChildProcesses();
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void sigstopFreezesAndSigcontResumesAndKill9Ends() throws Exception {
    ChildProcess child = children.start("frozen-view-service", ViewServiceMain.class, "--port", "0", "--discovery", "none");
    String port = child.awaitLogLine("listening on http://127\\.0\\.0\\.1:(\\d+)", Duration.ofSeconds(30)).group(1);
    URI health = URI.create("http://127.0.0.1:" + port + "/health");

    // A cold JVM on a busy machine may take longer than one request timeout to answer the first time.
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> get(health) == 200);
    child.sigstop();
    assertThatThrownBy(() -> get(health)).isInstanceOf(HttpTimeoutException.class);
    child.sigcont();
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> get(health) == 200);
    child.kill9();
    assertThat(child.isAlive()).isFalse();
  }

  private int get(URI uri) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(500)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
