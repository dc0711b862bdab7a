package org.paternoster.http;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code --advertise URL}: where other machines reach a process, when that differs from the
 * address it binds (bind {@code 0.0.0.0}, advertise the LAN address). Shared by every process's
 * command line so they accept and refuse the same URLs.
 */
public final class AdvertisedUrl {
  private AdvertisedUrl() {}

  /**
   * The URL without a trailing slash.
   *
   * @throws IllegalArgumentException with a message for the user unless it is {@code http://HOST[:PORT]}
   */
  public static String parse(String url) {
    try {
      URI uri = new URI(url);
      if (!"http".equals(uri.getScheme()) || uri.getHost() == null || (uri.getPath() != null && uri.getPath().length() > 1)) {
        throw new IllegalArgumentException("--advertise must be http://HOST[:PORT], got '" + url + "'");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--advertise must be http://HOST[:PORT]: " + e.getMessage());
    }
  }
}
