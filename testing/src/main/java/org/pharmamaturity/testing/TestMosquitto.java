package org.pharmamaturity.testing;

import java.nio.file.Path;

import org.pharmamaturity.embedded.MosquittoBroker;

/**
 * Starts a {@link MosquittoBroker} for a test: without the program the test is skipped loudly on a laptop and fails
 * under CI=true (see {@link ExternalTools}).
 */
public final class TestMosquitto {

    private TestMosquitto() {
    }

    /** Starts a broker in {@code work}, once {@link ExternalTools} has decided the program's absence. */
    public static MosquittoBroker start(Path work) {
        ExternalTools.require(MosquittoBroker.installed(), "the MQTT broker mosquitto", MosquittoBroker.INSTALL_COMMAND);
        return MosquittoBroker.start(work);
    }
}
