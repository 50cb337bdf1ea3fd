#!/bin/bash
./orders.sh /work/main new-a
./orders.sh /tmp/exp base-a
./orders.sh /tmp/exp base-b
./orders.sh /work/main new-b
