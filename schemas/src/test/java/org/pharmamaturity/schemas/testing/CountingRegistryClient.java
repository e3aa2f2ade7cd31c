package org.pharmamaturity.schemas.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.avro.Schema;
import org.pharmamaturity.schemas.registry.CompatibilityLevel;
import org.pharmamaturity.schemas.registry.CompatibilityResult;
import org.pharmamaturity.schemas.registry.RegisteredSchema;
import org.pharmamaturity.schemas.registry.SchemaRegistryClient;

/** Passes every call to a real client and counts the calls per method name, to prove caching. */
public final class CountingRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public CountingRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    /** How many times the method was called. */
    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** Calls of every method together. */
    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public int register(String subject, Schema schema) {
        count("register");
        return delegate.register(subject, schema);
    }

    @Override
    public int getId(String subject, Schema schema) {
        count("getId");
        return delegate.getId(subject, schema);
    }

    @Override
    public Schema getSchemaById(int id) {
        count("getSchemaById");
        return delegate.getSchemaById(id);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        count("getLatestVersion");
        return delegate.getLatestVersion(subject);
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        count("testCompatibility");
        return delegate.testCompatibility(subject, schema);
    }

    @Override
    public Optional<CompatibilityLevel> getCompatibility(String subject) {
        count("getCompatibility");
        return delegate.getCompatibility(subject);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        count("setCompatibility");
        delegate.setCompatibility(subject, level);
    }
}
