#!/bin/bash
# What engine-host writes and how often it checkpoints, over 20 s of a running benchmark (stop 30's probe):
# run it while a round is in progress; it reads the first engine-host JVM on the machine.
P=$(pgrep -f engine-host.jar | head -1)
PORT=$(tr '\0' ' ' < /proc/$P/cmdline | grep -o "server.port=[0-9]*" | cut -d= -f2)
metrics() {
  curl -s -u demo:demo "localhost:$PORT/actuator/prometheus" \
    | grep -E "^milepost_engine_checkpoint_seconds_(count|sum)|^milepost_step_record_group_(count|sum)"
}
before=$(awk '/^write_bytes/{print $2}' /proc/$P/io); metrics
sleep 20
after=$(awk '/^write_bytes/{print $2}' /proc/$P/io); metrics
echo "written: $(( (after - before) / 20 / 1000000 )) MB/s"
