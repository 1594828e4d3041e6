#!/bin/sh
# Prints how many arguments arrived, then each one in brackets, exactly as received.
echo "argc=$#"
for arg in "$@"; do
  printf '[%s]\n' "$arg"
done
