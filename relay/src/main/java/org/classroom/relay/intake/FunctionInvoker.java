package org.classroom.relay.intake;

/** Invokes the function synchronously with one event. */
public interface FunctionInvoker {

    /**
     * @param event the SQS event JSON
     * @return the function's reply
     * @throws org.classroom.relay.aws.ServiceCalls.StoppedException when the relay stops meanwhile
     */
    FunctionReply invoke(String event);

    /**
     * What the function answered: {@code functionError} is set (e.g. "Unhandled") when it failed as
     * a whole; otherwise {@code payload} is its JSON response.
     */
    record FunctionReply(String functionError, String payload) {
        public boolean failed() {
            return functionError != null;
        }
    }
}
