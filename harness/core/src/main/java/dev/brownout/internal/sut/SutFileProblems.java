package dev.brownout.internal.sut;

import dev.brownout.internal.checkedfile.CheckedDocument;
import dev.brownout.internal.checkedfile.FileProblems;

/** Collects the problems {@link SutSemantics} and the reader find in one schema-valid SUT file. */
final class SutFileProblems extends FileProblems {

    SutFileProblems(CheckedDocument sutFile) {
        super(sutFile);
    }
}
