#!/bin/bash
# bytes written and checkpoints over 20 s of the running engine-host
P=$(pgrep -f engine-host.jar | head -1)
PORT=$(tr '\0' ' ' < /proc/$P/cmdline | grep -o "server.port=[0-9]*" | cut -d= -f2)
m() { curl -s -u demo:demo "localhost:$PORT/actuator/prometheus" | grep -E "^milepost_engine_checkpoint_seconds_(count|sum)|^milepost_engine_commands_total|^milepost_engine_checkpoint_commands" ; }
b=$(awk '/^write_bytes/{print $2}' /proc/$P/io); m > /tmp/s37/m1; sleep 20
a=$(awk '/^write_bytes/{print $2}' /proc/$P/io); m > /tmp/s37/m2
paste /tmp/s37/m1 /tmp/s37/m2
echo "written bytes in 20 s: $((a-b))"
