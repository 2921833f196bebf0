#!/usr/bin/env bash
# Start a local PostgreSQL for the tests and print its URL; install it first when missing.
# Needs root (CI and the project's machines run as root); elsewhere set KOPVECTOR_TEST_POSTGRES yourself.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "PostgreSQL is not installed and this user cannot install it" >&2
        exit 1
    fi
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -qx online; then
    pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
as_postgres() { su postgres -c "$1"; }
if [ "$(as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'kopvector'\"")" != 1 ]; then
    as_postgres "psql -p $port -qc \"CREATE ROLE kopvector LOGIN SUPERUSER PASSWORD 'kopvector'\"" >&2
fi
if [ "$(as_postgres "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'kopvector_test'\"")" != 1 ]; then
    as_postgres "createdb -p $port -O kopvector -E UTF8 --locale=C.UTF-8 -T template0 kopvector_test" >&2
fi
echo "postgresql://kopvector:kopvector@localhost:$port/kopvector_test"
