package org.paternoster.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The key every member of one Paternoster cluster shares, from {@code --cluster-secret-file PATH}
 * or the environment variable {@link #ENV}. It is the text of the file (surrounding white space
 * ignored), at least {@link #MIN_LENGTH} characters: {@code scripts/cluster-secret.sh} writes a
 * random one. Never printed: {@link #toString()} says only that a secret is set.
 */
public final class ClusterSecret {
  public static final String ENV = "PATERNOSTER_CLUSTER_SECRET";
  public static final int MIN_LENGTH = 32;

  private final byte[] key;

  private ClusterSecret(byte[] key) {
    this.key = key;
  }

  /** A secret from its text; {@link IllegalArgumentException} (a usage error) when too short. */
  public static ClusterSecret of(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the cluster secret must have at least " + MIN_LENGTH
          + " characters (scripts/cluster-secret.sh writes one), got " + trimmed.length());
    }
    return new ClusterSecret(trimmed.getBytes(StandardCharsets.UTF_8));
  }

  /** The secret in {@code file}; {@link IllegalArgumentException} when unreadable or too short. */
  public static ClusterSecret read(Path file) {
    try {
      return of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the cluster secret file " + file + ": " + e.getMessage());
    }
  }

  /**
   * The configured secret: {@code file} when given, else {@link #ENV} when set and not empty,
   * else none (the process then binds only loopback, {@link BindPolicy}).
   */
  public static Optional<ClusterSecret> configured(Path file, String envValue) {
    if (file != null) return Optional.of(read(file));
    if (envValue != null && !envValue.isBlank()) return Optional.of(of(envValue));
    return Optional.empty();
  }

  /** A fresh random secret's text (what {@code scripts/cluster-secret.sh} writes), e.g. for one test run. */
  public static String randomText() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * HMAC-SHA256 of {@code text} under this secret, for {@code purpose} (a label that keeps a MAC made
   * for one kind of record from passing for another), base64url without padding.
   */
  public String sign(String purpose, String text) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      mac.update((purpose + "\n").getBytes(StandardCharsets.UTF_8));
      return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  /** Whether {@code mac} is {@link #sign}{@code (purpose, text)}; compared in constant time. */
  public boolean verify(String purpose, String text, String mac) {
    if (mac == null) return false;
    return java.security.MessageDigest.isEqual(sign(purpose, text).getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
  }

  byte[] key() {
    return Arrays.copyOf(key, key.length);
  }

  @Override
  public String toString() {
    return "ClusterSecret[set]";
  }
}
