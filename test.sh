#!/usr/bin/env bash
# Runs every test of Xuncha on this machine:
#   1. installs what a fresh Debian machine lacks (postgresql, chromium, fonts-noto-cjk, libreoffice-writer,
#      poppler-utils) when run as root;
#   2. starts a throwaway PostgreSQL cluster on 127.0.0.1 (own port and data directory, removed afterwards);
#   3. builds the solution and runs every test project against real SQLite, real PostgreSQL and Chromium;
#   4. ends with the line "N passed, N failed, N skipped".
# A missing PostgreSQL, browser or LibreOffice fails the run; nothing is skipped for lack of it.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
log_dir="$root/.build/test"
mkdir -p "$log_dir"

say() { printf '==> %s\n' "$*" >&2; }

# --- 1. system packages -------------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# Not `grep -q`: it stops reading at the first match, fc-list dies of SIGPIPE and pipefail calls the fonts missing.
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    say "缺少系统软件包：${missing[*]}。请以 root 运行本脚本，或先执行：sudo apt-get install ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >"$log_dir/apt.log" 2>&1
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log_dir/apt.log" 2>&1; then
    cat "$log_dir/apt.log" >&2
    say "apt-get install failed"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# --- 2. throwaway PostgreSQL --------------------------------------------------------------
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
pgdata="$(mktemp -d /tmp/xuncha-pg.XXXXXX)"
pgsock="$(mktemp -d /tmp/xuncha-pgsock.XXXXXX)"
# The test projects get a temp folder of their own, removed at the end: `dotnet test` itself leaves
# two empty folders in the temp folder on every run (dotnet/sdk#35353), and so does anything a
# test killed half-way could not clean up. 755: PostgresRestartTests' cluster in there runs as postgres.
run_tmp="$(mktemp -d /tmp/xuncha-run.XXXXXX)"
chmod 755 "$run_tmp"
port="${XUNCHA_TEST_PG_PORT:-}"
if [[ -z "$port" ]]; then
  for p in $(seq 5433 5499); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
fi
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$pgdata" "$pgsock"; fi
chmod 700 "$pgdata"

stop_pg() {
  as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdata" "$pgsock" "$run_tmp"
}
trap stop_pg EXIT

say "starting PostgreSQL ($pgbin) on 127.0.0.1:$port"
if ! as_pg "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$log_dir/initdb.log" 2>&1; then
  cat "$log_dir/initdb.log" >&2
  say "initdb failed"
  echo "0 passed, 1 failed"
  exit 1
fi
if ! as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgsock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  cat "$pgdata/server.log" >&2
  say "PostgreSQL did not start"
  echo "0 passed, 1 failed"
  exit 1
fi
export XUNCHA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export XUNCHA_TEST_CHROMIUM=/usr/bin/chromium

# --- 3. build and test --------------------------------------------------------------------
say "building"
if ! dotnet build Xuncha.slnx -c Debug -nologo -v quiet -clp:ErrorsOnly >"$log_dir/build.log" 2>&1; then
  cat "$log_dir/build.log" >&2
  say "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

projects=(tests/*/*.csproj)
say "running ${#projects[@]} test projects"
status=0
: >"$log_dir/test.log"
for project in "${projects[@]}"; do
  say "$project"
  TMPDIR="$run_tmp" dotnet test "$project" --no-build -c Debug -nologo --disable-build-servers 2>&1 | tee -a "$log_dir/test.log" \
    | awk '/^[ \t]*(Error Message|Stack Trace):/ { more = 8 }
           /^[ \t]*Failed |Passed!|Failed!/ || more-- > 0 { print; fflush() }'
  rc=${PIPESTATUS[0]}
  [[ $rc -eq 0 ]] || status=1
done

# --- 4. the closing line --------------------------------------------------------------------
read -r passed failed skipped summaries < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, ""); n++
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1)
      if ($i == "Passed:") p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "%d %d %d %d\n", p, f, s, n }' "$log_dir/test.log")
if ((summaries < ${#projects[@]})); then
  say "only $summaries of ${#projects[@]} test projects reported results (a crash or a build problem): see $log_dir/test.log"
  failed=$((failed + ${#projects[@]} - summaries))
  status=1
fi
if ((passed == 0)); then status=1; fi
if ((failed > 0)); then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
