/**
 * The car's state machine, sans I/O: {@link org.paternoster.elevator.fsm.Fsm} takes events with
 * {@code now} and returns {@link org.paternoster.elevator.fsm.Action}s; {@link
 * org.paternoster.elevator.fsm.FsmRunner} connects it to an {@code ElevatorIo} on one Vert.x
 * context. {@link org.paternoster.elevator.fsm.Calls} is both "what this car must serve" and
 * "what the panel shows lit".
 */
package org.paternoster.elevator.fsm;
