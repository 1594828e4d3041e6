#!/bin/sh
# Floods its output: 200,000 lines as fast as it can.
seq 1 200000
echo "flood done"
