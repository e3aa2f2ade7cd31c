package org.pharmamaturity.streams.state;

/** A state store that cannot be queried on this instance right now (start-up, rebalancing): retry shortly. */
public final class StoreNotQueryableException extends RuntimeException {

    public StoreNotQueryableException(String message) {
        super(message);
    }
}
