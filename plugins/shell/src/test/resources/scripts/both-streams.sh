#!/bin/sh
echo "to stdout 1"
echo "to stderr 1" >&2
echo "to stdout 2"
echo "to stderr 2" >&2
exit 0
