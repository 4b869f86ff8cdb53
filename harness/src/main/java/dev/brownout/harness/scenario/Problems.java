package dev.brownout.harness.scenario;

import dev.brownout.harness.checkedfile.CheckedDocument;
import dev.brownout.harness.checkedfile.FileProblems;

/** Collects the problems the scenario reader and semantic checks find in one schema-valid scenario file. */
final class Problems extends FileProblems {

    Problems(CheckedDocument scenario) {
        super(scenario);
    }
}
