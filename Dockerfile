# engine-host as a container image. Not built on the machines that build and test Milepost (they have no
# Docker engine); ComposeFileTest checks what it can of this file without one.
#
#   docker build -t milepost/engine-host .     (or: docker compose build)

# Build stage: the same reactor build as on a workstation, tests left to CI.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl engine-host -am package

# Run stage: a JRE 21 and the jar (which carries the bundled step plugins), the network's models beside it.
FROM eclipse-temurin:21-jre
# curl for the health check; a system user without a login shell runs the host.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system milepost \
 && useradd --system --gid milepost --home-dir /var/lib/milepost --create-home --shell /usr/sbin/nologin milepost \
 && mkdir -p /var/lib/milepost/data \
 && chown -R milepost:milepost /var/lib/milepost
WORKDIR /opt/milepost
COPY --from=build /src/engine-host/target/engine-host.jar engine-host.jar
COPY bpmn/ bpmn/
# Defaults for the documented properties (README, "Configuration"); docker-compose.yml sets them too.
ENV MILEPOST_DATA_DIR=/var/lib/milepost/data \
    MILEPOST_BPMN_DIR=/opt/milepost/bpmn
# The H2 store (when no PostgreSQL is configured) and the uploaded plugin jars live here.
VOLUME /var/lib/milepost/data
USER milepost
# 8080: Camunda 8 REST API, /api, UI and /actuator; 26500: Camunda 8 gRPC gateway.
EXPOSE 8080 26500
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/milepost/engine-host.jar"]
