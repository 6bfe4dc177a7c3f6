# Image for the Helm chart: `docker build -t atomic:0.1.0 .` after `./mvnw -B -DskipTests package`.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 atomic
WORKDIR /app
COPY cli/target/atomic-cli.jar /app/atomic.jar
USER 10001
ENV ATOMIC_HOME=/tmp/atomic
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/atomic.jar"]
CMD ["--help"]
