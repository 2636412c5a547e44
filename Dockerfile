# syntax=docker/dockerfile:1.7
# One image pattern for every LiveDrop service: docker build --build-arg SERVICE=order-service .
# The build stage is the same for all services (BuildKit builds it once and reuses it); the runtime
# stage takes the chosen service's jar (and the web client, which only the gateway serves).

FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./
RUN npm run build

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY common-lib common-lib
COPY gateway-service gateway-service
COPY auth-service auth-service
COPY follower-service follower-service
COPY catalog-service catalog-service
COPY inventory-service inventory-service
COPY order-service order-service
COPY payment-service payment-service
COPY notification-service notification-service
# the reactor lists every module: their poms must be there even though only the services are built
COPY local-kafka/pom.xml local-kafka/pom.xml
COPY web/pom.xml web/pom.xml
COPY deploy/pom.xml deploy/pom.xml
COPY e2e-tests/pom.xml e2e-tests/pom.xml
COPY loadtest/pom.xml loadtest/pom.xml
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -De2e.skip \
      -pl gateway-service,auth-service,follower-service,catalog-service,inventory-service,order-service,payment-service,notification-service \
      -am package

FROM eclipse-temurin:25-jre AS runtime
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 livedrop
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*.jar /app/service.jar
COPY --from=web /web/dist /app/web
ENV WEB_DIST_DIR=/app/web
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# the port is the service's SERVER_PORT (set by compose / k8s); health: /actuator/health/readiness
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
