/**
 * Hall-call assignment in the primary: which car serves each pending hall call.
 *
 * <p>{@link org.paternoster.assign.Assigner} is the extension point: a pure function from the
 * building, the pending hall calls and the cars' {@link org.paternoster.assign.ElevatorState}s to
 * an {@link org.paternoster.assign.Assignment}. {@link org.paternoster.assign.TimeToIdleAssigner}
 * is the built-in one (the course's time-to-idle cost); {@link
 * org.paternoster.assign.ExternalAssigner} runs any program that speaks the course's JSON ({@link
 * org.paternoster.assign.CourseJson}) and falls back to the built-in one. {@link
 * org.paternoster.assign.Assigners} picks one from {@code --assigner-cmd}. No Vert.x event loop,
 * timer or socket in here.
 */
package org.paternoster.assign;
