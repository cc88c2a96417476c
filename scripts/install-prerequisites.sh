#!/usr/bin/env bash
# Installs the Debian packages the tests need, only those missing: RabbitMQ and python3-pika (the non-.NET
# publisher). PostgreSQL 15 is expected from the machine image (postgresql-15 otherwise).
set -euo pipefail

missing=()
for package in rabbitmq-server python3-pika; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "missing Debian packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
# Package postinst scripts must not start system-wide servers; ours run in their own folders.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=true
fi
install() { apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
install || { apt-get update >&2 && install; }
$created_policy && rm -f "$policy"
# The packaged RabbitMQ may still have started a node of its own; it would hold the ports.
pkill -u rabbitmq -f beam.smp >/dev/null 2>&1 || true
pkill -u rabbitmq epmd >/dev/null 2>&1 || true
exit 0
