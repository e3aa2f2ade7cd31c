package org.pharmamaturity.interop;

/** The interop contract against Confluent's Python client (Debian's python3-confluent-kafka, legacy Avro API). */
class PythonClientInteropTest extends ConfluentClientInteropContract {

    @Override
    ExternalClient client() {
        return new PythonClient();
    }
}
