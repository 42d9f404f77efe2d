# Sourced by .ci/run: start a throwaway PostgreSQL server on a Unix socket for the store tests,
# installing Debian's postgresql package if the machine lacks it. Exports
# FACTCHECK_TEST_POSTGRES_URL on success; on any failure the PostgreSQL tests skip, saying why.
start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 || return 1
  fi
  local bin dir
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  dir=$(mktemp -d) && chown postgres "$dir" || return 1
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null 2>&1 || return 1
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-k $dir -p 54329 -c listen_addresses=''" start >/dev/null 2>&1 || return 1
  trap "runuser -u postgres -- '$bin/pg_ctl' -D '$dir/data' -m fast stop >/dev/null 2>&1; rm -rf '$dir'" EXIT
  export FACTCHECK_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$dir&port=54329"
}
