# Sourced: pg_start makes a throwaway PostgreSQL cluster (initdb into a temp folder, pg_ctl on a free loopback port)
# and exports PG_CONNECTION naming it; pg_stop stops it and removes the folder. Installs Debian's postgresql when no
# initdb is found. initdb refuses to run as root, so as root the cluster runs as the unprivileged user "nobody".

pg_find() {
  local tool=$1
  command -v "$tool" 2>/dev/null && return
  # Debian keeps the server's tools out of PATH, under /usr/lib/postgresql/<version>/bin.
  ls -d /usr/lib/postgresql/*/bin/"$tool" 2>/dev/null | sort -V | tail -n 1
}

pg_start() {
  if [ -z "$(pg_find initdb)" ]; then
    echo "Installing postgresql …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  local initdb pg_ctl
  initdb=$(pg_find initdb)
  pg_ctl=$(pg_find pg_ctl)
  PG_DIR=$(mktemp -d /tmp/hm-pg-XXXXXX)
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG_DIR"
    as=(runuser -u nobody --)
  fi
  # A free loopback port: the kernel's pick for a socket bound to port 0.
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  # Throwaway: no fsync (nothing here must survive a crash), sockets in the cluster's own folder.
  "${as[@]}" "$pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  PG_CTL=$pg_ctl
  PG_AS="${as[*]}"
  export PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$(pg_find postgres)" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DIR)"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  # shellcheck disable=SC2086 # PG_AS is a command prefix or nothing
  $PG_AS "$PG_CTL" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=
}
