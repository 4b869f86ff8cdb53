/**
 * Gatling load runs measured by Brownout: a Gatling 3.15 simulation (Java DSL) sends the load, Brownout supplies the
 * fake world, the graded tasks and the fault timeline, and measures what the load lost in intelligence, availability
 * and money beside Gatling's own report.
 *
 * <ul>
 *   <li>{@link dev.brownout.gatling.BrownoutGatling#start} starts the world and the SUT when the simulation is
 *       constructed and gives a {@link dev.brownout.gatling.BrownoutLoad}: its HTTP protocol, its task feeders, its
 *       {@code ask()} chain that sends each task and records the exchange, its injection profiles, and the
 *       {@code before()}/{@code after()} hooks that measure the run.</li>
 *   <li>{@link dev.brownout.gatling.Ask} configures the {@code ask} chain (request name, wrong answers as KO);
 *       {@link dev.brownout.gatling.SessionKeys} names what it leaves in the Gatling session.</li>
 *   <li>{@link dev.brownout.gatling.VerifyBrownoutGates} fails the build after Gatling when a gate failed.</li>
 * </ul>
 *
 * <p>Gatling reaches outside the machine by default (a warm-up request, usage analytics, a version check); the
 * module's {@code gatling.conf} template and {@code README.md} say how to switch each off.
 */
package dev.brownout.gatling;
