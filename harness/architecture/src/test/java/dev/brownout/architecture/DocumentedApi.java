package dev.brownout.architecture;

import java.util.List;

/**
 * The packages whose public types are Brownout's API: what a user may import. Everything else public lives
 * in an {@code internal} package and may change without notice. Adding a package here is an API decision.
 */
final class DocumentedApi {

    static final List<String> PACKAGES = List.of(
            // brownout-core: the entry point and the types a user touches
            "dev.brownout", "dev.brownout.scenario", "dev.brownout.sut", "dev.brownout.world", "dev.brownout.input",
            // brownout-cli: the command line's main class
            "dev.brownout.cli",
            // brownout-junit-jupiter, brownout-assertj and brownout-gatling
            "dev.brownout.junit", "dev.brownout.assertj", "dev.brownout.gatling",
            // brownout-fault-proxy and brownout-fault-proxy-container
            "dev.brownout.faultproxy", "dev.brownout.faultproxy.backend", "dev.brownout.faultproxy.container",
            // brownout-fake-providers: the fake world, its configuration, behaviours, ledgers and OAuth server
            "dev.brownout.fakes", "dev.brownout.fakes.admin", "dev.brownout.fakes.behaviour", "dev.brownout.fakes.canary",
            "dev.brownout.fakes.auth", "dev.brownout.fakes.catalog", "dev.brownout.fakes.config", "dev.brownout.fakes.ledger",
            "dev.brownout.fakes.oauth",
            // brownout-reports: the run result, gates and every renderer
            "dev.brownout.reports", "dev.brownout.reports.bundle", "dev.brownout.reports.compare", "dev.brownout.reports.format",
            "dev.brownout.reports.gate",
            "dev.brownout.reports.html", "dev.brownout.reports.junit", "dev.brownout.reports.markdown",
            "dev.brownout.reports.scorecard",
            // brownout-reference-gateways
            "dev.brownout.gateways", "dev.brownout.gateways.naive", "dev.brownout.gateways.resilient");

    private DocumentedApi() {
    }
}
