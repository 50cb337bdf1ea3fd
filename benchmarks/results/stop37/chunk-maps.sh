#!/bin/bash
# What H2's last chunks hold, by map (table or index): bytes and pages per chunk (stop 37).
# usage: chunk-maps.sh <copy of milepost.mv.db, from a host stopped with kill -9> <how many of the newest chunks>
# Needs the H2 jar (benchmarks/target/lib/h2-2.4.240.jar) and N.java, Q.java beside this script. Works on copies:
# opening a store file changes it.
set -e
H2=$(realpath "${H2:-$(dirname "$0")/../../target/lib/h2-2.4.240.jar}")
DIR=$(mktemp -d); HERE=$(cd "$(dirname "$0")" && pwd)
trap 'rm -rf "$DIR"' EXIT
cp "$1" "$DIR/q.mv.db"; cp "$1" "$DIR/n.mv.db"
javac -cp "$H2" -d "$DIR" "$HERE/N.java" "$HERE/Q.java"
java -cp "$H2" org.h2.mvstore.MVStoreTool -dump "$1" > "$DIR/dump.txt"
# chunk, map id (hex), node|leaf, bytes of every page
awk '/chunkHeader/ { match($0,/chunk:[0-9a-f]+/); c=strtonum("0x" substr($0,RSTART+6,RLENGTH-6)); next }
  /^\+[0-9a-f]+ (node|leaf), map/ { split($0,a,/, /); kind=substr(a[1], index(a[1]," ")+1); m=a[2]; sub("map ","",m);
  b=a[4]; sub(" bytes.*","",b); print c, m, kind, b+0 }' "$DIR/dump.txt" > "$DIR/pages.txt"
(cd "$DIR" && java -cp ".:$H2" Q "jdbc:h2:file:$DIR/q;ACCESS_MODE_DATA=r" \
  "SELECT 'table', TABLE_NAME, DB_OBJECT_ID('TABLE', TABLE_SCHEMA, TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES
   WHERE TABLE_SCHEMA='PUBLIC' UNION ALL SELECT 'index', TABLE_NAME || '.' || INDEX_NAME,
   DB_OBJECT_ID('INDEX', INDEX_SCHEMA, INDEX_NAME) FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA='PUBLIC'" > objs.txt
 java -cp ".:$H2" N n.mv.db > maps.txt)
awk 'NR==FNR { split($0,f," \\| "); obj[f[1]"."f[3]]=f[2]; next } { print $1, ($2 in obj) ? obj[$2] : $2 }' \
  "$DIR/objs.txt" "$DIR/maps.txt" > "$DIR/names.txt"
last=$(sort -n "$DIR/pages.txt" | tail -1 | cut -d' ' -f1)
awk -v lo=$((last - $2)) -v n=$2 'NR==FNR { name[$1]=$2; next } $1>lo { b[$2]+=$4; p[$2]++; t+=$4; if ($3=="node") nb+=$4; else lb+=$4; np[$3]++; seen[$1" "$2]=1 }
  END { for (k in b) printf "%5.1f KB/chunk %5.1f%% %5.2f pages/chunk %s\n", b[k]/n/1024, 100*b[k]/t, p[k]/n, (k in name) ? name[k] : (k == "0" ? "H2 layout map (the roots of all maps, the chunks)" : "map " k);
        m=0; for (s in seen) m++;
        printf "TOTAL %.1f KB/chunk: inner nodes %.1f KB in %.1f pages, leaves %.1f KB in %.1f pages, %.1f maps\n", t/n/1024, nb/n/1024, np["node"]/n, lb/n/1024, np["leaf"]/n, m/n }' \
  "$DIR/names.txt" "$DIR/pages.txt" | sort -rn
