#!/usr/bin/env bash
# As the official image's script of the same name (used by the compose file's health check).
exec java -Xmx64m -cp "/opt/kafka/libs/*" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
