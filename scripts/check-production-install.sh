#!/usr/bin/env bash
# Proves that a production install runs the app: a fresh clone of the committed HEAD, installed
# with `npm ci --omit=dev` (what a kiosk or electron-builder gets: no devDependencies), then
#   terminmarke server   answers GET /api/v1/health,
#   terminmarke kiosk    serves its page and the screens' bundle,
#   terminmarke decode   reads a ticket photo.
# Needs only the npm registry (or npm's cache). Run: bash scripts/check-production-install.sh
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/terminmarke-prod.XXXXXX")"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "production install: FAILED: $*" >&2
  exit 1
}

# The first http:// URL a process printed to its log, within 60 s. e.g. wait_for_url server.log
wait_for_url() {
  local log="$1" url=""
  for _ in $(seq 1 600); do
    url="$(grep -so 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)"
    if [ -n "$url" ]; then
      echo "$url"
      return 0
    fi
    sleep 0.1
  done
  echo "--- $log" >&2
  cat "$log" >&2
  return 1
}

# GET a URL with Node's fetch; prints the body, fails on a status other than 200.
http_get() {
  node -e '
    const [url, token] = process.argv.slice(1);
    const headers = token ? { authorization: `Bearer ${token}` } : {};
    fetch(url, { headers }).then(async (res) => {
      const body = await res.text();
      if (res.status !== 200) { console.error(`${url}: HTTP ${res.status} ${body}`); process.exit(1); }
      process.stdout.write(body);
    }, (error) => { console.error(`${url}: ${error.message}`); process.exit(1); });
  ' "$@"
}

echo "production install: fresh clone of ${commit:0:10} in $work"
git clone --quiet --no-checkout "$repo" "$work/app"
git -C "$work/app" checkout --quiet "$commit"
cd "$work/app"

started=$SECONDS
ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --omit=dev --no-audit --no-fund --prefer-offline \
  >"$work/npm-ci.log" 2>&1 || { cat "$work/npm-ci.log" >&2; fail "npm ci --omit=dev"; }
echo "production install: npm ci --omit=dev took $((SECONDS - started)) s, node_modules $(du -sh node_modules | cut -f1)"
[ ! -d node_modules/vitest ] || fail "devDependencies were installed"

# 1. The central server with the demo office.
node bin/terminmarke.js server --port 0 --db "$work/server.db" --seed demo --token T \
  >"$work/server.log" 2>&1 &
pids+=($!)
server_url="$(wait_for_url "$work/server.log")" || fail "terminmarke server did not start"
health="$(http_get "$server_url/api/v1/health" T)" || fail "GET /api/v1/health"
echo "$health" | grep -q '"status":"ok"' || fail "health answered $health"
echo "production install: ✔ terminmarke server answers /api/v1/health at $server_url"

# 2. A lobby kiosk in browser mode against that server, printing to a folder.
cat >"$work/kiosk.json" <<JSON
{
  "role": "kiosk",
  "deviceId": "kiosk-prod-check",
  "officeId": "demo",
  "server": { "url": "$server_url", "token": "T" },
  "dataDir": "data",
  "printer": "virtual:tickets",
  "http": { "port": 0 }
}
JSON
node bin/terminmarke.js kiosk --config "$work/kiosk.json" >"$work/kiosk.log" 2>&1 &
pids+=($!)
kiosk_url="$(wait_for_url "$work/kiosk.log")" || fail "terminmarke kiosk did not start"
page="$(http_get "$kiosk_url/")" || fail "GET / of the kiosk"
echo "$page" | grep -q '<script type="module" src="/app.js">' || fail "the kiosk page has no app.js"
bundle_bytes="$(http_get "$kiosk_url/app.js" | wc -c)" || fail "GET /app.js of the kiosk"
[ "$bundle_bytes" -gt 100000 ] || fail "the screens' bundle is only $bundle_bytes bytes"
echo "production install: ✔ terminmarke kiosk serves its page and a $bundle_bytes-byte bundle at $kiosk_url"

# 3. The check-in camera's decoder on a ticket photograph.
decoded="$(node bin/terminmarke.js decode test/fixtures/ticket-photos/ticket-01.jpg)" ||
  fail "terminmarke decode exited non-zero"
case "$decoded" in
  TM1.*) echo "production install: ✔ terminmarke decode read $decoded" ;;
  *) fail "terminmarke decode printed '$decoded'" ;;
esac

echo "production install: all checks passed"
