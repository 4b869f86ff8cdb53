/**
 * The JUnit Jupiter extension: a fake world per test class or per test, injected as a parameter, or a measured
 * run per test with its result injected.
 */
package dev.brownout.junit;
