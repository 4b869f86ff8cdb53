package dev.brownout.sut;

/**
 * A system under test inside the same JVM: it takes one task's prompt and answers it. Adapters for
 * gateways over HTTP and for processes implement the same interface.
 */
@FunctionalInterface
public interface SutClient {

    /** Answers one request; may block. An exception counts as an error exchange, never as an answer. */
    SutReply send(SutRequest request) throws Exception;
}
