#!/usr/bin/env bash
# WebSocket push benchmark: starts the packaged server (sim source) on a free loopback port, runs the load tool
# (io.skysentinel.load.WsLoadTool, test classpath) against /ws/flights, then stops the server. Every run is bounded.
#
#   bench/ws-load.sh [CLIENTS [FORMAT]]
#
# Settings (environment):
#   CLIENTS=100 FORMAT=msgpack DURATION=60s RAMP=20s WARMUP=10s POLL_COMPARE=1
#   SIM_COUNT=10000 SIM_TICK=5s SIM_REPORT_SLICES=1 WS_DELTA_INTERVAL_MS=200 SERVER_HEAP=512m SERVER_OPTS=  (extra server JVM flags)
#   TOOL_HEAP=2g TOOL_OPTS=  TOOL_ARGS=  (extra tool flags, e.g. "--http-clients 2 --threads 2")
#   JAR=target/skysentinel-0.1.0-SNAPSHOT.jar  BUILD=0 (1: package first)  LABEL=<clients>-<format>-tick<SIM_TICK>
#   OUT_DIR=bench/results/$LABEL (summary.json, tool.log, server.log)
# Exit code: the tool's (2 = fewer than 95 % of the clients connected), or 3 when the server did not come up.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${1:-${CLIENTS:-100}}
FORMAT=${2:-${FORMAT:-msgpack}}
DURATION=${DURATION:-60s}
RAMP=${RAMP:-20s}
WARMUP=${WARMUP:-10s}
POLL_COMPARE=${POLL_COMPARE:-1}
SIM_COUNT=${SIM_COUNT:-10000}
SIM_TICK=${SIM_TICK:-5s}
WS_DELTA_INTERVAL_MS=${WS_DELTA_INTERVAL_MS:-200}
SERVER_HEAP=${SERVER_HEAP:-512m}
SERVER_OPTS=${SERVER_OPTS:-}
TOOL_HEAP=${TOOL_HEAP:-2g}
TOOL_OPTS=${TOOL_OPTS:-}
TOOL_ARGS=${TOOL_ARGS:-}
JAR=${JAR:-target/skysentinel-0.1.0-SNAPSHOT.jar}
LABEL=${LABEL:-${CLIENTS}-${FORMAT}-tick${SIM_TICK}}
OUT_DIR=${OUT_DIR:-bench/results/$LABEL}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

secs() { # 60s | 500ms | 2m -> whole seconds (rounded up)
  case "$1" in
    *ms) echo $(( (${1%ms} + 999) / 1000 ));;
    *s) echo "${1%s}";;
    *m) echo $(( ${1%m} * 60 ));;
    *) echo "$1";;
  esac
}

# One fd per connection on each side; raise the limit as far as allowed.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "# ulimit -n: $(ulimit -n)"
if (( CLIENTS + 500 > $(ulimit -n) )); then
  echo "ws-load: $CLIENTS clients need more than ulimit -n $(ulimit -n) file descriptors" >&2
  exit 1
fi

if [[ "${BUILD:-0}" == 1 || ! -f "$JAR" || ! -d target/test-classes/io/skysentinel/load ]]; then
  echo "+ ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
fi
CP_FILE=target/load-classpath.txt
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$OUT_DIR"

SERVER_CMD=(env SKYSENTINEL_SOURCES=sim SIM_COUNT="$SIM_COUNT" SIM_TICK="$SIM_TICK" SIM_REPORT_SLICES="${SIM_REPORT_SLICES:-1}" WS_DELTA_INTERVAL_MS="$WS_DELTA_INTERVAL_MS"
  PORT="$PORT" "$JAVA" -Xmx"$SERVER_HEAP" $SERVER_OPTS -jar "$JAR")
echo "+ ${SERVER_CMD[*]} > $OUT_DIR/server.log 2>&1 &"
"${SERVER_CMD[@]}" > "$OUT_DIR/server.log" 2>&1 &
SERVER_PID=$!

stop_server() {
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
}
trap stop_server EXIT INT TERM

echo "# waiting for http://127.0.0.1:$PORT/health (server pid $SERVER_PID)"
up=0
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if body=$(curl -sf "http://127.0.0.1:$PORT/health" 2>/dev/null) && [[ "$body" == *'"status":"UP"'* && "$body" != *'"aircraft":0,'* ]]; then
    up=1; break
  fi
  sleep 0.5
done
if (( ! up )); then
  echo "ws-load: server did not become healthy; see $OUT_DIR/server.log" >&2
  tail -20 "$OUT_DIR/server.log" >&2 || true
  exit 3
fi
echo "# health: $body"

POLL_FLAG=()
[[ "$POLL_COMPARE" == 1 ]] && POLL_FLAG=(--poll-compare)
TOOL_CMD=("$JAVA" -Xmx"$TOOL_HEAP" $TOOL_OPTS -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" io.skysentinel.load.WsLoadTool
  --url "ws://127.0.0.1:$PORT/ws/flights" --server "http://127.0.0.1:$PORT" --clients "$CLIENTS" --format "$FORMAT"
  --ramp "$RAMP" --warmup "$WARMUP" --duration "$DURATION" "${POLL_FLAG[@]}" --server-pid "$SERVER_PID"
  --label "$LABEL" --summary "$OUT_DIR/summary.json" $TOOL_ARGS)
echo "+ ${TOOL_CMD[*]/$(cat "$CP_FILE")/<test classpath>}"
LIMIT=$(( $(secs "$RAMP") + $(secs "$WARMUP") + $(secs "$DURATION") + 90 ))
set +e
timeout --kill-after=10 "$LIMIT" "${TOOL_CMD[@]}" 2>&1 | tee "$OUT_DIR/tool.log"
RC=${PIPESTATUS[0]}
set -e
echo "# tool exit code $RC; server log: $OUT_DIR/server.log"
exit "$RC"
