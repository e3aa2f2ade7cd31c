# Images of the streams service and of the producers CLI (simulator, topic creation) for docker-compose.yml, built
# from this repository's sources: `docker compose build` (or `docker build --target service .`).

# Build: the reactor compiles the service, the producers CLI and what they depend on, tests skipped.
FROM eclipse-temurin:21.0.8_9-jdk AS build
WORKDIR /src
COPY . .
# One invocation, so copy-dependencies finds the project's own modules in the reactor (nothing is installed).
RUN ./mvnw -B -q -pl streams,producers -am package dependency:copy-dependencies -Dmaven.test.skip=true -Dcheckstyle.skip \
      -DincludeScope=runtime -DoutputDirectory=target/lib \
 && mkdir -p /out/service/lib /out/producers \
 && cp streams/target/lib/*.jar /out/service/lib/ \
 && cp streams/target/streams-*.jar /out/service/lib/ \
 && cp producers/target/producers.jar /out/producers/producers.jar

# The Kafka Streams service: REST API, /metrics and /health on 8080. Configured by MATURITY_* variables.
FROM eclipse-temurin:21.0.8_9-jre AS service
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/service /app
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/lib/*", "org.pharmamaturity.streams.MaturityStreamsService"]

# The producers CLI: `simulate`, `topics`, `ingest`, `gateway`, `load`. Configured by PRODUCERS_BOOTSTRAP_SERVERS and SCHEMA_REGISTRY_URL.
FROM eclipse-temurin:21.0.8_9-jre AS producers
COPY --from=build /out/producers /app
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/producers.jar"]
