package org.paternoster.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paternoster.assign.Cars.down;
import static org.paternoster.assign.Cars.idle;
import static org.paternoster.assign.Cars.up;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paternoster.orders.Building;
import org.paternoster.orders.HallCall;

/** Against real programs: bash and python3 scripts written into a temporary directory. */
class ExternalAssignerTest {
  private static final Building FOUR = new Building(4);
  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final Set<HallCall> CALLS = Set.of(up(2), down(3));
  private static final List<ElevatorState> CARS =
      List.of(idle("a", 0, 4), idle("b", 3, 4), idle("z", 3, 4).withAvailable(false));
  private static final Assignment BUILT_IN = new TimeToIdleAssigner().assign(FOUR, CALLS, CARS);
  private static final Assignment ALL_TO_A = new Assignment(Map.of("a", CALLS, "b", Set.of()));

  /** Gives every hall call to the last available id; reads the request from stdin or {@code --input}. */
  private static final String GIVE_ALL_TO_LAST = """
      import json, sys
      text = sys.argv[sys.argv.index("--input") + 1] if "--input" in sys.argv else sys.stdin.read()
      request = json.loads(text)
      ids = sorted(request["states"])
      nothing = [[False, False] for _ in request["hallRequests"]]
      answer = {i: nothing for i in ids}
      answer[ids[-1]] = request["hallRequests"]
      print(json.dumps(answer))
      """;

  @TempDir Path dir;

  private ExternalAssigner external(String commandLine, ExternalAssigner.InputMode mode, Duration timeout) {
    return new ExternalAssigner(ShellWords.split(commandLine), mode, timeout, new TimeToIdleAssigner());
  }

  private Path script(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void usesTheProgramsAnswerGivenAsInputArgument() throws IOException {
    assertThat(BUILT_IN).isNotEqualTo(ALL_TO_A);
    String answer = CourseJson.answer(ALL_TO_A, FOUR).encode();
    Path fixed = script("fixed.sh", "[ \"$1\" = --input ] && [ $# = 2 ] || exit 3\necho '" + answer + "'\n");
    Assigner assigner = external("bash " + fixed, ExternalAssigner.InputMode.ARGUMENT, GENEROUS);
    assertThat(assigner.mayBlock()).isTrue();
    assertThat(assigner.assign(FOUR, CALLS, CARS)).isEqualTo(ALL_TO_A);
  }

  @Test
  void sendsOnlyAvailableCarsOnStdin() throws IOException {
    Path py = script("give_all.py", GIVE_ALL_TO_LAST);
    Assigner assigner = external("python3 " + py, ExternalAssigner.InputMode.STDIN, GENEROUS);
    assertThat(assigner.assign(FOUR, CALLS, CARS)).isEqualTo(new Assignment(Map.of("a", Set.of(), "b", CALLS)));
  }

  @Test
  void quotedCommandLinesWork() throws IOException {
    Files.createDirectories(dir.resolve("my assigners"));
    Path py = script("my assigners/give all.py", GIVE_ALL_TO_LAST);
    Assigner assigner = Assigners.fromCommandLine("python3 '" + py + "'", ExternalAssigner.InputMode.ARGUMENT, GENEROUS);
    List<ElevatorState> cars = List.of(idle("a", 0, 4), idle("c", 3, 4), idle("b", 1, 4));
    assertThat(assigner.assign(FOUR, CALLS, cars).callsFor("c")).isEqualTo(CALLS);
  }

  @Test
  void aProgramThatOverrunsTheTimeoutIsKilledAndTheBuiltInAnswers() throws IOException {
    Path slow = script("slow.sh", "sleep 20\necho '" + CourseJson.answer(ALL_TO_A, FOUR).encode() + "'\n");
    long start = System.nanoTime();
    Assignment a = external("bash " + slow, ExternalAssigner.InputMode.ARGUMENT, Duration.ofMillis(300))
        .assign(FOUR, CALLS, CARS);
    assertThat(a).isEqualTo(BUILT_IN);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void garbageOutputFallsBack() throws IOException {
    Path garbage = script("garbage.sh", "echo 'hello, elevators'\n");
    assertThat(external("bash " + garbage, ExternalAssigner.InputMode.ARGUMENT, GENEROUS).assign(FOUR, CALLS, CARS))
        .isEqualTo(BUILT_IN);
  }

  @Test
  void anInvalidAnswerFallsBack() throws IOException {
    Assignment twice = new Assignment(Map.of("a", Set.of(up(2)), "b", Set.of(down(3))));
    String both = CourseJson.answer(twice, FOUR).encode().replace("[false,false],[false,false],[false,true]", "[false,false],[true,false],[false,true]");
    Path invalid = script("invalid.sh", "echo '" + both + "'\n");
    assertThat(both).isNotEqualTo(CourseJson.answer(twice, FOUR).encode());
    assertThat(external("bash " + invalid, ExternalAssigner.InputMode.ARGUMENT, GENEROUS).assign(FOUR, CALLS, CARS))
        .isEqualTo(BUILT_IN);
  }

  @Test
  void aNonZeroExitFallsBackEvenWithAValidAnswer() throws IOException {
    Path failing = script("failing.sh", "echo '" + CourseJson.answer(ALL_TO_A, FOUR).encode() + "'\nexit 1\n");
    assertThat(external("bash " + failing, ExternalAssigner.InputMode.ARGUMENT, GENEROUS).assign(FOUR, CALLS, CARS))
        .isEqualTo(BUILT_IN);
  }

  @Test
  void aMissingProgramFallsBack() {
    String missing = dir.resolve("no-such-assigner").toString();
    assertThat(external(missing, ExternalAssigner.InputMode.ARGUMENT, GENEROUS).assign(FOUR, CALLS, CARS))
        .isEqualTo(BUILT_IN);
  }

  @Test
  void noProgramRunsWhenTheAnswerIsForced() throws IOException {
    Path marker = dir.resolve("ran");
    Path touch = script("touch.sh", "touch '" + marker + "'\n");
    ExternalAssigner assigner = external("bash " + touch, ExternalAssigner.InputMode.ARGUMENT, GENEROUS);
    assertThat(assigner.assign(FOUR, Set.of(), CARS)).isEqualTo(Assignment.none(List.of("a", "b")));
    assertThat(assigner.assign(FOUR, CALLS, List.of(CARS.get(2))).calls()).isEmpty();
    assertThat(marker).doesNotExist();
  }
}
