#!/bin/sh
# A slow job for the streaming tests: one line every 0.2 s for about 3 s. The first line carries the epoch time in
# milliseconds, so the audit test can check that "started" was recorded before the script produced output.
echo "first line at $(date +%s%3N)"
i=1
while [ "$i" -le 14 ]; do
  sleep 0.2
  echo "step $i of 14"
  i=$((i + 1))
done
echo "stream done"
