package io.skysentinel.api.rest;

/** A client sent a parameter we cannot use; becomes a 400 problem detail naming it. */
public class InvalidParameterException extends RuntimeException {
    private final String parameter;

    public InvalidParameterException(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
