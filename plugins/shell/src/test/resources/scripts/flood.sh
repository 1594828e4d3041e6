#!/bin/sh
# 100,000 lines on stdout, far past any output cap.
i=0
while [ "$i" -lt 100000 ]; do
  echo "line $i"
  i=$((i + 1))
done
echo "done" >&2
