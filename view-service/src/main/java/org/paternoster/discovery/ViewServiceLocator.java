package org.paternoster.discovery;

import java.util.function.Supplier;

/**
 * Where the view service is, for the processes that ping it: a fixed {@code --view-service URL}
 * when given, otherwise whatever process currently announces role {@value #ROLE} through
 * {@link Discovery}. {@link #get()} is cheap and thread-safe; call it before every request, since
 * a restarted view service may come back at another address.
 */
public final class ViewServiceLocator implements Supplier<String> {
  /** The role the view service announces. */
  public static final String ROLE = "view-service";
  private final String fixedUrl;
  private final Discovery discovery;

  private ViewServiceLocator(String fixedUrl, Discovery discovery) {
    this.fixedUrl = fixedUrl;
    this.discovery = discovery;
  }

  public static ViewServiceLocator fixed(String url) {
    if (url == null) throw new IllegalArgumentException("url is null");
    return new ViewServiceLocator(stripSlash(url), null);
  }

  public static ViewServiceLocator discovered(Discovery discovery) {
    if (discovery == null) throw new IllegalArgumentException("discovery is null");
    return new ViewServiceLocator(null, discovery);
  }

  /** {@code fixedUrl} when non-null, else through {@code discovery}; one of them is required. */
  public static ViewServiceLocator of(String fixedUrl, Discovery discovery) {
    if (fixedUrl != null) return fixed(fixedUrl);
    if (discovery != null) return discovered(discovery);
    throw new IllegalArgumentException("no --view-service URL and discovery is off: cannot find the view service");
  }

  /** The view service's base URL without a trailing slash, or null while none is known. */
  @Override
  public String get() {
    if (fixedUrl != null) return fixedUrl;
    return discovery.find(ROLE).map(ViewServiceLocator::stripSlash).orElse(null);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
