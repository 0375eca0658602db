#!/usr/bin/env bash
# End-to-end harness: runs the real app with live Go bindings on a fresh temporary data
# directory, under Xvfb when there is no display, runs the Node tests in frontend/e2e/ (headless
# Chromium via playwright-core at http://localhost:34115), then stops everything it started.
#
#   build/e2e.sh [test files…]     default: frontend/e2e/*.test.mjs
#
# It does by hand what `go tool wails dev` does (vite + the app built with `-tags dev`, whose
# dev server bridges the bindings to any browser), because `wails dev` v2.9.2 always runs
# `go mod tidy` before compiling — its -m flag is not passed on — and so rewrites go.mod.
#
# Env: E2E_PORT (34115), E2E_VITE_PORT (5199), E2E_START_TIMEOUT seconds (300: the first run
#      compiles the cgo app), E2E_OUT (screenshots and logs; default /tmp/daigoudesk-e2e),
#      E2E_KEEP=1 keeps the data dir.
set -euo pipefail
CALLER_PWD=$PWD
cd "$(dirname "$0")/.."
ROOT=$PWD

PORT=${E2E_PORT:-34115}
VITE_PORT=${E2E_VITE_PORT:-5199}
START_TIMEOUT=${E2E_START_TIMEOUT:-300}
OUT=${E2E_OUT:-/tmp/daigoudesk-e2e}
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/daigoudesk-e2e.XXXXXX")
DATA_DIR=$WORK/data
mkdir -p "$DATA_DIR"
LOG=$OUT/app.log
VITE_LOG=$OUT/vite.log
: >"$LOG"
: >"$VITE_LOG"

APP_PID=""
VITE_PID=""
XVFB_PID=""

# Stops a process group started with setsid (the leader's pid is the group id).
stop_group() {
  local pgid=$1
  [ -n "$pgid" ] || return 0
  kill -0 -- "-$pgid" 2>/dev/null || return 0
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  stop_group "$APP_PID"
  stop_group "$VITE_PID"
  if [ -n "$XVFB_PID" ]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "--- e2e failed; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2 || true
    echo "--- last lines of $VITE_LOG:" >&2
    tail -n 15 "$VITE_LOG" >&2 || true
  fi
  if [ "${E2E_KEEP:-0}" = 1 ] || [ "$status" -ne 0 ]; then
    echo "data dir kept: $DATA_DIR" >&2
    rm -f "$WORK/daigoudesk-dev"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}
# wait_http URL PID WHAT: waits until URL answers 200, failing early if PID died.
wait_http() {
  local url=$1 pid=$2 what=$3 deadline=$((SECONDS + START_TIMEOUT))
  until http_ok "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "e2e: $what exited before serving $url" >&2; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "e2e: $what did not serve $url within ${START_TIMEOUT}s" >&2; return 1; }
    sleep 1
  done
}

for p in "$PORT" "$VITE_PORT"; do
  if port_busy "$p"; then
    echo "e2e: port $p is already in use (a running dev server?); stop it or set E2E_PORT / E2E_VITE_PORT" >&2
    exit 1
  fi
done

if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 99 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { DISPLAY_NUM=$n; break; }
  done
  export DISPLAY=":${DISPLAY_NUM:?no free X display}"
  Xvfb "$DISPLAY" -screen 0 1440x900x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done
  [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] || { echo "e2e: Xvfb did not start" >&2; exit 1; }
fi
echo "e2e: data dir $DATA_DIR, logs in $OUT, display $DISPLAY"

# The TS bindings must match app/ (generate module never runs go mod tidy).
echo "e2e: generating bindings"
DAIGOU_DATA_DIR="$DATA_DIR" go tool wails generate module >>"$LOG" 2>&1

# setsid: each in its own process group, so cleanup stops vite's and the app's children too.
(cd frontend && exec setsid npx vite --host 127.0.0.1 --port "$VITE_PORT" --strictPort) \
  >>"$VITE_LOG" 2>&1 </dev/null &
VITE_PID=$!

echo "e2e: compiling the app (-tags dev; the first build of the cgo webview takes minutes)"
go build -tags dev -o "$WORK/daigoudesk-dev" . >>"$LOG" 2>&1
wait_http "http://127.0.0.1:$VITE_PORT/" "$VITE_PID" vite

# The dev build reads these (as `wails dev` sets them): its dev server on PORT serves the UI
# from vite and bridges the Go bindings over a websocket to any browser. DAIGOU_NO_OPEN: the
# PDFs it prints are written but not opened in a viewer.
DAIGOU_DATA_DIR="$DATA_DIR" DAIGOU_NO_OPEN=1 devserver="localhost:$PORT" \
  frontenddevserverurl="http://127.0.0.1:$VITE_PORT" assetdir="" loglevel=Info \
  setsid "$WORK/daigoudesk-dev" >>"$LOG" 2>&1 </dev/null &
APP_PID=$!
wait_http "http://localhost:$PORT/" "$APP_PID" "the app"
echo "e2e: app up after ${SECONDS}s"

cd "$ROOT/frontend"
tests=()
for f in "$@"; do tests+=("$(cd "$CALLER_PWD" && realpath "$f")"); done
[ ${#tests[@]} -gt 0 ] || tests=(e2e/*.test.mjs)
E2E_URL="http://localhost:$PORT" E2E_OUT="$OUT" E2E_DATA_DIR="$DATA_DIR" \
  node --test --test-concurrency=1 "${tests[@]}"
