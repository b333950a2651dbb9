#!/usr/bin/env bash
# Adds a migration to both providers at once: ./migrations.sh AddRounds
set -euo pipefail
name=${1:?usage: ./migrations.sh MigrationName}
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
for p in Sqlite Postgres; do
  dotnet tool run dotnet-ef migrations add "$name" --project "src/Xuncha.Migrations.$p" --startup-project "src/Xuncha.Migrations.$p" --output-dir Migrations
done
