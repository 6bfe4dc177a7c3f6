# One image, two roles (the Helm chart runs both):
#   api     `atomic api`            the REST facade (port 8080, and 3001–3005 when enabled)
#   worker  `atomic worker --sticky` a worker process; ATOMIC_WORKER_QUEUES picks its task queues
# plus `atomic db migrate` and `atomic temporal register-search-attributes` for the chart's hook.
#
# Built from source in two stages:
#   docker build --build-arg ATOMIC_GIT_COMMIT=$(git rev-parse HEAD) -t atomic:0.1.0 .
#
# Base images are pinned by digest at release time through the build arguments, e.g.
#   --build-arg BUILD_IMAGE=eclipse-temurin:17-jdk@sha256:<digest>
#   --build-arg BASE_IMAGE=maven:3.9.11-eclipse-temurin-17@sha256:<digest>
# The defaults below are tags only: no image registry is reachable where this file was written,
# so no digest could be read (and no image was built there).

ARG BUILD_IMAGE=eclipse-temurin:17-jdk
# The runtime is a JDK with Maven, not a JRE: a DTE worker compiles (the typecheck invariant,
# the plain-tree test runner), runs a project's tests with its Maven (or its ./mvnw) and forks
# PIT's child JVMs.
ARG BASE_IMAGE=maven:3.9.11-eclipse-temurin-17

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl cli -am package \
    && cp cli/target/atomic-cli.jar /atomic.jar

FROM ${BASE_IMAGE}
# Reported in audit packs (versions.json).
ARG ATOMIC_GIT_COMMIT=""
ENV ATOMIC_GIT_COMMIT=${ATOMIC_GIT_COMMIT}
# uid/gid 10001, as the chart's securityContext; its home holds ~/.m2 (an emptyDir in the chart,
# since the root filesystem is read-only there).
RUN groupadd --system --gid 10001 atomic \
    && useradd --system --uid 10001 --gid 10001 --home-dir /home/atomic --create-home \
       --shell /usr/sbin/nologin atomic \
    && mkdir -p /workspace /var/lib/atomic \
    && chown atomic:atomic /workspace /var/lib/atomic
COPY --from=build /atomic.jar /app/atomic.jar
# The maven image points Maven at /root/.m2; the user's own home instead.
ENV ATOMIC_HOME=/var/lib/atomic \
    MAVEN_CONFIG=/home/atomic/.m2 \
    ATOMIC_MAVEN_LOCAL_REPOSITORY=/home/atomic/.m2/repository
USER 10001:10001
WORKDIR /workspace
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/atomic.jar"]
CMD ["--help"]
