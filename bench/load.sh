#!/usr/bin/env bash
# Load benchmark (issue 7): a throwaway PostgreSQL with the demo plus city-scale data (3,300
# villages, 30,000 leads, 25,000 findings, their tasks), `xuncha serve` in Release, and the load
# driver `xuncha bench-load` in a second process on loopback. Nothing generated is kept.
#   bench/load.sh [--users 200] [--seconds 300] [--think-ms 1000] [--keep]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
users=200; seconds=300; think=1000; keep=0; port=5077
while [[ $# -gt 0 ]]; do
  case "$1" in
    --users) users="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --think-ms) think="$2"; shift ;;
    --keep) keep=1 ;;
    *) echo "usage: bench/load.sh [--users N] [--seconds S] [--think-ms MS] [--keep]" >&2; exit 2 ;;
  esac
  shift
done

dotnet build "$root/src/Xuncha.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly
X=(dotnet "$root/src/Xuncha.Cli/bin/Release/net10.0/xuncha.dll")
work="$(mktemp -d /tmp/xuncha-load.XXXXXX)"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
pgport=$((20000 + RANDOM % 20000))
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
chmod 755 "$work"
mkdir -p "$work/pg" "$work/sock" "$work/data"
[[ $(id -u) -eq 0 ]] && chown postgres "$work/pg" "$work/sock"
chmod 700 "$work/pg"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  [[ $keep -eq 1 ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -k $work/sock -c max_connections=300 -c shared_buffers=512MB" start >/dev/null

export XUNCHA_DATABASE=postgres XUNCHA_DATA_DIR="$work/data"
export XUNCHA_CONNECTION_STRING="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=xuncha;Maximum Pool Size=200"
echo "== seed demo + city scale"
/usr/bin/time -f "seed demo: %e s" "${X[@]}" seed demo >/dev/null
/usr/bin/time -f "seed scale: %e s" "${X[@]}" seed scale
"$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d xuncha -Atc \
  "select 'villages ' || count(*) from regions where \"Level\" = 3; select 'leads ' || count(*) from leads; select 'findings ' || count(*) from findings; select 'tasks ' || count(*) from rectification_tasks; analyze;"

echo "== serve on :$port"
"${X[@]}" serve --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/account/login" && break; sleep 1; done
echo "== warm-up 20 s"
"${X[@]}" bench-load --url "http://127.0.0.1:$port" --users 20 --seconds 20 --think-ms 100 >/dev/null || true
echo "== load: $users users, $seconds s, think $think ms ($(nproc) cores, $(date -u +%F))"
"${X[@]}" bench-load --url "http://127.0.0.1:$port" --users "$users" --seconds "$seconds" --think-ms "$think" --server-pid "$server"
