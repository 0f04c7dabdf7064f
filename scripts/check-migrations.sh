#!/usr/bin/env bash
# Fails when prisma/schema has changes that no committed migration creates
# (someone edited a model and forgot `npm run db:new -- <name>`).
set -euo pipefail
cd "$(dirname "$0")/.."
sql="$(npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema --script)"
if grep -qv '^\s*\(--.*\)\?$' <<<"$sql"; then
  echo "prisma/schema differs from prisma/migrations; run: npm run db:new -- <name>" >&2
  printf '%s\n' "$sql" >&2
  exit 1
fi
echo "Migrations match the schema."
