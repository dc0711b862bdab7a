/**
 * The TTK4145 elevator-server protocol and its driver. Start at {@link
 * org.paternoster.elevator.hardware.ElevatorIo} (what a controller sees: {@link
 * org.paternoster.elevator.hardware.HardwareEvent}s in, commands out) and {@link
 * org.paternoster.elevator.hardware.ElevatorDriver} (its TCP implementation). {@code Frame},
 * {@code Poll}, {@code EdgeDetector} and {@code Outputs} are the pure parts the driver is built from.
 */
package org.paternoster.elevator.hardware;
