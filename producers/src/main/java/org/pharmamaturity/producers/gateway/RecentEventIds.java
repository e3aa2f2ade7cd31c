package org.pharmamaturity.producers.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids the gateway stored most recently, so a redelivered message is not sent twice. Bounded (the oldest
 * id is forgotten first); a duplicate older than that, or one arriving after a restart, is still counted once by
 * the pipeline, which deduplicates by {@code eventId}.
 */
final class RecentEventIds {

    private final Map<String, Boolean> ids;

    RecentEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time {@code eventId} is seen (within the bound). */
    synchronized boolean firstTime(String eventId) {
        return ids.put(eventId, Boolean.TRUE) == null;
    }
}
