# One image for every ReelFM service; the command picks the service:
#   docker run reelfm ingest   |   docker run reelfm trainer   |   docker run reelfm serving   |   docker run reelfm replay ...
# Build context: the repository root (see .dockerignore).
#
# The base images are build arguments, so a machine behind a private registry (or none) can
# build from its own JDK and JRE images: docker build --build-arg JDK_IMAGE=... --build-arg JRE_IMAGE=...
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -ntp -Dmaven.test.skip=true -pl launcher -am package \
 && mkdir -p /opt/reelfm \
 && cp launcher/target/launcher-*.jar /opt/reelfm/reelfm.jar \
 && cp -r launcher/target/lib /opt/reelfm/lib \
 && cp deploy/healthcheck /opt/reelfm/healthcheck

FROM ${JRE_IMAGE}
# State directories exist in the image, owned by the service user, so that named volumes mounted
# on them start with that owner.
RUN useradd --system --home /var/lib/reelfm --create-home reelfm \
 && mkdir -p /var/lib/reelfm/serving /var/lib/reelfm/trainer /var/lib/reelfm/datasets/imdb \
 && chown -R reelfm /var/lib/reelfm
COPY --from=build /opt/reelfm /opt/reelfm
# The JDK's vector module gives catalogue scans their SIMD kernel; asked for only when this
# runtime has it (an argument file, so the entrypoint stays a plain exec).
RUN if java --list-modules | grep -q '^jdk.incubator.vector@'; then \
      echo '--add-modules=jdk.incubator.vector' > /opt/reelfm/jvm.args; else : > /opt/reelfm/jvm.args; fi
USER reelfm
WORKDIR /var/lib/reelfm
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080 8081 8082
ENTRYPOINT ["java", "@/opt/reelfm/jvm.args", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.reelfm.schemas", "-cp", "/opt/reelfm/reelfm.jar:/opt/reelfm/lib/*", "io.reelfm.launcher.ReelFm"]
CMD ["--help"]
