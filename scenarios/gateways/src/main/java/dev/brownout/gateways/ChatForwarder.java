package dev.brownout.gateways;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** A gateway's policy for one chat completion: which upstreams to ask, and what to do when they fail. */
public interface ChatForwarder {

    /** Answers the caller on {@code ctx}, streaming when {@code request} asks for it. */
    void forward(Context ctx, ObjectNode request);
}
