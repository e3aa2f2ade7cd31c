package org.pharmamaturity.producers.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.pharmamaturity.producers.ProducersException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC UA side of the gateway (Eclipse Milo): one subscription with a monitored item per node of the mapping,
 * each value change mapped by {@link NodeValueMapper} and stored by the {@link GatewayIntake}. Milo reconnects by
 * itself; when the server lost the subscription (it restarted), the subscription is created again and the items'
 * current values carry on from the last ones seen. The session's and each item's status are logged and served as
 * metrics.
 */
public final class OpcUaSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaSource.class);
    private static final String PROTOCOL = "opcua";
    private static final double PUBLISHING_INTERVAL_MS = 250;

    private final OpcUaClient client;
    private final OpcUaSubscription subscription;
    private final GatewayMetrics metrics;

    private OpcUaSource(OpcUaClient client, OpcUaSubscription subscription, GatewayMetrics metrics) {
        this.client = client;
        this.subscription = subscription;
        this.metrics = metrics;
    }

    /** Connects, subscribes to every node of the mapping and starts handing values to {@code intake}. */
    static OpcUaSource start(OpcUaSettings settings, GatewayMapping mapping, RecordAssembler assembler,
            GatewayIntake intake, GatewayMetrics metrics, Clock clock) {
        if (mapping.opcua().isEmpty()) {
            throw new ProducersException("--opcua was given but the mapping file has no opcua: rules; add one per node");
        }
        SecurityPolicy policy = policy(settings.securityPolicy());
        try {
            OpcUaClient client = OpcUaClient.create(settings.endpointUrl(),
                    endpoints -> select(endpoints, policy),
                    transport -> { },
                    config -> configure(config, settings, policy));
            client.addSessionActivityListener(new SessionActivityListener() {
                @Override
                public void onSessionActive(UaSession session) {
                    metrics.sourceConnected(PROTOCOL, true);
                    LOG.info("OPC UA: session active on {}", settings.endpointUrl());
                }

                @Override
                public void onSessionInactive(UaSession session) {
                    metrics.sourceConnected(PROTOCOL, false);
                    LOG.warn("OPC UA: session to {} inactive; reconnecting", settings.endpointUrl());
                }
            });
            client.connect();
            OpcUaSubscription subscription = new OpcUaSubscription(client, PUBLISHING_INTERVAL_MS);
            OpcUaSource source = new OpcUaSource(client, subscription, metrics);
            Map<NodeId, NodeRule> rules = new HashMap<>();
            mapping.opcua().forEach(rule -> rules.put(NodeId.parse(rule.nodeId()), rule));
            subscription.setSubscriptionListener(source.new Listener(rules, new NodeValueMapper(assembler), intake, clock));
            rules.keySet().forEach(node -> subscription.addMonitoredItem(OpcUaMonitoredItem.newDataItem(node)));
            source.subscribe();
            LOG.info("OPC UA: connected to {} ({}), monitoring {} node(s)", settings.endpointUrl(), policy, rules.size());
            return source;
        } catch (UaException e) {
            throw new ProducersException("cannot connect to the OPC UA server " + settings.endpointUrl() + ": "
                    + e.getMessage() + "; check --opcua, the security policy, the certificates and the credentials", e);
        }
    }

    @Override
    public void close() {
        try {
            subscription.delete();
        } catch (UaException e) {
            LOG.debug("OPC UA: deleting the subscription: {}", e.toString());
        }
        try {
            client.disconnect();
        } catch (UaException e) {
            LOG.warn("OPC UA: disconnecting: {}", e.toString());
        }
    }

    /** Creates the subscription and its items on the server and reports each item's status. */
    private synchronized void subscribe() throws UaException {
        subscription.create();
        try {
            subscription.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException e) {
            e.getCreateResults().forEach(result -> LOG.error("OPC UA: cannot monitor {}: {}",
                    result.monitoredItem().getReadValueId().getNodeId().toParseableString(), result.operationResult()));
        }
        for (OpcUaMonitoredItem item : subscription.getMonitoredItems()) {
            String node = item.getReadValueId().getNodeId().toParseableString();
            boolean good = item.getCreateResult().map(StatusCode::isGood).orElse(false);
            metrics.itemGood(node, good);
            if (!good) {
                LOG.error("OPC UA: monitored item {} status {}", node, item.getCreateResult().orElse(null));
            }
        }
    }

    private static SecurityPolicy policy(String name) {
        return switch (name) {
            case "None" -> SecurityPolicy.None;
            case "Basic256Sha256" -> SecurityPolicy.Basic256Sha256;
            default -> throw new ProducersException("--opcua-security " + name + " is not supported; use None or "
                    + "Basic256Sha256");
        };
    }

    private static Optional<EndpointDescription> select(List<EndpointDescription> endpoints, SecurityPolicy policy) {
        MessageSecurityMode mode = policy == SecurityPolicy.None ? MessageSecurityMode.None
                : MessageSecurityMode.SignAndEncrypt;
        return endpoints.stream().filter(e -> policy.getUri().equals(e.getSecurityPolicyUri())
                && e.getSecurityMode() == mode).findFirst();
    }

    private static void configure(OpcUaClientConfigBuilder config, OpcUaSettings settings, SecurityPolicy policy) {
        config.setApplicationName(LocalizedText.english("pharma maturity gateway"));
        config.setIdentityProvider(settings.username() == null ? new AnonymousProvider()
                : new UsernameProvider(settings.username(), new String(settings.password() == null ? new char[0]
                : settings.password())));
        if (settings.keyStore() != null) {
            ClientCertificate certificate = ClientCertificate.load(settings);
            config.setKeyPair(certificate.keyPair()).setCertificate(certificate.chain()[0])
                    .setCertificateChain(certificate.chain())
                    .setApplicationUri(CertificateUtil.getSanUri(certificate.chain()[0]).orElse("urn:pharma-maturity:gateway"));
        } else if (policy != SecurityPolicy.None) {
            throw new ProducersException("--opcua-security " + policy + " needs the gateway's certificate: pass "
                    + "--opcua-keystore (PKCS#12 with its private key)");
        }
        if (settings.pkiDir() != null) {
            try {
                config.setCertificateValidator(new DefaultClientCertificateValidator(
                        FileBasedTrustListManager.createAndInitialize(settings.pkiDir()),
                        FileBasedCertificateQuarantine.create(settings.pkiDir().resolve("rejected").resolve("certs"))));
            } catch (IOException e) {
                throw new ProducersException("cannot use the OPC UA trust list " + settings.pkiDir() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The gateway's key pair and certificate chain from its PKCS#12 key store (the first key entry). */
    private record ClientCertificate(KeyPair keyPair, X509Certificate[] chain) {

        static ClientCertificate load(OpcUaSettings settings) {
            try (InputStream in = Files.newInputStream(settings.keyStore())) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, settings.keyStorePassword());
                for (String alias : java.util.Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)) {
                        X509Certificate[] chain = Arrays.stream(store.getCertificateChain(alias))
                                .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
                        PrivateKey key = (PrivateKey) store.getKey(alias, settings.keyStorePassword());
                        return new ClientCertificate(new KeyPair(chain[0].getPublicKey(), key), chain);
                    }
                }
                throw new ProducersException("the key store " + settings.keyStore() + " has no private key entry");
            } catch (IOException | GeneralSecurityException e) {
                throw new ProducersException("cannot read the OPC UA key store " + settings.keyStore() + ": "
                        + e.getMessage() + " (a PKCS#12 file and its password, --opcua-keystore-password-file)", e);
            }
        }
    }

    /** Milo's subscription callbacks: values to records, and the subscription made again when the server lost it. */
    private final class Listener implements OpcUaSubscription.SubscriptionListener {

        private final Map<NodeId, NodeRule> rules;
        private final NodeValueMapper mapper;
        private final GatewayIntake intake;
        private final Clock clock;

        Listener(Map<NodeId, NodeRule> rules, NodeValueMapper mapper, GatewayIntake intake, Clock clock) {
            this.rules = rules;
            this.mapper = mapper;
            this.intake = intake;
            this.clock = clock;
        }

        @Override
        public void onDataReceived(OpcUaSubscription subscription, List<OpcUaMonitoredItem> items, List<DataValue> values) {
            for (int i = 0; i < items.size(); i++) {
                NodeRule rule = rules.get(items.get(i).getReadValueId().getNodeId());
                DataValue value = values.get(i);
                StatusCode status = value.getStatusCode() == null ? StatusCode.GOOD : value.getStatusCode();
                metrics.itemGood(rule.nodeId(), status.isGood());
                Instant receivedAt = clock.instant();
                Optional<Outcome> outcome = mapper.map(rule, value.getValue().getValue(), quality(status),
                        time(value, receivedAt), receivedAt);
                if (outcome.isPresent()) {
                    store(rule, value, outcome.get());
                }
            }
        }

        @Override
        public void onTransferFailed(OpcUaSubscription subscription, StatusCode status) {
            LOG.warn("OPC UA: the server lost the subscription ({}); creating it again", status);
            Thread.ofVirtual().start(() -> {
                try {
                    subscribe();
                } catch (UaException e) {
                    LOG.error("OPC UA: cannot create the subscription again: {}", e.getMessage());
                }
            });
        }

        @Override
        public void onStatusChanged(OpcUaSubscription subscription, StatusCode status) {
            LOG.info("OPC UA: subscription status {}", status);
        }

        @Override
        public void onNotificationDataLost(OpcUaSubscription subscription) {
            LOG.warn("OPC UA: the server could not republish missed notifications; counters catch up with their next "
                    + "value, intermediate states and readings are lost");
        }

        private void store(NodeRule rule, DataValue value, Outcome outcome) {
            try {
                // OPC UA has no acknowledgement: a value lost in a crash before the fsync is read again on reconnect.
                intake.accept(PROTOCOL, NodeValueMapper.source(rule.nodeId()),
                        value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), outcome, () -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String quality(StatusCode status) {
            return status.isGood() ? "GOOD" : status.isUncertain() ? "UNCERTAIN" : "BAD";
        }

        private static Instant time(DataValue value, Instant receivedAt) {
            DateTime time = value.getSourceTime() != null ? value.getSourceTime() : value.getServerTime();
            return time == null || time.isNull() ? receivedAt : time.getJavaInstant();
        }
    }
}
