/**
 * A simulated elevator with the official simulator's physics, speaking the same protocol:
 * {@link org.paternoster.elevator.sim.SimulatorCore} (pure physics and panel), {@link
 * org.paternoster.elevator.sim.SimulatorServer} (one TCP client at a time), {@link
 * org.paternoster.elevator.sim.SimulatorHttp} (buttons and faults over HTTP), and {@link
 * org.paternoster.elevator.sim.EmbeddedSimulator}, which runs them in-process.
 */
package org.paternoster.elevator.sim;
