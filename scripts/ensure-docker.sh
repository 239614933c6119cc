#!/usr/bin/env bash
# Makes sure a Docker engine answers: installs Debian's docker.io when the CLI or daemon is missing,
# starts dockerd when nothing is listening. Idempotent; safe to call from every script.
set -euo pipefail

log() { printf 'berth: %s\n' "$*" >&2; }

docker_answers() { timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if [ -n "${DOCKER_HOST:-}" ] && docker_answers; then exit 0; fi
if command -v docker >/dev/null 2>&1 && docker_answers; then exit 0; fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  log "need root to install/start Docker; run as root or install Docker yourself"; exit 1; fi; }

if ! command -v dockerd >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    log "Docker is not installed and this is not a Debian/Ubuntu system: install Docker Engine, then retry"; exit 1
  fi
  log "installing docker.io (Debian package)…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

if ! docker_answers; then
  log "starting dockerd…"
  as_root mkdir -p /var/log
  # setsid: the daemon must outlive this script and the shell that ran it.
  as_root setsid dockerd >/var/log/berth-dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do docker_answers && break; sleep 0.5; done
fi

if ! docker_answers; then
  log "dockerd did not come up; last lines of /var/log/berth-dockerd.log:"; tail -20 /var/log/berth-dockerd.log >&2 || true
  exit 1
fi
log "docker $(docker version --format '{{.Server.Version}}') is ready"
