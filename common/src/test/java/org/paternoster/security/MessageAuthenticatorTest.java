package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MessageAuthenticatorTest {
  private static final ClusterSecret SECRET = ClusterSecret.of("s".repeat(32));
  private static final byte[] BODY = "{\"call\":1}".getBytes(StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final MessageAuthenticator sender = new MessageAuthenticator(SECRET, now::get, 30_000);
  private final MessageAuthenticator receiver = new MessageAuthenticator(SECRET, now::get, 30_000);

  @Test
  void aSignedRequestIsAcceptedOnceAndItsAnswerOnlyForIt() {
    var signed = sender.signRequest("POST", "/replication/forward", BODY);
    var verdict = receiver.checkRequest(signed.header(), "POST", "/replication/forward", BODY);
    assertThat(verdict).isEqualTo(new MessageAuthenticator.Verdict.Accepted(signed.nonce()));
    assertThat(receiver.checkRequest(signed.header(), "POST", "/replication/forward", BODY))
        .isEqualTo(new MessageAuthenticator.Verdict.Refused("replayed message"));

    String answer = receiver.signResponse(signed.nonce(), 200, BODY);
    assertThat(sender.checkResponse(answer, signed.nonce(), 200, BODY)).isTrue();
    assertThat(sender.checkResponse(answer, signed.nonce(), 503, BODY)).as("another status").isFalse();
    assertThat(sender.checkResponse(answer, "another-nonce", 200, BODY)).as("an answer to another request").isFalse();
    assertThat(sender.checkResponse(answer, signed.nonce(), 200, "{}".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(sender.checkResponse(null, signed.nonce(), 200, BODY)).isFalse();
  }

  @Test
  void anyAlteredPartOrAnotherSecretIsRefused() {
    var signed = sender.signRequest("POST", "/orders", BODY);
    assertRefused(receiver.checkRequest(signed.header(), "POST", "/orders", "{\"call\":2}".getBytes(StandardCharsets.UTF_8)), "bad");
    assertRefused(receiver.checkRequest(signed.header(), "PUT", "/orders", BODY), "bad");
    assertRefused(receiver.checkRequest(signed.header(), "POST", "/orders/served", BODY), "bad");
    assertRefused(receiver.checkRequest(signed.header().replace(";ts=" + now.get(), ";ts=" + (now.get() + 1)), "POST", "/orders", BODY), "bad");
    var stranger = new MessageAuthenticator(ClusterSecret.of("t".repeat(32)), now::get, 30_000);
    var forged = stranger.signRequest("POST", "/orders", BODY);
    assertRefused(receiver.checkRequest(forged.header(), "POST", "/orders", BODY), "bad");
    // None of the refusals used up the genuine nonce.
    assertThat(receiver.checkRequest(signed.header(), "POST", "/orders", BODY)).isInstanceOf(MessageAuthenticator.Verdict.Accepted.class);
  }

  @Test
  void aRequestOutsideTheWindowIsRefusedAndStaysRefusedAfterItsNonceIsForgotten() {
    var signed = sender.signRequest("POST", "/ping", BODY);
    now.addAndGet(30_001);
    assertRefused(receiver.checkRequest(signed.header(), "POST", "/ping", BODY), "stale");
    var fresh = sender.signRequest("POST", "/ping", BODY);
    assertThat(receiver.checkRequest(fresh.header(), "POST", "/ping", BODY)).isInstanceOf(MessageAuthenticator.Verdict.Accepted.class);
    now.addAndGet(60_001); // the nonce is forgotten now; its replay must still be refused, as stale
    assertRefused(receiver.checkRequest(fresh.header(), "POST", "/ping", BODY), "stale");
    var future = new MessageAuthenticator(SECRET, () -> now.get() + 30_001, 30_000).signRequest("POST", "/ping", BODY);
    assertRefused(receiver.checkRequest(future.header(), "POST", "/ping", BODY), "future");
  }

  @Test
  void aFullSessionTableRefusesNewSendersUntilOldOnesFallSilent() {
    var small = new MessageAuthenticator(SECRET, now::get, 30_000, 2);
    for (int i = 0; i < 2; i++) {
      var sender = new MessageAuthenticator(SECRET, now::get, 30_000);
      assertThat(small.checkRequest(sender.signRequest("POST", "/p", BODY).header(), "POST", "/p", BODY))
          .isInstanceOf(MessageAuthenticator.Verdict.Accepted.class);
    }
    var third = new MessageAuthenticator(SECRET, now::get, 30_000);
    assertRefused(small.checkRequest(third.signRequest("POST", "/p", BODY).header(), "POST", "/p", BODY), "too many");
    now.addAndGet(60_001);
    assertThat(small.checkRequest(third.signRequest("POST", "/p", BODY).header(), "POST", "/p", BODY))
        .isInstanceOf(MessageAuthenticator.Verdict.Accepted.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v1", "v2;ts=1;nonce=a.1;mac=b", "v1;ts=1;nonce=a;mac=b", "v1;ts=1;nonce=a.0;mac=b", "v1;ts=1;nonce=.1;mac=b", "v1;ts=x;nonce=a;mac=b", "v1;ts=1;nonce=;mac=b", "v1;nonce=a;ts=1;mac=b",
      "v1;ts=1;nonce=a;mac=b;extra=1", "v1;ts=99999999999999999999;nonce=a;mac=b"})
  void malformedHeadersAreRefused(String header) {
    assertRefused(receiver.checkRequest(header, "POST", "/p", BODY), "malformed");
  }

  @Test
  void aMissingHeaderIsRefusedWithAnExplanation() {
    assertRefused(receiver.checkRequest(null, "POST", "/p", BODY), "missing");
  }

  private static void assertRefused(MessageAuthenticator.Verdict verdict, String reasonContains) {
    assertThat(verdict).isInstanceOf(MessageAuthenticator.Verdict.Refused.class);
    assertThat(((MessageAuthenticator.Verdict.Refused) verdict).reason()).contains(reasonContains);
  }
}
