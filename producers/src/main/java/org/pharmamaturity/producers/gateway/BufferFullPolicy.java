package org.pharmamaturity.producers.gateway;

/** What the gateway does when the store-and-forward buffer is full. */
public enum BufferFullPolicy {
    /** Drop the oldest buffered records (counted and logged) to make room: the plant keeps publishing. */
    DROP_OLDEST,
    /** Stop acknowledging MQTT messages until there is room: the broker keeps them (QoS 1) and nothing is dropped. */
    STOP_ACKNOWLEDGING
}
