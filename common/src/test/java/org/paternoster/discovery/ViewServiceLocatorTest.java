package org.paternoster.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Moving between the members of a replicated view service (issue 12). */
class ViewServiceLocatorTest {
  final ViewServiceLocator locator = ViewServiceLocator.fixed("http://a:1/, http://b:1,http://c:1");

  @Test
  void aFailedMemberIsLeftForTheNextOneInTurn() {
    assertThat(locator.members()).containsExactly("http://a:1", "http://b:1", "http://c:1");
    assertThat(locator.get()).isEqualTo("http://a:1");
    locator.failed("http://a:1");
    assertThat(locator.get()).isEqualTo("http://b:1");
    locator.failed("http://a:1"); // a late failure of a member already left changes nothing
    assertThat(locator.get()).isEqualTo("http://b:1");
    locator.failed("http://b:1");
    locator.failed("http://c:1");
    assertThat(locator.get()).as("round and round").isEqualTo("http://a:1");
  }

  @Test
  void aNamedLeaderIsAskedUntilItFails() {
    locator.redirected("http://a:1", "http://c:1/");
    assertThat(locator.get()).isEqualTo("http://c:1");
    locator.failed("http://c:1");
    assertThat(locator.get()).isEqualTo("http://a:1");
    locator.redirected("http://a:1", null); // a follower that knows no leader is like a failure
    assertThat(locator.get()).isEqualTo("http://b:1");
  }
}
