package org.alongside.platform.problem;

/**
 * A query or path parameter whose value cannot be read, with the parameter's name as the client sent it. An
 * {@link IllegalArgumentException}, as JAX-RS expects of a parameter converter; the problem mappers answer 400.
 */
public class InvalidParameterException extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
