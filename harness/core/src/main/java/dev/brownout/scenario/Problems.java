package dev.brownout.scenario;

import dev.brownout.internal.checkedfile.CheckedDocument;
import dev.brownout.internal.checkedfile.FileProblems;

/** Collects the problems the scenario reader and semantic checks find in one schema-valid scenario file. */
final class Problems extends FileProblems {

    Problems(CheckedDocument scenario) {
        super(scenario);
    }
}
