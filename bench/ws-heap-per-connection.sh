#!/usr/bin/env bash
# Live heap per idle /ws/flights connection: starts the packaged server with a tiny picture (SIM_COUNT=10, so frames
# are negligible), takes a class histogram (a full GC, live objects only) with no client, connects CLIENTS load-tool
# clients, takes another, and prints the difference per connection plus the largest contributors. Bounded (~1 min).
#
#   bench/ws-heap-per-connection.sh [CLIENTS [FORMAT]]     env: JAR=target/skysentinel-0.1.0-SNAPSHOT.jar
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-1000}
FORMAT=${2:-msgpack}
JAR=${JAR:-target/skysentinel-0.1.0-SNAPSHOT.jar}
OUT_DIR=${OUT_DIR:-bench/results/heap-per-connection-$CLIENTS-$FORMAT}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[[ -f "$JAR" && -d target/test-classes/io/skysentinel/load ]] || ./mvnw -q -B -DskipTests package
CP_FILE=target/load-classpath.txt
[[ -s "$CP_FILE" ]] || ./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
mkdir -p "$OUT_DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
SERVER_CMD=(env SKYSENTINEL_SOURCES=sim SIM_COUNT=10 SIM_TICK=5s PORT="$PORT" "$JAVA" -Xmx512m -jar "$JAR")
echo "+ ${SERVER_CMD[*]} &"
"${SERVER_CMD[@]}" > "$OUT_DIR/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill -TERM $SERVER_PID 2>/dev/null; for _ in $(seq 1 40); do kill -0 $SERVER_PID 2>/dev/null || break; sleep 0.5; done; kill -KILL $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done

live() { "$JCMD" "$SERVER_PID" GC.class_histogram > "$OUT_DIR/histogram-$1.txt"; awk '/^Total/ {print $3}' "$OUT_DIR/histogram-$1.txt"; }
sleep 3
BEFORE=$(live 0)
TOOL_CMD=("$JAVA" -Xmx1g -cp "target/test-classes:$(cat "$CP_FILE")" io.skysentinel.load.WsLoadTool
  --url "ws://127.0.0.1:$PORT/ws/flights" --server "http://127.0.0.1:$PORT" --clients "$CLIENTS" --format "$FORMAT"
  --ramp 10s --warmup 5s --duration 15s --summary "$OUT_DIR/summary.json" --label "heap-$CLIENTS-$FORMAT")
echo "+ ${TOOL_CMD[*]/$(cat "$CP_FILE")/<test classpath>}"
timeout 90 "${TOOL_CMD[@]}" > "$OUT_DIR/tool.log" 2>&1 &
TOOL=$!
sleep 20
AFTER=$(live "$CLIENTS")
wait "$TOOL" || true
grep -E "^clients" "$OUT_DIR/tool.log" || true
echo "live heap: $BEFORE bytes with 0 clients, $AFTER bytes with $CLIENTS clients"
echo "per connection: $(( (AFTER - BEFORE) / CLIENTS )) bytes"
echo "largest classes with $CLIENTS clients:"
sed -n '1,12p' "$OUT_DIR/histogram-$CLIENTS.txt"
