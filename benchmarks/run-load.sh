#!/usr/bin/env bash
# Starts the assembled node, drives it with the load harness, then stops it and counts the stored positions.
#
#   benchmarks/run-load.sh [TRACKERS] [DURATION_S] [INTERVAL_MS] [PROTOCOLS]
#
# Defaults: 5000 trackers, 600 s, one position per 5000 ms each, gt06,teltonika alternating.
# Environment: RESCUEGRID_HEAP (node heap, default 1g), JFR=1 (record a profile of the node to
# benchmarks/target/load/node.jfr), CONNECT_PER_S (ramp-up, default 500), WINDOW (unacknowledged packets per
# tracker, default 50), CODEC (Teltonika 8 or 8E, default 8E), ASSEMBLY (node directory, default
# karaf-distribution/target/assembly), BOOT_TIMEOUT_S (seconds the node may take to open its ports, default 120).
# Build first, from the repository root:
#   mvn -B -o -pl karaf-distribution,benchmarks -am package -DskipTests
set -euo pipefail

cd "$(dirname "$0")/.."
TRACKERS=${1:-5000}
DURATION_S=${2:-600}
INTERVAL_MS=${3:-5000}
PROTOCOLS=${4:-gt06,teltonika}
ASSEMBLY=${ASSEMBLY:-karaf-distribution/target/assembly}
export RESCUEGRID_HEAP=${RESCUEGRID_HEAP:-1g}
OUT=benchmarks/target/load
# A fresh IMEI prefix per run keeps the Derby count to this run's trackers.
PREFIX=8$(printf '%04d' $(( $(date +%s) % 10000 )))
GT06_PORT=5123
TELTONIKA_PORT=5127
SSH_PORT=8122

[ -x "$ASSEMBLY/bin/start" ] || { echo "no node at $ASSEMBLY; build it first (see the top of this script)" >&2; exit 1; }
[ -d benchmarks/target/lib ] || { echo "benchmarks/target/lib is missing; build it first (see the top of this script)" >&2; exit 1; }
[ ! -f "$ASSEMBLY/karaf.pid" ] || ! kill -0 "$(cat "$ASSEMBLY/karaf.pid")" 2>/dev/null || {
    echo "a node already runs from $ASSEMBLY (pid $(cat "$ASSEMBLY/karaf.pid")); stop it first" >&2; exit 1; }

# Each tracker uses one socket in the node and one in the harness (separate processes, so each needs
# TRACKERS descriptors), and Karaf itself uses a few hundred. Raise the soft limit as far as the hard one allows.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( TRACKERS + 1024 )) ]; then
    echo "open-file limit $(ulimit -n) is below $(( TRACKERS + 1024 )) for $TRACKERS trackers; raise the hard limit (limits.conf, systemd LimitNOFILE)" >&2
    exit 1
fi
mkdir -p "$OUT"

# The harness must reach this node and no other: another node on the machine (a demo, a test) may hold the
# demo ports, so the run uses listeners of its own and refuses to start when their ports are taken.
for port in $GT06_PORT $TELTONIKA_PORT; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
        echo "port $port is already in use by another process; stop it first, or the trackers would load it instead" >&2
        exit 1
    fi
done
CONSOLE=1
if (exec 3<>/dev/tcp/127.0.0.1/$SSH_PORT) 2>/dev/null; then
    echo "console port $SSH_PORT is taken by another process; the decoded count from rescue:device-list is skipped" >&2
    CONSOLE=0
fi

# A GT06 listener that acknowledges location packets, which the demo's listener on 5023 does not, so every
# GT06 position yields a commit acknowledgement the harness can time, and a Teltonika listener of its own.
cat > "$ASSEMBLY/etc/org.rescuegrid.driver.gt06-bench.cfg" <<CFG
host = 127.0.0.1
port = $GT06_PORT
acknowledgeLocation = true
CFG
cat > "$ASSEMBLY/etc/org.rescuegrid.driver.teltonika-bench.cfg" <<CFG
host = 127.0.0.1
port = $TELTONIKA_PORT
CFG

echo "node: starting $ASSEMBLY with heap $RESCUEGRID_HEAP, open-file limit $(ulimit -n)"
setsid "$ASSEMBLY/bin/start"
BOOT_TIMEOUT_S=${BOOT_TIMEOUT_S:-120}
deadline=$(( $(date +%s) + BOOT_TIMEOUT_S ))
until [ -f "$ASSEMBLY/karaf.pid" ] && (exec 3<>/dev/tcp/127.0.0.1/$GT06_PORT) 2>/dev/null \
        && (exec 3<>/dev/tcp/127.0.0.1/$TELTONIKA_PORT) 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "node did not open ports $GT06_PORT and $TELTONIKA_PORT within $BOOT_TIMEOUT_S s (BOOT_TIMEOUT_S); see $ASSEMBLY/data/log/karaf.log; stopping it" >&2
        "$ASSEMBLY/bin/stop" >/dev/null 2>&1 || true; exit 1; }
    sleep 1
done
PID=$(cat "$ASSEMBLY/karaf.pid")
echo "node: run $PREFIX, trackers' IMEIs start with $PREFIX"
# The listeners open before the rest of the demo feature has started. Waiting until the log has been quiet
# for 10 s keeps the run from competing with the node's own boot.
log="$ASSEMBLY/data/log/karaf.log"
last_size=-1
quiet_since=$(date +%s)
while [ $(( $(date +%s) - quiet_since )) -lt 10 ]; do
    [ "$(date +%s)" -lt $(( deadline + 120 )) ] || break
    size=$(stat -c %s "$log" 2>/dev/null || echo 0)
    if [ "$size" != "$last_size" ]; then last_size=$size; quiet_since=$(date +%s); fi
    sleep 1
done
echo "node: pid $PID listening, boot log quiet"

stop_node() {
    "$ASSEMBLY/bin/stop" >/dev/null 2>&1 || true
    for _ in $(seq 30); do kill -0 "$PID" 2>/dev/null || return 0; sleep 1; done
    echo "node: pid $PID still running 30 s after bin/stop; ending it" >&2
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 10); do kill -0 "$PID" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$PID" 2>/dev/null || true
    while kill -0 "$PID" 2>/dev/null; do sleep 1; done
}
trap stop_node EXIT

if [ "${JFR:-0}" = 1 ]; then
    jcmd "$PID" JFR.start name=load settings=profile filename="$(pwd)/$OUT/node.jfr" >/dev/null
    echo "node: JFR recording to $OUT/node.jfr"
fi

java -Xmx512m -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.rescuegrid.benchmarks.LoadHarness \
    --trackers "$TRACKERS" --duration-s "$DURATION_S" --interval-ms "$INTERVAL_MS" --protocols "$PROTOCOLS" \
    --gt06-port $GT06_PORT --teltonika-port $TELTONIKA_PORT --connect-per-s "${CONNECT_PER_S:-500}" \
    --window "${WINDOW:-50}" --codec "${CODEC:-8E}" --imei-prefix "$PREFIX" --node-pid "$PID" | tee "$OUT/harness.log"

if [ "${JFR:-0}" = 1 ]; then
    jcmd "$PID" JFR.stop name=load >/dev/null
fi

# Positions decoded by the drivers: the registry's fix count of this run's devices, from the node's console.
if [ "$CONSOLE" = 1 ] && [ -r "$ASSEMBLY/etc/admin.password" ]; then
    echo 'rescue:device-list' | "$ASSEMBLY/bin/client" -a $SSH_PORT -u admin -p "$(cat "$ASSEMBLY/etc/admin.password")" -b 2>/dev/null \
        | awk -F'|' -v prefix="$PREFIX" '{ gsub(/ /, "", $1) } $1 ~ "^" prefix { devices++; fixes += $6; errors += $7 }
              END { printf "node: %d devices of this run, %d fixes decoded, %d device errors (rescue:device-list)\n", devices, fixes, errors }'
fi

stop_node
trap - EXIT
java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.rescuegrid.benchmarks.PositionCount \
    "$ASSEMBLY/data/derby/rescuegrid" "$PREFIX" | tee -a "$OUT/harness.log"
