package org.paternoster.elevator.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.paternoster.assign.Standby;
import org.paternoster.orders.CabCall;
import org.paternoster.orders.Call;
import org.paternoster.orders.HallCall;
import org.paternoster.replica.client.CommitReceipt;
import org.paternoster.replica.elevators.Push;

/**
 * One elevator node's memory of calls, sans I/O: presses, commits, the primary's pushes, served
 * calls and time go in; what the car must serve, what its lamps show and {@link NodeCommand}s come out.
 *
 * <ul>
 *   <li>A press lights only once committed while online; while offline a cab call is made durable
 *       first and lit at once, and a hall call pressed here is served by this car (invariant 7).
 *   <li>Every press goes to the primary, a lit one too: the primary renews the call with it, so a
 *       car's "served" that was on its way when the press arrived leaves the call pending (the
 *       served-before-join race). A press made while an earlier one is in flight goes again
 *       after that one's answer.
 *   <li>A receipt lights its hall call only if its seq is above the {@code bookSeq} of the newest
 *       push: otherwise that push already shows the press or what came after it (its service),
 *       and the receipt, which travelled on another connection, is older news.
 *   <li>Invariant 5: a push from a lower view than the highest seen is ignored; so is, within a
 *       view, a push older than one already applied (its {@code pushSeq}), so a late or duplicated
 *       push cannot relight a served call or darken a newer one (invariant 6).
 *   <li>A served call stays out of what the car serves until the primary no longer lists that
 *       incarnation (same seq), so a late push never makes the car serve it twice (invariant 6).
 *   <li>The edge remembers: lit cab calls the primary does not list, and hall calls taken while
 *       offline, are pressed again; when the book's generation changes (a controller that lost
 *       everything started afresh) every lit hall call is pressed again too.
 *   <li>The primary's {@link Standby} advice (park, hold the doors) holds only while online: a
 *       car that lost its primary does not keep parking or holding on its word.
 * </ul>
 */
public final class NodeCore {
  private final String me;
  private final long offlineAfterMs;
  private final Map<Integer, Long> cab = new TreeMap<>(); // lit cab calls: floor → callSeq (0 = not committed yet)
  private final Map<HallCall, Long> hall = new HashMap<>(); // committed hall calls, as last pushed
  private final Set<HallCall> assigned = new HashSet<>(); // hall calls the primary gave this car
  private final Set<HallCall> taken = new LinkedHashSet<>(); // hall calls pressed here while offline
  /** Hall calls lit from a press's receipt: no push older than that receipt puts them out. */
  private final Map<HallCall, CommitReceipt> litByReceipt = new HashMap<>();
  private final Map<Call, Long> served = new HashMap<>(); // served incarnations the primary may still list
  private final Set<Call> inFlight = new HashSet<>(); // presses not yet committed
  private final Set<Call> pressedAgain = new HashSet<>(); // pressed while a submission of it was in flight
  private final List<NodeCommand> commands = new ArrayList<>();
  private long highestViewnum;
  private long highestPushSeq = -1; // of highestViewnum's primary; pushes without one are taken as they come
  private long pushedBookSeq = -1; // the bookSeq of the newest push applied: receipts at or below it are older news
  private String generation; // the book's lineage as last pushed
  private Standby standby = Standby.NONE; // the newest push's advice
  private long lastHeardAt = Long.MIN_VALUE / 2;
  private boolean linkUp;
  private boolean online;

  public NodeCore(String me, long offlineAfterMs) {
    this.me = me;
    this.offlineAfterMs = offlineAfterMs;
  }

  /** Cab calls restored from disk after a restart: lit at once and pressed again. */
  public void restore(Map<Integer, Long> durable) {
    durable.forEach((floor, seq) -> {
      cab.put(floor, seq);
      submit(new CabCall(me, floor));
    });
  }

  public List<NodeCommand> drain() {
    List<NodeCommand> out = List.copyOf(commands);
    commands.clear();
    return out;
  }

  public boolean online() {
    return online;
  }

  public long viewnum() {
    return highestViewnum;
  }

  /** A button on this car's panel. */
  public void pressed(Call call) {
    if (call instanceof CabCall c) {
      if (!cab.containsKey(c.floor()) && !online) {
        cab.put(c.floor(), 0L);
        persist();
      }
      if (!cab.containsKey(c.floor()) || cab.get(c.floor()) == 0L) press(c);
    } else {
      // Offline, even a lit hall lamp is taken: it may show a call another car served since this
      // node last heard. Online or not, the press goes to the primary, which renews the call.
      HallCall h = (HallCall) call;
      if (!online) taken.add(h);
      press(h);
    }
  }

  /**
   * The primary committed a press of {@code call}: {@code receipt} says it was ordered at
   * {@code seq} as incarnation {@code callSeq}, {@code created} when no press of the call was
   * pending before it.
   *
   * <p>A call this car served while the press travelled (offline, say) is reported served only when
   * the service is known to cover the incarnation: the press created it (nobody else was waiting),
   * or the car served that very seq. A press that renewed a call someone else made may have been
   * made after the door closed here (a passenger who came later), so it is lit and served again:
   * a wasted stop at worst, never a lit call nobody serves (invariant 6: negation is surgical).
   *
   * <p>{@code servedSince}: the primary knew the incarnation served by an operation ordered after
   * this press when it answered. Then the lamp is not lit again: the pushes that darkened it may
   * all predate the press's commit (a press that waited out a cut backup while a car served the
   * call, chaos seed 2059), so the receipt would otherwise light a lamp for a call nobody is
   * waiting for, until the next push put it out.
   */
  public void committed(Call call, CommitReceipt receipt) {
    long callSeq = receipt.callSeq();
    boolean servedSince = receipt.servedSince();
    inFlight.remove(call);
    // Pressed again while this press travelled: the incarnation it joined may have been served
    // before that later press, so the later press goes to the primary on its own.
    boolean again = pressedAgain.remove(call);
    Long servedSeq = served.get(call);
    if (servedSeq != null && ((servedSeq == 0 && receipt.created()) || servedSeq == callSeq)) {
      served.put(call, callSeq);
      commands.add(new NodeCommand.SubmitServed(call, callSeq));
      if (again) submit(call);
      return;
    }
    if (servedSeq != null && servedSeq == 0) served.remove(call); // that service covered an older press only
    if (call instanceof CabCall c) {
      if (!servedSince) { // else this car opened its door there after the press was ordered
        cab.put(c.floor(), callSeq);
        persist();
      }
    } else {
      HallCall h = (HallCall) call;
      if (!again) taken.remove(h); // a later press taken offline stays lit until it has its own answer
      if (receipt.seq() > pushedBookSeq && !servedSince) { // else a push already showed this press or its service
        hall.put(h, callSeq);
        litByReceipt.put(h, receipt);
      }
    }
    if (again) submit(call);
  }

  /**
   * The primary's {@link Push}. Within one view, a push whose {@code pushSeq} is not above the
   * highest seen is stale and ignored.
   */
  public void pushed(Push message, long now) {
    long viewnum = message.viewnum();
    long pushSeq = message.pushSeq();
    if (viewnum < highestViewnum) return; // invariant 5: fenced
    // Invariant 6: a push held up on the way (or delivered twice) never undoes a newer one of its view.
    if (viewnum == highestViewnum && pushSeq >= 0 && pushSeq <= highestPushSeq) return;
    if (viewnum > highestViewnum) highestPushSeq = -1;
    highestViewnum = viewnum;
    highestPushSeq = Math.max(highestPushSeq, pushSeq);
    pushedBookSeq = message.bookSeq();
    lastHeardAt = now;
    String pushedGeneration = message.generation();
    if (generation != null && pushedGeneration != null && !pushedGeneration.equals(generation)) {
      // The book was started afresh (total loss): everything lit here goes back to the primary.
      // Hall calls stay lit and are served by this car until the new book lists them.
      taken.addAll(hall.keySet());
      served.clear(); // seqs of the old lineage mean nothing in the new one
    }
    if (pushedGeneration != null) generation = pushedGeneration;
    standby = message.standby();
    Map<Call, Long> listed = new HashMap<>();
    hall.clear();
    assigned.clear();
    for (Push.Hall listedHall : message.hall()) {
      HallCall h = listedHall.call();
      long seq = listedHall.seq();
      listed.put(h, seq);
      if (seq == served.getOrDefault(h, -1L)) continue;
      hall.put(h, seq);
      // Pressed again while a press of it travelled (served here meanwhile, or not): the listed
      // incarnation may be that earlier press's, so the later press stays taken until it has its own.
      if (!pressedAgain.contains(h) && !servedBeforeCommit(h)) taken.remove(h);
      if (me.equals(listedHall.assignee())) assigned.add(h);
    }
    // A push computed before a press was committed (the first push of a new link may be the last one
    // computed) cannot put out the lamp that press's receipt lit (chaos seed 142); a push that
    // reflects the receipt's seq decides, listing the call or not.
    litByReceipt.entrySet().removeIf(e -> {
      if (e.getValue().seq() <= pushedBookSeq) return true;
      if (!listed.containsKey(e.getKey())) hall.put(e.getKey(), e.getValue().callSeq());
      return false;
    });
    Map<Integer, Long> pushedCab = new HashMap<>();
    for (Push.Cab listedCab : message.cab()) {
      pushedCab.put(listedCab.floor(), listedCab.seq());
      listed.put(new CabCall(me, listedCab.floor()), listedCab.seq());
    }
    served.entrySet().removeIf(e -> !e.getValue().equals(listed.get(e.getKey())) && e.getValue() != 0L);
    boolean cabChanged = false;
    for (var e : pushedCab.entrySet()) {
      CabCall c = new CabCall(me, e.getKey());
      Long servedSeq = served.get(c);
      if (e.getValue().equals(servedSeq)) continue;
      // Served here before its press committed, and not pressed since: the press's answer decides.
      if (servedBeforeCommit(c) && !cab.containsKey(e.getKey())) continue;
      if (!e.getValue().equals(cab.put(e.getKey(), e.getValue()))) cabChanged = true;
    }
    for (var e : cab.entrySet()) {
      if (!pushedCab.containsKey(e.getKey())) submit(new CabCall(me, e.getKey())); // the edge remembers
    }
    if (cabChanged) persist();
    taken.forEach(this::submit);
    tick(now);
  }

  /** The car opened its door for {@code call}. */
  public void served(Call call) {
    long seq;
    if (call instanceof CabCall c) {
      Long s = cab.remove(c.floor());
      if (s == null) return;
      seq = s;
      persist();
    } else {
      HallCall h = (HallCall) call;
      Long s = hall.remove(h);
      litByReceipt.remove(h);
      assigned.remove(h);
      boolean wasTaken = taken.remove(h);
      if (s == null && !wasTaken) return;
      seq = s == null ? 0 : s;
    }
    served.put(call, seq);
    if (seq > 0) commands.add(new NodeCommand.SubmitServed(call, seq));
    // Served while its press still travels (pressed offline, here): withdraw that press, so that
    // once the link is back it does not light a lamp on every panel for a passenger already
    // picked up (chaos seed 43). If an attempt got through first, its receipt reports the service.
    else if (inFlight.contains(call)) commands.add(new NodeCommand.WithdrawPress(call));
  }

  /** The shell stopped resending the press of {@code call} before any attempt was committed. */
  public void withdrawn(Call call) {
    inFlight.remove(call);
    if (Long.valueOf(0L).equals(served.get(call))) served.remove(call); // nothing to report: the primary never had it
    if (pressedAgain.remove(call)) submit(call); // a later passenger's press goes on its own
  }

  public void link(boolean up, long now) {
    linkUp = up;
    tick(now);
  }

  /** Online while the link is up and the primary spoke within {@code offlineAfterMs}. */
  public void tick(long now) {
    online = linkUp && now - lastHeardAt < offlineAfterMs;
  }

  /** The primary's advice to this car while online; {@link Standby#NONE} offline. */
  public Standby standby() {
    return online ? standby : Standby.NONE;
  }

  /** Cab calls, assigned hall calls, hall calls taken here; offline also every hall call shown lit. */
  public Set<Call> toServe() {
    Set<Call> calls = new LinkedHashSet<>();
    cab.keySet().forEach(f -> calls.add(new CabCall(me, f)));
    calls.addAll(assigned);
    calls.addAll(taken);
    if (!online) calls.addAll(hall.keySet());
    return calls;
  }

  /** What the panel shows: committed hall calls (the same on every car), taken ones, this car's cab calls. */
  public Set<Call> lit() {
    Set<Call> calls = new LinkedHashSet<>();
    cab.keySet().forEach(f -> calls.add(new CabCall(me, f)));
    calls.addAll(hall.keySet());
    calls.addAll(taken);
    return calls;
  }

  public Map<Integer, Long> cabCalls() {
    return Map.copyOf(cab);
  }

  /** Presses sent to the primary and not answered yet (an observer waits for them before calling the system idle). */
  public int pressesInFlight() {
    return inFlight.size();
  }

  public Set<HallCall> assigned() {
    return Set.copyOf(assigned);
  }

  /**
   * A press on this car's panel: submitted, or remembered to go again after the one in flight (a
   * car may have opened its door for the call between the two presses).
   */
  private void press(Call call) {
    if (inFlight.contains(call)) pressedAgain.add(call);
    submit(call);
  }

  /** This car served {@code call} while its press was still on the way (seq 0: no incarnation known yet). */
  private boolean servedBeforeCommit(Call call) {
    return Long.valueOf(0L).equals(served.get(call));
  }

  private void submit(Call call) {
    if (inFlight.add(call)) commands.add(new NodeCommand.SubmitPress(call));
  }

  private void persist() {
    commands.add(new NodeCommand.PersistCab(new TreeMap<>(cab)));
  }
}
