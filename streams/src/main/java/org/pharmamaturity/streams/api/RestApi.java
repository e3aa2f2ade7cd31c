package org.pharmamaturity.streams.api;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.pharmamaturity.schemas.Topic;
import org.pharmamaturity.schemas.avro.ScenarioDeclaration;
import org.pharmamaturity.schemas.avro.SelfAssessmentSubmission;
import org.pharmamaturity.streams.config.ServiceSettings;
import org.pharmamaturity.streams.maturity.ModelSetup;
import org.pharmamaturity.streams.scenario.ScenarioDeclarations;
import org.pharmamaturity.streams.state.LocalStores;
import org.pharmamaturity.streams.state.StoreNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's HTTP side: the REST API of DESIGN.md section 5 over the state stores, {@code /health} and
 * {@code /metrics}. {@link #bind} takes the port and reads the tokens before Kafka Streams is created (it must be
 * told {@link #applicationServer()}); {@link #start} serves once Kafka Streams runs.
 */
public final class RestApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final ApiServer server;
    private final TokenAuthenticator tokens;
    private final String advertisedHost;
    private InputPublisher<SelfAssessmentSubmission> assessmentPublisher;
    private InputPublisher<ScenarioDeclaration> declarationPublisher;

    private RestApi(ApiServer server, TokenAuthenticator tokens, String advertisedHost) {
        this.server = server;
        this.tokens = tokens;
        this.advertisedHost = advertisedHost;
    }

    /** Reads the tokens and binds the port of the settings. */
    public static RestApi bind(ServiceSettings settings) {
        TokenAuthenticator tokens = TokenAuthenticator.load(settings.api());
        return new RestApi(ApiServer.bind(settings.api()), tokens, settings.api().advertisedHost());
    }

    /** {@code host:port} for Kafka Streams' {@code application.server}, so other instances find this one. */
    public String applicationServer() {
        return advertisedHost + ":" + server.port();
    }

    /** The port the API listens on. */
    public int port() {
        return server.port();
    }

    /** Starts serving the stores of {@code streams}, the models, the scenario catalogue, and the hooks' metrics. */
    public void start(KafkaStreams streams, ServiceSettings settings, ModelSetup models, ScenarioDeclarations scenarios,
            ApiHooks hooks) {
        assessmentPublisher = new InputPublisher<>(settings, Topic.ASSESSMENT_SELF_SUBMITTED,
                SelfAssessmentSubmission::getEnterpriseId, "assessments");
        declarationPublisher = new InputPublisher<>(settings, Topic.ASSESSMENT_SCENARIOS_DECLARED,
                ScenarioDeclaration::getEnterpriseId, "scenario-declarations");
        LocalStores stores = new LocalStores(streams);
        Predicate<String> registered = id -> stores.get(StoreNames.REF_ENTERPRISE, id).isPresent();
        Instances instances = new Instances(streams, new HostInfo(advertisedHost, server.port()));
        GroupDisclosure groups = new GroupDisclosure(settings.api().minGroupSize());
        List<Route> routes = new ArrayList<>();
        routes.addAll(new EnterpriseResource(stores, instances).routes());
        GroupAnswers groupAnswers = new GroupAnswers(stores, instances, groups);
        routes.addAll(new SectorResource(groupAnswers).routes());
        routes.addAll(new DistrictResource(groupAnswers).routes());
        routes.addAll(new ProgrammeResource(stores, instances).routes());
        routes.addAll(new ReportResource(stores, instances).routes());
        routes.addAll(new ModelResource(models.registry(), models.defaultModel()).routes());
        routes.addAll(new AssessmentResource(models.registry(), assessmentPublisher, commitInterval(settings),
                Clock.systemUTC(), settings.topology().maxFutureSkew(), registered).routes());
        routes.addAll(new ScenarioResource(scenarios, declarationPublisher, commitInterval(settings),
                settings.topology().maxFutureSkew(), Clock.systemUTC(), registered).routes());
        routes.addAll(new OpenApiResource().routes());
        routes.addAll(new HealthResource(streams).routes());
        routes.addAll(new MetricsResource(hooks.metrics(), groups).routes());
        server.start(routes, tokens, hooks.requests());
        if (tokens.size() == 0) {
            LOG.warn("No API tokens are configured (maturity.api.tokens-file, maturity.api.tokens): every /api/v1"
                    + " request except the OpenAPI document gets 401");
        }
        LOG.info("REST API on http://{}:{}/api/v1 ({} tokens), health on /health, metrics on /metrics",
                advertisedHost, server.port(), tokens.size());
    }

    /** Every route as {@code METHOD template}, for the OpenAPI check. */
    public List<String> routeTable() {
        return server.routes().stream().map(route -> route.method() + " " + route.template()).toList();
    }

    @Override
    public void close() {
        server.close();
        if (assessmentPublisher != null) {
            assessmentPublisher.close();
        }
        if (declarationPublisher != null) {
            declarationPublisher.close();
        }
    }

    /** The commit interval Kafka Streams uses with these settings (100 ms under exactly-once unless set). */
    private static Duration commitInterval(ServiceSettings settings) {
        Properties properties = settings.streamsProperties();
        return Duration.ofMillis(new StreamsConfig(properties).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    }
}
