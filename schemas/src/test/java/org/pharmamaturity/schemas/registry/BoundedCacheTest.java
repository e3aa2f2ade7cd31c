package org.pharmamaturity.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void loadsOncePerKey() {
        BoundedCache<String, Integer> cache = new BoundedCache<>(10);
        AtomicInteger loads = new AtomicInteger();

        cache.computeIfAbsent("a", k -> loads.incrementAndGet());
        cache.computeIfAbsent("a", k -> loads.incrementAndGet());

        assertThat(loads).hasValue(1);
        assertThat(cache.get("a")).isEqualTo(1);
    }

    @Test
    void forgetsTheOldestBeyondCapacity() {
        BoundedCache<Integer, String> cache = new BoundedCache<>(2);

        cache.put(1, "one");
        cache.put(2, "two");
        cache.computeIfAbsent(3, k -> "three");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(1)).isNull();
        assertThat(cache.get(2)).isEqualTo("two");
        assertThat(cache.get(3)).isEqualTo("three");
    }

    @Test
    void aFailedLoadCachesNothing() {
        BoundedCache<String, String> cache = new BoundedCache<>(2);

        assertThatThrownBy(() -> cache.computeIfAbsent("x", k -> {
            throw new IllegalStateException("registry down");
        })).hasMessage("registry down");

        assertThat(cache.get("x")).isNull();
        assertThat(cache.computeIfAbsent("x", k -> "loaded")).isEqualTo("loaded");
    }
}
