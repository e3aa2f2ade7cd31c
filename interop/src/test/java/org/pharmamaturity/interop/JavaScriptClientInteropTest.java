package org.pharmamaturity.interop;

/** The interop contract against Confluent's official JavaScript client ({@code @confluentinc/schemaregistry}). */
class JavaScriptClientInteropTest extends ConfluentClientInteropContract {

    @Override
    ExternalClient client() {
        return new JavaScriptClient();
    }
}
