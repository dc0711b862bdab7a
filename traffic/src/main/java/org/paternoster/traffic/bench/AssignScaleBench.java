package org.paternoster.traffic.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.paternoster.assign.Assigner;
import org.paternoster.assign.Assigners;
import org.paternoster.assign.Assignment;
import org.paternoster.assign.Behaviour;
import org.paternoster.assign.ElevatorState;
import org.paternoster.assign.MotorDirection;
import org.paternoster.orders.Building;
import org.paternoster.orders.Direction;
import org.paternoster.orders.HallCall;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long the primary's assigner takes on a big group: {@code --elevators} cars in random states
 * in a building of {@code --floors}, with {@code --calls} pending calls (every hall button lit, up
 * to 2 × (floors − 1), the rest as cab calls spread over the cars). Each round is a fresh random
 * problem, timed around {@link Assigner#assign} alone; a stateful dispatcher sees its clock move on
 * 100 ms a round. One JSON line per dispatcher: p50, p99 and max in milliseconds, and a digest of
 * every assignment made (the same seed gives the same digest: two builds that decide alike agree).
 */
@Command(name = "bench-assign.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Times the primary's assigners on a big group (docs/DISPATCH.md, \"Scale\").")
public final class AssignScaleBench implements Callable<Integer> {
  @Option(names = "--elevators", defaultValue = "64", description = "cars (default: ${DEFAULT-VALUE})")
  int elevators;

  @Option(names = "--floors", defaultValue = "100", description = "floors (default: ${DEFAULT-VALUE})")
  int floors;

  @Option(names = "--calls", defaultValue = "500", description = "pending calls: hall calls first, the rest cab calls (default: ${DEFAULT-VALUE})")
  int calls;

  @Option(names = "--rounds", defaultValue = "1000", description = "timed rounds per dispatcher (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup", defaultValue = "200", description = "untimed rounds first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--dispatcher", defaultValue = "time-to-idle,paternoster", split = ",",
      description = "dispatchers, as replica.sh --dispatcher names them (default: ${DEFAULT-VALUE})")
  List<String> dispatchers;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() {
    CommandLine cmd = new CommandLine(this);
    if (elevators < 1 || elevators > 1024) throw new CommandLine.ParameterException(cmd, "--elevators must be in 1..1024");
    if (floors < Building.MIN_FLOORS || floors > Building.MAX_FLOORS) {
      throw new CommandLine.ParameterException(cmd, "--floors must be in " + Building.MIN_FLOORS + ".." + Building.MAX_FLOORS);
    }
    int hall = Math.min(calls, 2 * (floors - 1));
    int cab = calls - hall;
    if (calls < 0 || cab > elevators * floors) throw new CommandLine.ParameterException(cmd, "--calls must be in 0.." + (2 * (floors - 1) + elevators * floors));
    if (rounds < 1 || warmup < 0) throw new CommandLine.ParameterException(cmd, "--rounds must be >= 1 and --warmup >= 0");
    Building building = new Building(floors);
    for (String name : dispatchers) {
      if (!Assigners.DISPATCHERS.contains(name)) throw new CommandLine.ParameterException(cmd, "--dispatcher must name some of " + Assigners.DISPATCHERS);
      AtomicLong clock = new AtomicLong();
      Assigner assigner = Assigners.of(name, null, clock::get);
      Random random = new Random(seed);
      long[] nanos = new long[rounds];
      long digest = 17;
      for (int r = -warmup; r < rounds; r++) {
        Set<HallCall> hallCalls = hallCalls(random, hall);
        List<ElevatorState> cars = cars(random, cab);
        clock.addAndGet(100);
        long start = System.nanoTime();
        Assignment assignment = assigner.assign(building, hallCalls, cars);
        long took = System.nanoTime() - start;
        digest = 31 * digest + canonical(assignment).hashCode();
        if (r >= 0) nanos[r] = took;
      }
      Arrays.sort(nanos);
      System.out.println(new JsonObject().put("bench", "assign-scale").put("dispatcher", name).put("elevators", elevators)
          .put("floors", floors).put("hallCalls", hall).put("cabCalls", cab).put("rounds", rounds)
          .put("p50Ms", ms(nanos[rounds / 2])).put("p99Ms", ms(nanos[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.99) - 1)]))
          .put("maxMs", ms(nanos[rounds - 1])).put("digest", Long.toHexString(digest)).encode());
    }
    return 0;
  }

  /** {@code n} distinct hall calls, in a random order of the building's buttons. */
  private Set<HallCall> hallCalls(Random random, int n) {
    List<HallCall> all = new ArrayList<>();
    for (int f = 0; f < floors; f++) {
      if (f < floors - 1) all.add(new HallCall(f, Direction.UP));
      if (f > 0) all.add(new HallCall(f, Direction.DOWN));
    }
    java.util.Collections.shuffle(all, random);
    return new HashSet<>(all.subList(0, n));
  }

  /** The fleet, every car available, in a consistent random state, with {@code cab} cab calls spread over it. */
  private List<ElevatorState> cars(Random random, int cab) {
    boolean[][] cabs = new boolean[elevators][floors];
    for (int placed = 0; placed < cab; ) {
      int c = random.nextInt(elevators);
      int f = random.nextInt(floors);
      if (!cabs[c][f]) {
        cabs[c][f] = true;
        placed++;
      }
    }
    List<ElevatorState> out = new ArrayList<>();
    for (int c = 0; c < elevators; c++) {
      int floor = random.nextInt(floors);
      Behaviour b = Behaviour.values()[random.nextInt(Behaviour.values().length)];
      MotorDirection d = b == Behaviour.IDLE ? MotorDirection.STOP
          : floor == 0 ? MotorDirection.UP : floor == floors - 1 ? MotorDirection.DOWN : random.nextBoolean() ? MotorDirection.UP : MotorDirection.DOWN;
      out.add(new ElevatorState(String.format("e%03d", c), floor, b, d, cabs[c], true));
    }
    return out;
  }

  /** The assignment as text, cars and their calls in a fixed order. */
  private static String canonical(Assignment a) {
    StringBuilder out = new StringBuilder();
    new java.util.TreeMap<>(a.calls()).forEach((car, calls) -> {
      out.append(car).append(':');
      calls.stream().sorted(Assignment.CALL_ORDER).forEach(c -> out.append(c.floor()).append(c.direction().name().charAt(0)).append(','));
      out.append(';');
    });
    return out.toString();
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e4) / 100.0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new AssignScaleBench()).execute(args));
  }
}
