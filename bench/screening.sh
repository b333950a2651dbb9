#!/usr/bin/env bash
# Screening benchmark: generates the city (and with --province the ~25 M-line) package on the fly
# and times `xuncha screen` on it. Nothing generated is kept in the repository.
#   bench/screening.sh [--province] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=1; copies=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --province) copies=6 ;;
    --runs) runs="$2"; shift ;;
    *) echo "usage: bench/screening.sh [--province] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
dotnet build "$root/src/Xuncha.Cli" -c Release -nologo -v quiet -clp:ErrorsOnly
X=(dotnet "$root/src/Xuncha.Cli/bin/Release/net10.0/xuncha.dll")
work="$(mktemp -d /tmp/xuncha-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
echo "== generate ($copies × 3,300 villages)"
/usr/bin/time -f "generate: %e s, peak %M KB" "${X[@]}" generate --out "$work/pkg" --copies "$copies" | tail -4
for i in $(seq 1 "$runs"); do
  echo "== screen, run $i"
  /usr/bin/time -f "screen: %e s wall, peak %M KB" "${X[@]}" screen --data "$work/pkg" --as-of 2024-12-31 --out "$work/leads.csv" 2>&1 \
    | grep -E " ms|共|screen:"
done
python3 - "$work/pkg/expected.csv" "$work/leads.csv" <<'PY'
import csv, sys
key = lambda r: (r['rule_code'], r['village_code'], r['ref'], r['amount'])
exp = {key(r) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8-sig'))}
got = {key(r) for r in csv.DictReader(open(sys.argv[2], encoding='utf-8-sig'))}
print(f"expected {len(exp)}, found {len(got)}, missing {len(exp - got)}, unexpected {len(got - exp)}")
PY
