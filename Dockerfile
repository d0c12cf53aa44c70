# One image for every ReelFM service; the command picks the service:
#   docker run reelfm ingest   |   docker run reelfm trainer   |   docker run reelfm serving
# Build context: the repository root (see .dockerignore).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -Dmaven.test.skip=true -pl launcher -am package \
 && mkdir -p /opt/reelfm \
 && cp launcher/target/launcher-*.jar /opt/reelfm/reelfm.jar \
 && cp -r launcher/target/lib /opt/reelfm/lib

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/reelfm --create-home reelfm
COPY --from=build /opt/reelfm /opt/reelfm
USER reelfm
WORKDIR /var/lib/reelfm
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080 8081 8082
ENTRYPOINT ["java", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.reelfm.schemas", "-cp", "/opt/reelfm/reelfm.jar:/opt/reelfm/lib/*", "io.reelfm.launcher.ReelFm"]
CMD ["--help"]
