#!/usr/bin/env bash
# Installs the Debian packages the tests need that are missing (checked with dpkg -s):
#   rabbitmq-server  the message broker (scripts/start-rabbitmq.sh runs it in a folder of its own)
#   python3-pika     the non-.NET publisher of the end-to-end tests (runs under Debian's /usr/bin/python3)
#   chromium         the headless browser that renders the data-quality report's HTML in its test
# PostgreSQL is expected from the machine image (${SESSIONS_PG_BIN:-/usr/lib/postgresql/15/bin}).
# Extra packages to check: SESSIONS_EXTRA_PACKAGES="pkg1 pkg2". Idempotent: does nothing when all are there.
set -euo pipefail

log() { printf 'install-prerequisites: %s\n' "$*" >&2; }

packages=(rabbitmq-server python3-pika chromium)
# shellcheck disable=SC2206 # word splitting is the point
[ -n "${SESSIONS_EXTRA_PACKAGES:-}" ] && packages+=(${SESSIONS_EXTRA_PACKAGES})

installed() { [ "$(dpkg -s "$1" 2>/dev/null | sed -n 's/^Status: //p')" = "install ok installed" ]; }

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  log "all present: ${packages[*]}"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    log "missing Debian packages: ${missing[*]} — install them as root: apt-get install ${missing[*]}"
    exit 1
  fi
fi

log "installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive

# The packages' postinst scripts must not start system-wide servers (rabbitmq-server would start a node
# "rabbit@<host>" on 0.0.0.0:5672 and hold the port); our servers run in folders of their own. A
# policy-rc.d that says 101 ("action forbidden") stops invoke-rc.d; created only for the install.
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
  "${sudo[@]}" sh -c "printf '#!/bin/sh\nexit 101\n' > '$policy' && chmod 755 '$policy'"
  created_policy=true
fi
cleanup() { if $created_policy; then "${sudo[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

rabbit_was_missing=false
for package in "${missing[@]}"; do [ "$package" = rabbitmq-server ] && rabbit_was_missing=true; done

install() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2; }
if ! install; then
  log "apt-get install failed; running apt-get update and trying again"
  "${sudo[@]}" apt-get update >&2
  install
fi

# Had a policy-rc.d that allows starts been in place, the package's own node would now be running.
# Stop that one (the default node of the package, with the package's cookie), never any other.
if $rabbit_was_missing && pgrep -u rabbitmq -x beam.smp >/dev/null 2>&1; then
  if "${sudo[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin timeout 60 /usr/sbin/rabbitmqctl -q stop >/dev/null 2>&1; then
    log "stopped the system-wide RabbitMQ node the package started"
  fi
fi

still_missing=()
for package in "${missing[@]}"; do
  installed "$package" || still_missing+=("$package")
done
if [ "${#still_missing[@]}" -ne 0 ]; then
  log "still not installed: ${still_missing[*]}"
  exit 1
fi
log "installed ${missing[*]}"
