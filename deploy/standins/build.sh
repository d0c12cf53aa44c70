#!/usr/bin/env bash
# Builds local stand-ins for the three images the compose stack's Dockerfile and compose file
# name by default, for a machine that has a Docker engine but no image registry:
#
#   local/debian:bookworm   debootstrap (minbase) of Debian bookworm from the host's apt mirror
#   local/jdk:17            Debian's openjdk-17-jdk-headless, trusting the host JDK's CA certificates
#                           (only this build image: a Maven build inside it must reach Maven Central
#                           through the same proxy as the host; the project's own images never get them)
#   local/jre:17            Debian's openjdk-17-jre-headless
#   local/kafka:4.3.1       Kafka's jars from Maven Central (resolved on the host) with an entrypoint
#                           that honours the official apache/kafka image's KAFKA_* variables
#   local/prometheus        Debian's Prometheus package (for the monitoring profile; Grafana has no
#                           Debian package, so the profile's Grafana still needs its official image)
#
# Then:  REELFM_JDK_IMAGE=local/jdk:17 REELFM_JRE_IMAGE=local/jre:17 KAFKA_IMAGE=local/kafka:4.3.1 \
#        PROMETHEUS_IMAGE=local/prometheus docker-compose up --build
# Images already present are kept (FORCE=1 rebuilds). Needs root (debootstrap), docker and the Maven wrapper.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${STANDINS_WORK:-$root/target/standins}"
mkdir -p "$work"

present() { [[ "${FORCE:-0}" != 1 ]] && docker image inspect "$1" >/dev/null 2>&1; }
say() { echo "standins: $*" >&2; }

mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local m
  m="$(grep -hoE '^(URIs:|deb) *https?://[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null \
       | grep -v security | head -n 1 | sed -E 's/^(URIs:|deb) *//')"
  echo "${m:-http://deb.debian.org/debian}"
}

if ! present local/debian:bookworm; then
  say "debootstrap bookworm from $(mirror) (a few minutes)"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" "$(mirror)" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  tar -C "$work/rootfs" -c . | docker import - local/debian:bookworm >/dev/null
  rm -rf "$work/rootfs"
fi

if ! present local/jre:17; then
  say "building local/jre:17"
  docker build -q -t local/jre:17 -f "$here/jre.Dockerfile" "$here" >/dev/null
fi

if ! present local/jdk:17; then
  say "building local/jdk:17 (trusting the host's CA certificates)"
  host_java="$(readlink -f "$(command -v java)")"
  cacerts="${JAVA_HOME:-$(dirname "$(dirname "$host_java")")}/lib/security/cacerts"
  mkdir -p "$work/jdk"
  cp -L "$cacerts" "$work/jdk/cacerts"
  cp "$here/jdk.Dockerfile" "$work/jdk/Dockerfile"
  docker build -q -t local/jdk:17 "$work/jdk" >/dev/null
fi

if ! present local/kafka:4.3.1; then
  say "building local/kafka:4.3.1 from Kafka's Maven Central jars"
  rm -rf "$work/kafka" && mkdir -p "$work/kafka"
  (cd "$here/kafka" && "$root/mvnw" -q -B -ntp dependency:copy-dependencies -DincludeScope=runtime \
      -DoutputDirectory="$work/kafka/libs")
  cp "$here/kafka/Dockerfile" "$here/kafka/run" "$here/kafka/kafka-broker-api-versions.sh" "$work/kafka/"
  docker build -q -t local/kafka:4.3.1 "$work/kafka" >/dev/null
fi
if ! present local/prometheus; then
  say "building local/prometheus"
  docker build -q -t local/prometheus -f "$here/prometheus.Dockerfile" "$here" >/dev/null
fi
say "ready: local/debian:bookworm local/jdk:17 local/jre:17 local/kafka:4.3.1 local/prometheus"
