package org.paternoster.elevator.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.paternoster.assign.Standby;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import org.paternoster.replica.client.CommitReceipt;
import org.paternoster.replica.elevators.Push;

/** Fake-clock tests of the node's rules: lights, fencing, surgical served, offline, the edge remembers. */
class NodeCoreTest {
  static final long T = 10_000;
  static final HallCall UP1 = new HallCall(1, Direction.UP);
  static final CabCall CAB2 = new CabCall("e1", 2);

  NodeCore core = new NodeCore("e1", 1_000);

  static JsonObject push(long viewnum, JsonArray hall, JsonArray cab) {
    return new JsonObject().put("type", "assignment").put("viewnum", viewnum).put("hall", hall).put("cab", cab);
  }

  static JsonArray hall(int floor, String dir, long seq, String assignee) {
    return new JsonArray().add(new JsonObject().put("floor", floor).put("direction", dir).put("seq", seq).put("assignee", assignee));
  }

  static JsonArray cab(int floor, long seq) {
    return new JsonArray().add(new JsonObject().put("floor", floor).put("seq", seq));
  }

  /** The primary's answer to a press: ordered at {@code seq} as incarnation {@code callSeq}. */
  static CommitReceipt receipt(long seq, long callSeq, boolean created, boolean servedSince) {
    return new CommitReceipt("press-" + seq, 3, seq, callSeq, created, servedSince);
  }

  /** Delivers {@code message} as the node's link does: decoded by {@link Push#fromJson}. */
  void pushed(JsonObject message, long now) {
    core.pushed(Push.fromJson(message), now);
  }

  void online() {
    core.link(true, T);
    pushed(push(3, new JsonArray(), new JsonArray()), T);
    core.drain();
  }

  @Test
  void onlinePressLightsOnlyOnceCommitted() {
    online();
    core.pressed(CAB2);
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitPress(CAB2));
    assertThat(core.lit()).as("no light before commit").isEmpty();
    assertThat(core.pressesInFlight()).isEqualTo(1);
    core.committed(CAB2, receipt(7, 7, true, false));
    assertThat(core.pressesInFlight()).isZero();
    assertThat(core.lit()).containsExactly(CAB2);
    assertThat(core.drain()).as("durable once lit").containsExactly(new NodeCommand.PersistCab(Map.of(2, 7L)));
    assertThat(core.toServe()).containsExactly(CAB2);
  }

  @Test
  void offlineCabPressIsMadeDurableThenLitAtOnce() {
    core.pressed(CAB2);
    assertThat(core.online()).isFalse();
    assertThat(core.drain()).containsExactly(new NodeCommand.PersistCab(Map.of(2, 0L)), new NodeCommand.SubmitPress(CAB2));
    assertThat(core.lit()).containsExactly(CAB2);
    assertThat(core.toServe()).containsExactly(CAB2);
  }

  @Test
  void offlineHallPressIsTakenAndServedHereThenResubmittedOnReconnect() {
    core.pressed(UP1);
    assertThat(core.toServe()).containsExactly(UP1);
    assertThat(core.lit()).containsExactly(UP1);
    core.drain();
    core.link(true, T);
    pushed(push(1, new JsonArray(), new JsonArray()), T);
    assertThat(core.toServe()).as("still ours until the book has it").contains(UP1);
  }

  @Test
  void pushesFromALowerViewAreIgnored() {
    online();
    pushed(push(5, hall(1, "up", 9, "e1"), new JsonArray()), T);
    pushed(push(4, new JsonArray(), new JsonArray()), T + 10);
    assertThat(core.lit()).as("invariant 5: view 4 is stale").containsExactly(UP1);
    assertThat(core.viewnum()).isEqualTo(5);
  }

  @Test
  void aLatePushOfTheSameViewCannotUndoANewerOne() {
    online();
    pushed(push(5, hall(1, "up", 9, "e1"), new JsonArray()).put("pushSeq", 10L), T);
    pushed(push(5, new JsonArray(), new JsonArray()).put("pushSeq", 12L), T + 10); // served meanwhile
    pushed(push(5, hall(1, "up", 9, "e1"), new JsonArray()).put("pushSeq", 10L), T + 20); // the old one, late
    pushed(push(5, hall(1, "up", 9, "e1"), new JsonArray()).put("pushSeq", 11L), T + 30); // reordered
    assertThat(core.lit()).as("a stale push must not relight a served call").isEmpty();
    pushed(push(6, hall(1, "up", 9, "e1"), new JsonArray()).put("pushSeq", 1L), T + 40); // new primary, new count
    assertThat(core.lit()).as("a higher view starts its own push count").containsExactly(UP1);
  }

  @Test
  void hallLightsShowEveryCommittedCallButTheCarServesOnlyItsOwn() {
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), new JsonArray()), T);
    assertThat(core.lit()).containsExactly(UP1);
    assertThat(core.toServe()).isEmpty();
  }

  @Test
  void aServedCallIsNotServedAgainWhenALatePushStillListsIt() {
    online();
    pushed(push(3, hall(1, "up", 9, "e1"), new JsonArray()), T);
    core.served(UP1);
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitServed(UP1, 9));
    pushed(push(3, hall(1, "up", 9, "e1"), new JsonArray()), T + 50); // computed before the served op
    assertThat(core.toServe()).isEmpty();
    assertThat(core.lit()).isEmpty();
    pushed(push(3, new JsonArray(), new JsonArray()), T + 100);
    pushed(push(3, hall(1, "up", 12, "e1"), new JsonArray()), T + 150); // pressed again: a new call
    assertThat(core.toServe()).containsExactly(UP1);
  }

  @Test
  void servedBeforeThePressCommittedIsReportedNotRelit() {
    core.pressed(CAB2); // offline: lit with seq 0
    core.served(CAB2);
    core.drain();
    core.committed(CAB2, receipt(11, 11, true, false));
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitServed(CAB2, 11));
    assertThat(core.lit()).isEmpty();
  }

  @Test
  void servedOfflineThenMergedIntoSomeoneElsesCallIsLitAndServedAgain() {
    // Chaos seed 126 (floor 0 there): e2 isolated, a passenger pressed up here and the car served it at
    // once; then another passenger's call at that floor, up, was committed elsewhere (seq 18); when the
    // link came back this press merged into seq 18. Reporting "served 18" would put out a lamp
    // whose passenger no car ever picked up.
    core.pressed(UP1); // offline: taken and served here
    core.served(UP1);
    core.drain();
    core.link(true, T);
    pushed(push(2, hall(1, "up", 18, "e3"), new JsonArray()), T);
    core.committed(UP1, receipt(25, 25, false, false)); // renewed the other passenger's call
    assertThat(core.drain()).doesNotContain(new NodeCommand.SubmitServed(UP1, 25));
    assertThat(core.lit()).as("the other passenger's call stays lit").containsExactly(UP1);
  }

  @Test
  void aPressAfterAnOfflineServiceSurvivesThePushThatBeatItsCommit() {
    // CI seed 1 (floor 3 down there): e3 under 60 % loss, so offline. Passenger A pressed; the car
    // served A at once while A's press was still on its way to the primary. Passenger B pressed
    // the same button after the door closed (lit: taken here). A's press then committed (seq 21,
    // created by it); the primary's push listing 21 arrived before the POST's answer. The answer
    // reports 21 served, rightly for A — and B's lamp must not go out with it.
    core.pressed(UP1); // A, offline
    core.served(UP1);
    core.pressed(UP1); // B, after A's door closed
    assertThat(core.lit()).containsExactly(UP1);
    core.drain();
    core.link(true, T);
    pushed(push(2, hall(1, "up", 21, "e2"), new JsonArray()), T); // beats the POST's answer
    core.committed(UP1, receipt(21, 21, true, false));
    assertThat(core.drain()).as("A was served").contains(new NodeCommand.SubmitServed(UP1, 21), new NodeCommand.SubmitPress(UP1));
    pushed(push(2, new JsonArray(), new JsonArray()).put("pushSeq", 5), T + 100); // the primary removed 21
    assertThat(core.lit()).as("B is still waiting").containsExactly(UP1);
    assertThat(core.toServe()).contains(UP1);
  }

  @Test
  void aPressServedBeforeItCouldBeCommittedIsWithdrawnNotLitEverywhereLater() {
    // Chaos seed 43: e1 cut off, door open at floor 3, a passenger pressed hall down there and got
    // in. The press kept being resent; after the heal it was committed, lit on every panel, and
    // put out by e1's "served" 50 ms later, with no door opening at floor 3 for whoever saw it.
    HallCall down3 = new HallCall(3, Direction.DOWN);
    core.pressed(down3); // offline: taken here
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitPress(down3));
    core.served(down3); // the door was open at that floor
    assertThat(core.drain()).as("the press in flight is withdrawn").containsExactly(new NodeCommand.WithdrawPress(down3));
    core.withdrawn(down3);
    assertThat(core.pressesInFlight()).isZero();
    assertThat(core.drain()).as("nothing to report: the primary never had it").isEmpty();
    core.link(true, T);
    pushed(push(2, new JsonArray(), new JsonArray()).put("pushSeq", 1), T);
    assertThat(core.drain()).as("not pressed again on reconnect").isEmpty();
    assertThat(core.lit()).isEmpty();
  }

  @Test
  void aPressMadeAfterTheServiceGoesOnItsOwnOnceTheEarlierOneIsWithdrawn() {
    HallCall down3 = new HallCall(3, Direction.DOWN);
    core.pressed(down3); // A, offline
    core.served(down3);
    core.pressed(down3); // B, after the door closed, while A's press is still being resent
    core.drain();
    core.withdrawn(down3);
    assertThat(core.drain()).as("B's press").containsExactly(new NodeCommand.SubmitPress(down3));
    assertThat(core.lit()).as("B is waiting").containsExactly(down3);
  }

  @Test
  void aPressAfterAnOfflineServiceIsPressedAgainOnceTheFirstCommits() {
    core.pressed(UP1); // A, offline
    core.served(UP1);
    core.pressed(UP1); // B, after A's door closed; A's press is still in flight
    core.drain();
    core.committed(UP1, receipt(21, 21, true, false));
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitServed(UP1, 21), new NodeCommand.SubmitPress(UP1));
    assertThat(core.lit()).containsExactly(UP1);
  }

  @Test
  void aPressJoiningOneInFlightStaysLitWhenThatOneIsServedFirst() {
    core.pressed(UP1); // A, offline, its POST held up by loss
    core.pressed(UP1); // B, later; A may be served before B pressed
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitPress(UP1));
    core.link(true, T);
    pushed(push(2, hall(1, "up", 21, "e2"), new JsonArray()), T); // A committed as 21
    pushed(push(2, new JsonArray(), new JsonArray()).put("pushSeq", 5), T + 100); // e2 served 21
    assertThat(core.lit()).as("B is still waiting").containsExactly(UP1);
    core.committed(UP1, receipt(21, 21, true, false));
    assertThat(core.drain()).as("B on its own").containsExactly(new NodeCommand.SubmitPress(UP1));
    core.committed(UP1, receipt(22, 22, true, false));
    pushed(push(2, hall(1, "up", 22, "e1"), new JsonArray()).put("pushSeq", 6), T + 200);
    assertThat(core.lit()).containsExactly(UP1);
    assertThat(core.toServe()).containsExactly(UP1);
  }

  @Test
  void anOnlinePressOfALitHallLampStillGoesToThePrimary() {
    // The served-before-join race: the lamp is lit, but the car that served it may have said so
    // already; only the primary's order decides whether this press came after the service.
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), new JsonArray()).put("pushSeq", 1).put("bookSeq", 9), T);
    core.drain();
    core.pressed(UP1);
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitPress(UP1));
    core.pressed(UP1); // pressed again while that press travels
    assertThat(core.drain()).as("one press in flight at a time").isEmpty();
    core.committed(UP1, receipt(10, 10, false, false));
    assertThat(core.drain()).as("the later press goes on its own").containsExactly(new NodeCommand.SubmitPress(UP1));
    assertThat(core.lit()).containsExactly(UP1);
  }

  @Test
  void aReceiptOlderThanTheNewestPushCannotRelightWhatThatPushPutOut() {
    // The press renewed the call as 10, e2 served 10 at once, and the push saying so (book
    // committed up to 11) overtook the press's receipt on its way to this node.
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), new JsonArray()).put("pushSeq", 1).put("bookSeq", 9), T);
    core.pressed(UP1);
    pushed(push(3, new JsonArray(), new JsonArray()).put("pushSeq", 2).put("bookSeq", 11), T + 5);
    core.committed(UP1, receipt(10, 10, false, false));
    assertThat(core.lit()).as("the push is newer than the receipt").isEmpty();
    core.pressed(UP1);
    core.committed(UP1, receipt(12, 12, true, false));
    assertThat(core.lit()).as("a receipt newer than every push lights at once").containsExactly(UP1);
  }

  @Test
  void aPushOlderThanAReceiptCannotPutOutTheLampThatReceiptLit() {
    // Chaos seed 142: the press committed as 12 and its receipt lit the lamp; the new primary's
    // first push on the new link was computed before that commit (book up to 11).
    online();
    pushed(push(3, new JsonArray(), new JsonArray()).put("pushSeq", 1).put("bookSeq", 10), T);
    core.pressed(UP1);
    core.committed(UP1, receipt(12, 12, true, false));
    assertThat(core.lit()).containsExactly(UP1);
    pushed(push(4, new JsonArray(), new JsonArray()).put("pushSeq", 1).put("bookSeq", 11), T + 5);
    assertThat(core.lit()).as("that push knows nothing of the press").containsExactly(UP1);
    pushed(push(4, hall(1, "up", 12, "e2"), new JsonArray()).put("pushSeq", 2).put("bookSeq", 12), T + 10);
    assertThat(core.lit()).containsExactly(UP1);
    pushed(push(4, new JsonArray(), new JsonArray()).put("pushSeq", 3).put("bookSeq", 13), T + 15);
    assertThat(core.lit()).as("a push that reflects the press decides: served elsewhere").isEmpty();
  }

  @Test
  void aLitHallLampPressedOfflineIsTakenInCaseItWasServedMeanwhile() {
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), new JsonArray()).put("pushSeq", 1), T);
    core.drain();
    core.tick(T + 5_000); // offline: e2 may have served 9 since, unheard of here
    core.pressed(UP1);
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitPress(UP1));
    pushed(push(3, new JsonArray(), new JsonArray()).put("pushSeq", 2), T + 6_000); // 9 was served
    assertThat(core.lit()).as("the passenger who pressed is still waiting").containsExactly(UP1);
    assertThat(core.toServe()).contains(UP1);
  }

  @Test
  void aCabCallServedOfflineIsNotRelitByThePushThatBeatItsCommit() {
    core.pressed(CAB2); // offline
    core.served(CAB2);
    core.drain();
    core.link(true, T);
    pushed(push(2, new JsonArray(), cab(2, 21)), T); // beats the POST's answer
    assertThat(core.lit()).isEmpty();
    core.committed(CAB2, receipt(21, 21, true, false));
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitServed(CAB2, 21));
    pushed(push(2, new JsonArray(), new JsonArray()).put("pushSeq", 5), T + 100);
    assertThat(core.drain()).as("no phantom call").isEmpty();
    assertThat(core.lit()).isEmpty();
  }

  @Test
  void aCabPressAfterAnOfflineServiceGetsItsOwnIncarnation() {
    core.pressed(CAB2); // A, offline
    core.served(CAB2);
    core.pressed(CAB2); // B
    core.drain();
    core.link(true, T);
    pushed(push(2, new JsonArray(), cab(2, 21)), T);
    core.committed(CAB2, receipt(21, 21, true, false));
    assertThat(core.drain()).contains(new NodeCommand.SubmitServed(CAB2, 21), new NodeCommand.SubmitPress(CAB2));
    pushed(push(2, new JsonArray(), new JsonArray()).put("pushSeq", 5), T + 100);
    assertThat(core.lit()).containsExactly(CAB2);
  }

  @Test
  void theEdgeRemembersCabCallsThePrimaryLost() {
    core.restore(Map.of(2, 7L));
    assertThat(core.lit()).containsExactly(CAB2);
    assertThat(core.drain()).containsExactly(new NodeCommand.SubmitPress(CAB2));
    core.committed(CAB2, receipt(7, 7, true, false));
    core.drain();
    core.link(true, T);
    pushed(push(8, new JsonArray(), new JsonArray()), T); // a new primary that lost everything
    assertThat(core.drain()).contains(new NodeCommand.SubmitPress(CAB2));
    assertThat(core.lit()).containsExactly(CAB2);
  }

  @Test
  void aNewBookGenerationMakesTheNodeResubmitEveryLitCall() {
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), cab(2, 4)).put("generation", "r1@1"), T);
    core.drain();
    pushed(push(9, new JsonArray(), new JsonArray()).put("generation", "r3@9"), T + 100); // total loss
    assertThat(core.drain()).contains(new NodeCommand.SubmitPress(UP1), new NodeCommand.SubmitPress(CAB2));
    assertThat(core.lit()).as("still lit while the new book is rebuilt").containsExactlyInAnyOrder(UP1, CAB2);
    core.committed(UP1, receipt(1, 1, true, false));
    pushed(push(9, hall(1, "up", 1, "e3"), cab(2, 2)).put("generation", "r3@9"), T + 200);
    assertThat(core.toServe()).as("the new book assigned it elsewhere").containsExactly(CAB2);
  }

  @Test
  void theSameGenerationNeverRelightsAServedHallCall() {
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), new JsonArray()).put("generation", "r1@1"), T);
    pushed(push(3, new JsonArray(), new JsonArray()).put("generation", "r1@1"), T + 100); // e2 served it
    assertThat(core.drain()).isEmpty();
    assertThat(core.lit()).isEmpty();
  }

  @Test
  void offlineAfterSilenceServesEveryLitHallCall() {
    online();
    pushed(push(3, hall(1, "up", 9, "e2"), cab(2, 4)), T);
    assertThat(core.toServe()).containsExactly(CAB2);
    core.tick(T + 999);
    assertThat(core.online()).isTrue();
    core.tick(T + 1_000);
    assertThat(core.online()).isFalse();
    assertThat(core.toServe()).containsExactlyInAnyOrder(CAB2, UP1);
  }

  /**
   * Chaos seed 2059: pressed again while lit; a car served the call while the press waited out a
   * cut backup, so the pushes that darkened the lamp all predate the press's commit. The answer
   * says the incarnation was served since: the lamp stays dark (it lit for 55 ms before).
   */
  @Test
  void aPressAnsweredAsServedSinceDoesNotRelightTheLamp() {
    HallCall down1 = new HallCall(1, Direction.DOWN);
    core.link(true, T);
    pushed(push(2, hall(1, "down", 9, "e3"), new JsonArray()).put("pushSeq", 1).put("bookSeq", 9), T);
    assertThat(core.lit()).containsExactly(down1);
    core.pressed(down1);
    assertThat(core.drain()).contains(new NodeCommand.SubmitPress(down1));
    pushed(push(2, new JsonArray(), new JsonArray()).put("pushSeq", 2).put("bookSeq", 9), T + 100); // e3 served 9
    assertThat(core.lit()).isEmpty();
    core.committed(down1, receipt(10, 9, false, true));
    assertThat(core.lit()).as("served since the press: not relit").isEmpty();
    assertThat(core.toServe()).doesNotContain(down1);
  }

  @Test
  void thePrimarysAdviceHoldsWhileOnlineAndIsDroppedWhenTheNodeGoesOffline() {
    online();
    assertThat(core.standby()).isEqualTo(Standby.NONE);
    pushed(push(3, new JsonArray(), new JsonArray()).put("pushSeq", 5).put("standby", new JsonObject().put("park", 0).put("hold", true)), T + 10);
    assertThat(core.standby()).isEqualTo(new Standby(0, true));
    pushed(push(3, new JsonArray(), new JsonArray()).put("pushSeq", 4).put("standby", new JsonObject().put("park", 3)), T + 20);
    assertThat(core.standby()).as("a late push does not replace the newer advice").isEqualTo(new Standby(0, true));
    core.tick(T + 10 + 1_000);
    assertThat(core.online()).isFalse();
    assertThat(core.standby()).as("no primary, no advice: the car does not park or hold on an old word").isEqualTo(Standby.NONE);
    pushed(push(3, new JsonArray(), new JsonArray()).put("pushSeq", 6), T + 2_000);
    assertThat(core.standby()).as("a push without advice withdraws it").isEqualTo(Standby.NONE);
  }
}
