package org.paternoster.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkSealTest {
  private static final byte[] KEY = "link-test-secret-".repeat(2).getBytes();
  private final LinkSeal node = new LinkSeal(KEY, "nonce-1", LinkSeal.End.CLIENT);
  private final LinkSeal primary = new LinkSeal(KEY, "nonce-1", LinkSeal.End.SERVER);

  @Test
  void framesPassInOrderBothWays() {
    assertThat(primary.open(node.seal("{\"report\":1}"))).contains("{\"report\":1}");
    assertThat(primary.open(node.seal("{\"report\":2}"))).contains("{\"report\":2}");
    assertThat(node.open(primary.seal("{\"push\":1}"))).contains("{\"push\":1}");
  }

  @Test
  void aReplayedReorderedReflectedOrForgedFrameIsRefused() {
    String first = node.seal("a");
    String second = node.seal("b");
    assertThat(primary.open(second)).as("overtook the first").isEmpty();
    assertThat(primary.open(first)).contains("a");
    assertThat(primary.open(first)).as("replayed").isEmpty();
    assertThat(node.open(node.seal("c"))).as("reflected back to its sender").isEmpty();
    assertThat(primary.open(second.replace(" b", " B"))).as("altered text").isEmpty();
    assertThat(primary.open(second)).contains("b");
    LinkSeal otherLink = new LinkSeal(KEY, "nonce-2", LinkSeal.End.CLIENT);
    otherLink.seal("x");
    otherLink.seal("y");
    assertThat(primary.open(otherLink.seal("z"))).as("a frame of another link").isEmpty();
    LinkSeal stranger = new LinkSeal("another-secret-".repeat(3).getBytes(), "nonce-1", LinkSeal.End.CLIENT);
    for (int i = 0; i < 3; i++) stranger.seal("skip");
    assertThat(primary.open(stranger.seal("forged"))).isEmpty();
    for (String junk : new String[] {"", "3", "3 x", "x y z", "{\"type\":\"push\"}"}) assertThat(primary.open(junk)).as(junk).isEmpty();
  }

  @Test
  void withoutASecretFramesPassAsTheyAre() {
    assertThat(LinkSeal.none().seal("{}")).isEqualTo("{}");
    assertThat(LinkSeal.none().open("{}")).isEqualTo(Optional.of("{}"));
  }
}
