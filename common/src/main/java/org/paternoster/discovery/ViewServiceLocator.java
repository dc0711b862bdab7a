package org.paternoster.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the view service is, for the processes that ping it: fixed {@code --view-service URL[,URL...]}
 * when given (the members of a replicated view service, issue 12), otherwise whatever process
 * currently announces role {@value #ROLE} through {@link Discovery}. {@link #get()} is cheap and
 * thread-safe; call it before every request, since the leader may change and a restarted view
 * service may come back at another address.
 *
 * <p>Failover between members: a client that could not reach {@link #get()} (or was answered
 * "unavailable") calls {@link #failed}, and the next request goes to the next member; a member
 * that does not lead names the leader, and {@link #redirected} sends the next requests there.
 */
public final class ViewServiceLocator implements Supplier<String> {
  /** The role the view service announces. */
  public static final String ROLE = "view-service";
  private final List<String> fixedUrls;
  private final Discovery discovery;
  private volatile int current;
  private volatile String leader; // a member's hint, tried first until it fails

  private ViewServiceLocator(List<String> fixedUrls, Discovery discovery) {
    this.fixedUrls = fixedUrls;
    this.discovery = discovery;
  }

  /** One URL, or several separated by commas (the members of a replicated view service). */
  public static ViewServiceLocator fixed(String urls) {
    if (urls == null) throw new IllegalArgumentException("url is null");
    List<String> list = Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).map(ViewServiceLocator::stripSlash).toList();
    if (list.isEmpty()) throw new IllegalArgumentException("no view service URL in '" + urls + "'");
    return new ViewServiceLocator(list, null);
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
    String hint = leader;
    if (hint != null) return hint;
    if (fixedUrls != null) return fixedUrls.get(Math.floorMod(current, fixedUrls.size()));
    return discovery.find(ROLE).map(ViewServiceLocator::stripSlash).orElse(null);
  }

  /** Every configured member (one URL without a group; empty with discovery). */
  public List<String> members() {
    return fixedUrls == null ? List.of() : fixedUrls;
  }

  /** A request to {@code url} failed: the next one goes elsewhere. */
  public void failed(String url) {
    if (url == null) return;
    if (url.equals(leader)) {
      leader = null;
      return;
    }
    if (fixedUrls != null && url.equals(fixedUrls.get(Math.floorMod(current, fixedUrls.size())))) current++;
  }

  /** A member that does not lead named {@code leaderUrl} (null: it knows of none yet). */
  public void redirected(String from, String leaderUrl) {
    if (leaderUrl == null || leaderUrl.equals(from)) {
      failed(from);
      return;
    }
    leader = stripSlash(leaderUrl);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
