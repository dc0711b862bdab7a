package org.paternoster.view.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupMembersTest {
  @Test
  void findsItselfAndDefaultsTheConsensusPortToTheNextOne() {
    GroupMembers m = GroupMembers.parse("10.0.0.1:7000, 10.0.0.2:7000,10.0.0.3:7000:9000", "10.0.0.2", 7000, null);
    assertThat(m.self().url()).isEqualTo("http://10.0.0.2:7000");
    assertThat(m.self().consensusPort()).isEqualTo(7001);
    assertThat(m.members().get(2).consensusAddress()).isEqualTo("10.0.0.3:9000");
    assertThat(m.byId(m.members().get(0).id())).contains(m.members().get(0));
    assertThat(GroupMembers.parse("a:1,b:1,c:1", "b", 1, 5555).self().consensusPort()).isEqualTo(5555);
  }

  @Test
  void refusesListsThatCannotFormAMajorityOrDoNotNameThisMember() {
    assertThatThrownBy(() -> GroupMembers.parse("a:1,b:1", "a", 1, null)).hasMessageContaining("odd number");
    assertThatThrownBy(() -> GroupMembers.parse("a:1,b:1,c:1,d:1", "a", 1, null)).hasMessageContaining("odd number");
    assertThatThrownBy(() -> GroupMembers.parse("a:1,b:1,c:1", "z", 1, null)).hasMessageContaining("does not list this member");
    assertThatThrownBy(() -> GroupMembers.parse("a:1,a:1,c:1", "a", 1, null)).hasMessageContaining("twice");
    assertThatThrownBy(() -> GroupMembers.parse("a:x,b:1,c:1", "b", 1, null)).hasMessageContaining("bad port");
    assertThatThrownBy(() -> GroupMembers.parse("a,b:1,c:1", "b", 1, null)).hasMessageContaining("HOST:PORT");
  }
}
