# Stand-in for eclipse-temurin:17-jdk: Debian's OpenJDK 17 on a local Debian base, trusting the
# host's CA certificates (cacerts, supplied by build.sh) so that Maven can reach Maven Central.
FROM local/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY cacerts /etc/ssl/certs/java/cacerts
