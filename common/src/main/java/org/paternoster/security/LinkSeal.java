package org.paternoster.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the frames of one WebSocket link (an elevator node's link to the primary) after its
 * signed upgrade: each frame is {@code <n> <mac> <text>}, where n counts this direction's frames
 * from 1 and the MAC (HMAC-SHA256 under the cluster secret) covers the upgrade's nonce, the
 * direction, n and the text. TCP delivers a link's frames in order, so a frame is accepted only as
 * the next one: a forged, replayed, reordered or other link's frame is refused. Sans-I/O; one per
 * link end, used on that link's event loop.
 */
public final class LinkSeal {
  /** Which end of the link this seal is (frames are sealed for the other direction). */
  public enum End { CLIENT, SERVER }

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final Mac mac;
  private final String linkNonce;
  private final String sendDirection;
  private final String receiveDirection;
  private long sent;
  private long received;

  /** A link of a cluster without a secret: frames pass as they are. */
  public static LinkSeal none() {
    return new LinkSeal();
  }

  private LinkSeal() {
    this.mac = null;
    this.linkNonce = null;
    this.sendDirection = null;
    this.receiveDirection = null;
  }

  LinkSeal(byte[] key, String linkNonce, End end) {
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
    this.linkNonce = linkNonce;
    this.sendDirection = end == End.CLIENT ? "up" : "down";
    this.receiveDirection = end == End.CLIENT ? "down" : "up";
  }

  /** {@code text} as the next frame of this end. */
  public String seal(String text) {
    if (mac == null) return text;
    long n = ++sent;
    return n + " " + mac(sendDirection, n, text) + " " + text;
  }

  /** The text of {@code frame} if it is the next genuine frame from the other end; else empty. */
  public Optional<String> open(String frame) {
    if (mac == null) return Optional.of(frame);
    int first = frame.indexOf(' ');
    int second = first < 0 ? -1 : frame.indexOf(' ', first + 1);
    if (second < 0) return Optional.empty();
    long n;
    try {
      n = Long.parseLong(frame.substring(0, first));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    String text = frame.substring(second + 1);
    byte[] given = frame.substring(first + 1, second).getBytes(StandardCharsets.US_ASCII);
    if (n != received + 1 || !MessageDigest.isEqual(mac(receiveDirection, n, text).getBytes(StandardCharsets.US_ASCII), given)) {
      return Optional.empty();
    }
    received = n;
    return Optional.of(text);
  }

  private String mac(String direction, long n, String text) {
    mac.update(("paternoster-link-v1\n" + linkNonce + "\n" + direction + "\n" + n + "\n").getBytes(StandardCharsets.UTF_8));
    return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
