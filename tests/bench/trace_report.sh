#!/bin/sh
# Prints a trace written with BERTH_TRACE=FILE (berth/model/trace.h) as one
# timeline: each step's start after the first line's, its duration, and for
# a moment (a point) the time since the same process's previous moment.
#
# Usage: tests/bench/trace_report.sh FILE
set -eu
[ $# -eq 1 ] || { echo "usage: $0 FILE" >&2; exit 2; }
sort -n -k1,1 -k2,2 "$1" | awk '
NR == 1 { t0 = $1 }
{
    step = $5
    for (i = 6; i <= NF; i++) step = step " " $i
    if ($1 == $2) {
        since = ($3 in last) ? sprintf("+%.2f", ($1 - last[$3]) / 1e6) : ""
        printf "%9.2f ms  %9s  %-8s %7d  %s\n", ($1 - t0) / 1e6, since, $4, $3, step
    } else {
        printf "%9.2f ms  %7.2f ms %-8s %7d  [%s]\n", ($1 - t0) / 1e6, ($2 - $1) / 1e6, $4, $3, step
    }
    if ($1 == $2) last[$3] = $1
}'
