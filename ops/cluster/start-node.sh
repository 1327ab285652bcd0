#!/usr/bin/env bash
# Starts one node of Keten HG/KM against the shared PostgreSQL (ops/cluster/README.md).
#
#   ops/cluster/start-node.sh <node name> <port> [more Spring arguments ...]
#   e.g. ops/cluster/start-node.sh node-1 8081
#
# Reads from the environment (no defaults, as in application-prod.yaml):
#   KETEN_DB_URL, KETEN_DB_USER, KETEN_DB_PASSWORD   the one writable PostgreSQL primary
#   KETEN_MAIL_HOST, KETEN_MAIL_PORT                 SMTP relay
#   KETEN_MAIL_USER, KETEN_MAIL_PASSWORD             set both, empty for a relay without authentication
#   KETEN_PERSOONSSLEUTEL                            the person-key secret, the same on every node (docs/privacy.md)
# Optional:
#   KETEN_JAR     the application jar (default: the one in target/ of this checkout)
#   JAVA_OPTS     JVM options (default: -Xmx1g)
# Police and care systems, e.g. KETEN_INTEGRATIE_POLITIE_BASIS_URL and KETEN_INTEGRATIE_POLITIE_WACHTWOORD, come
# from the environment the Spring Boot way (README "Configuratie").
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "Gebruik: $0 <nodenaam> <poort> [extra Spring-argumenten ...]" >&2
  exit 2
fi
naam=$1
poort=$2
shift 2

ontbreekt=()
for variabele in KETEN_DB_URL KETEN_DB_USER KETEN_DB_PASSWORD KETEN_MAIL_HOST KETEN_MAIL_PORT KETEN_PERSOONSSLEUTEL; do
  if [ -z "${!variabele:-}" ]; then ontbreekt+=("$variabele"); fi
done
# May be empty (a relay without authentication), but must be set on purpose.
for variabele in KETEN_MAIL_USER KETEN_MAIL_PASSWORD; do
  if [ -z "${!variabele+gezet}" ]; then ontbreekt+=("$variabele"); fi
done
if [ ${#ontbreekt[@]} -gt 0 ]; then
  echo "Niet gezet: ${ontbreekt[*]} (zie ops/cluster/README.md)" >&2
  exit 2
fi

jar=${KETEN_JAR:-}
if [ -z "$jar" ]; then
  hier=$(cd "$(dirname "$0")/../.." && pwd)
  jar=$(ls "$hier"/target/keten-hgkm-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "Geen applicatie-jar: zet KETEN_JAR of maak er een met ./mvnw package -DskipTests" >&2
  exit 2
fi

# The node's name appears in the job log (which node ran a job) and in job locks (which jobs a crashed node holds).
export KETEN_NODE_NAAM="$naam"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --spring.profiles.active=prod --server.port="$poort" "$@"
