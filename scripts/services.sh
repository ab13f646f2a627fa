#!/usr/bin/env bash
# Start MariaDB and Redis on 127.0.0.1 if they are not answering; install them with apt-get
# when missing. Idempotent: on a machine where both already run, it only checks.
set -euo pipefail

log() { printf 'services: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v mysqld_safe >/dev/null 2>&1 || command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
command -v mysql >/dev/null 2>&1 || command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

db_ping() { mysqladmin --connect-timeout=2 -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }
if ! db_ping; then
  if ! mysqladmin --protocol=socket -u root ping >/dev/null 2>&1; then
    log "starting MariaDB"
    as_root mkdir -p /run/mysqld
    as_root chown mysql:mysql /run/mysqld 2>/dev/null || true
    setsid nohup mysqld_safe --bind-address=127.0.0.1 --port=3306 >/tmp/aib-mysqld.out 2>&1 </dev/null &
    for _ in $(seq 1 60); do mysqladmin --protocol=socket -u root ping >/dev/null 2>&1 && break; sleep 1; done
  fi
  if ! db_ping; then
    # Debian's root@localhost authenticates by unix socket only; allow the empty-password TCP login
    # the development setup uses (127.0.0.1 only; never do this on a clinic's server).
    log "allowing root over 127.0.0.1 for development"
    mysql --protocol=socket -u root -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD(''); FLUSH PRIVILEGES;" || true
  fi
  db_ping || { log "MariaDB is not answering on 127.0.0.1:3306; see /tmp/aib-mysqld.out"; exit 1; }
fi
log "MariaDB answers on 127.0.0.1:3306"

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { log "Redis is not answering on 127.0.0.1:6379"; exit 1; }
log "Redis answers on 127.0.0.1:6379"
