package dev.brownout.harness.sut;

import dev.brownout.harness.checkedfile.CheckedDocument;
import dev.brownout.harness.checkedfile.FileProblems;

/** Collects the problems {@link SutSemantics} and the reader find in one schema-valid SUT file. */
final class SutFileProblems extends FileProblems {

    SutFileProblems(CheckedDocument sutFile) {
        super(sutFile);
    }
}
