#!/usr/bin/env bash
# Writes the next migration: the SQL difference between what the committed migrations build
# and what prisma/schema describes. Usage: npm run db:new -- <name>
# `prisma migrate dev` cannot be used offline here (its data-loss check needs a shadow
# database factory that the PGlite adapter does not give the WebAssembly schema engine), so
# the diff replays prisma/migrations into an in-memory PGlite shadow database instead.
# Serialised with flock so that two people (or agents) on one machine cannot both claim
# the same change.
set -euo pipefail
name="${1:?usage: npm run db:new -- <name>}"
cd "$(dirname "$0")/.."
exec 9>/tmp/zhengwu-prisma-migrate.lock
flock 9
sql="$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema --script 2>/dev/null)"
if ! grep -qv '^\s*\(--.*\)\?$' <<<"$sql"; then
  echo "No schema changes: nothing to migrate."
  exit 0
fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name//[^a-zA-Z0-9_]/_}"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "Wrote $dir/migration.sql"
npx prisma generate >/dev/null
