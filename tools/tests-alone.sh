#!/usr/bin/env bash
# Runs every unit and integration test file alone — one `vitest run <file>` per file, a fresh process each — in
# a shuffled order, and lists the files that failed. A file that passes in the full run but fails here relies on
# something another file made (a template, a row, a module's state); one that fails only in some orders relies on
# the order of the tests inside it (every run shuffles those too, see vitest.config.ts).
#
#   tools/tests-alone.sh                     # all unit and integration files, on PostgreSQL
#   tools/tests-alone.sh --seed 1234         # the same order again (the seed is printed at the start)
#   tools/tests-alone.sh --embedded          # integration files on the embedded database (slow: PostGIS install)
#   tools/tests-alone.sh test/unit/x.test.ts test/integration/y.test.ts   # only these files
#
# Integration files run on the PostgreSQL server named by TEST_DATABASE_URL (default the local one below); unit
# files run plain. Each file's output goes to $TESTS_ALONE_LOGS (default a new temporary folder), kept for the
# files that failed together with the seed vitest printed for the order of the tests inside them.
set -u
cd "$(dirname "$0")/.."

seed=""
embedded=0
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --embedded) embedded=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ -n "$seed" ] || seed=$(( (RANDOM << 15 | RANDOM) % 1000000 ))
if [ ${#files[@]} -eq 0 ]; then
  mapfile -t files < <(ls test/unit/*.test.ts test/integration/*.test.ts)
fi
pg_url="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
logs="${TESTS_ALONE_LOGS:-$(mktemp -d "${TMPDIR:-/tmp}/tests-alone.XXXXXX")}"
mkdir -p "$logs"

# the same seed gives the same order: each name keyed by a number drawn from awk's generator seeded with it
mapfile -t order < <(printf '%s\n' "${files[@]}" | awk -v seed="$seed" 'BEGIN { srand(seed) } { printf "%.12f\t%s\n", rand(), $0 }' | sort -n | cut -f2-)

echo "tests-alone: ${#order[@]} files, seed $seed (replay: tools/tests-alone.sh --seed $seed), logs in $logs"
failed=()
n=0
for file in "${order[@]}"; do
  n=$((n + 1))
  case "$file" in
    test/unit/*) project=unit ;;
    test/integration/*) project=integration ;;
    *) echo "tests-alone: $file is neither a unit nor an integration test file" >&2; failed+=("$file"); continue ;;
  esac
  log="$logs/$(basename "$file" .test.ts).$project.log"
  start=$SECONDS
  if [ "$project" = integration ] && [ "$embedded" = 0 ]; then
    TEST_DATABASE_URL="$pg_url" npx vitest run --project "$project" "$file" >"$log" 2>&1
  else
    env -u TEST_DATABASE_URL npx vitest run --project "$project" "$file" >"$log" 2>&1
  fi
  status=$?
  # a file that matched no test file counts as failed, not as passed (vitest exits 1 then as well)
  if [ $status -eq 0 ]; then
    echo "[$n/${#order[@]}] ok     $file ($((SECONDS - start)) s)"
    rm -f "$log"
  else
    inner=$(grep -o 'Running tests with seed "*[0-9]*' "$log" | grep -o '[0-9]*$' | head -1)
    echo "[$n/${#order[@]}] FAILED $file ($((SECONDS - start)) s, vitest seed ${inner:-?}, log $log)"
    failed+=("$file")
  fi
done

echo "tests-alone: seed $seed, ${#order[@]} files, ${#failed[@]} failed"
for file in "${failed[@]}"; do echo "  $file"; done
[ ${#failed[@]} -eq 0 ]
