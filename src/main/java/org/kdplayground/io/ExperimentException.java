package org.kdplayground.io;

/** An experiment file that cannot be used; the message names the file and the problem. */
public class ExperimentException extends RuntimeException {

    public ExperimentException(String message) {
        super(message);
    }
}
