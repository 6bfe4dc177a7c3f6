# Image for the Helm chart: after `./mvnw -B -DskipTests package`,
#   docker build --build-arg ATOMIC_GIT_COMMIT=$(git rev-parse HEAD) -t atomic:0.1.0 .
FROM eclipse-temurin:17-jre
# Reported in audit packs (versions.json).
ARG ATOMIC_GIT_COMMIT=""
ENV ATOMIC_GIT_COMMIT=${ATOMIC_GIT_COMMIT}
RUN useradd --system --uid 10001 atomic
WORKDIR /app
COPY cli/target/atomic-cli.jar /app/atomic.jar
USER 10001
ENV ATOMIC_HOME=/tmp/atomic
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/atomic.jar"]
CMD ["--help"]
