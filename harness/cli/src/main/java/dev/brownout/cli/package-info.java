/**
 * The {@code brownout} command line ({@link dev.brownout.cli.BrownoutCli}): {@code run} plays a scenario
 * against a system under test, {@code validate} checks scenario files, {@code list} shows the shipped
 * scenarios, {@code gate}, {@code report} and {@code compare} work on stored results, {@code demo} plays the
 * OAuth outage against both reference gateways, and {@code fakes} and {@code toxiproxy} serve a fake world or
 * the embedded fault proxy on their own.
 * <p>
 * It covers the whole flow from outside: {@code run} hands the scenario to {@code dev.brownout.Brownout},
 * which starts the world and the SUT, plays the phases and measures {@code result.json}; the CLI then shows
 * progress, prints the headline figures and gates, and points at the reports. It uses the public API of
 * {@code dev.brownout}, {@code dev.brownout.scenario}, {@code dev.brownout.input}, the reports, the fakes and
 * {@code dev.brownout.faultproxy}; nothing uses it.
 * <p>
 * Public API only as a command: the subcommands and their options are the contract, while the classes behind
 * them are package-private.
 */
package dev.brownout.cli;
