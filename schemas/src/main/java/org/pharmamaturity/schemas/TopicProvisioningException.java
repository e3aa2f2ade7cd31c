package org.pharmamaturity.schemas;

/** The pipeline's topics could not be listed or created; the message names the cluster and what to check. */
public final class TopicProvisioningException extends RuntimeException {

    public TopicProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
