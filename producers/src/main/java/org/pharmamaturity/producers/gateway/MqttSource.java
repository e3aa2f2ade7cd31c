package org.pharmamaturity.producers.gateway;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.pharmamaturity.producers.ProducersException;
import org.pharmamaturity.schemas.TrustStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT side of the gateway (Eclipse Paho, MQTT 3.1.1): subscribes with QoS 1 to the filters of the mapping's
 * rules in a persistent session and acknowledges each message only after its record is on disk, so a message the
 * gateway did not store is delivered again (after a crash, or while the buffer is full under STOP_ACKNOWLEDGING).
 * Reconnects by itself when the broker goes away.
 */
public final class MqttSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSource.class);
    private static final String PROTOCOL = "mqtt";

    private final MqttClient client;
    private final List<String> filters;

    private MqttSource(MqttClient client, List<String> filters) {
        this.client = client;
        this.filters = filters;
    }

    /** Connects, subscribes and starts handing messages to {@code intake}. */
    static MqttSource start(MqttSettings settings, GatewayMapping mapping, RecordAssembler assembler,
            GatewayIntake intake, GatewayMetrics metrics, Clock clock) {
        List<String> filters = mapping.mqttSubscriptions();
        if (filters.isEmpty()) {
            throw new ProducersException("--mqtt was given but the mapping file has no mqtt: rules; add some or use "
                    + "the default mapping");
        }
        MqttMessageMapper mapper = new MqttMessageMapper(mapping, assembler);
        try {
            MqttClient client = new MqttClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
            MqttSource source = new MqttSource(client, filters);
            client.setManualAcks(true);
            client.setCallback(source.new Callback(mapper, intake, metrics, clock));
            client.connect(options(settings));
            source.subscribe();
            metrics.sourceConnected(PROTOCOL, true);
            LOG.info("MQTT: connected to {} as {}, subscribed to {}", settings.serverUri(), settings.clientId(), filters);
            return source;
        } catch (MqttException e) {
            throw new ProducersException("cannot connect to the MQTT broker " + settings.serverUri() + ": " + e
                    + "; check --mqtt, the credentials and the broker", e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.warn("MQTT: disconnecting: {}", e.toString());
        }
    }

    private void subscribe() throws MqttException {
        int[] qos = new int[filters.size()];
        Arrays.fill(qos, 1);
        client.subscribe(filters.toArray(String[]::new), qos);
    }

    private static MqttConnectOptions options(MqttSettings settings) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(5_000);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (settings.username() != null) {
            options.setUserName(settings.username());
            options.setPassword(settings.password() == null ? new char[0] : settings.password());
        }
        if (settings.trustStore() != null) {
            options.setSocketFactory(sslContext(settings).getSocketFactory());
        }
        return options;
    }

    private static SSLContext sslContext(MqttSettings settings) {
        try {
            return TrustStores.trusting(settings.trustStore(), settings.trustStorePassword(), "PKCS12");
        } catch (IOException | GeneralSecurityException e) {
            throw new ProducersException("cannot read the MQTT trust store " + settings.trustStore() + ": " + e.getMessage()
                    + "; pass a PKCS#12 file and its password (--mqtt-truststore, --mqtt-truststore-password)", e);
        }
    }

    /** Paho's callbacks: one message at a time, on Paho's thread, acknowledged once stored. */
    private final class Callback implements MqttCallbackExtended {

        private final MqttMessageMapper mapper;
        private final GatewayIntake intake;
        private final GatewayMetrics metrics;
        private final Clock clock;

        Callback(MqttMessageMapper mapper, GatewayIntake intake, GatewayMetrics metrics, Clock clock) {
            this.mapper = mapper;
            this.intake = intake;
            this.metrics = metrics;
            this.clock = clock;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            byte[] payload = message.getPayload();
            Outcome outcome = mapper.map(topic, payload, clock.instant());
            intake.accept(PROTOCOL, MqttMessageMapper.source(topic), payload, outcome, () -> acknowledge(message));
        }

        private void acknowledge(MqttMessage message) {
            try {
                client.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                // The broker delivers it again; the same event id makes it a duplicate, not a second record.
                LOG.warn("MQTT: cannot acknowledge message {}: {}", message.getId(), e.toString());
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            metrics.sourceConnected(PROTOCOL, true);
            if (reconnect) {
                LOG.info("MQTT: reconnected to {}", serverUri);
                // A broker that lost the session (restarted without persistence) needs the subscriptions again;
                // Paho must not be called back from its own callback, hence the thread.
                Thread.ofVirtual().start(() -> {
                    try {
                        subscribe();
                    } catch (MqttException e) {
                        LOG.error("MQTT: cannot subscribe again to {}: {}", filters, e.toString());
                    }
                });
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            metrics.sourceConnected(PROTOCOL, false);
            LOG.warn("MQTT: connection lost ({}); reconnecting", cause == null ? "no reason given" : cause.toString());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // The gateway only subscribes; it publishes nothing.
        }
    }
}
