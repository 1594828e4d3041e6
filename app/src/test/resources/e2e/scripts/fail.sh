#!/bin/sh
# Fails the way real scripts do: some output, a complaint on stderr, a non-zero exit code.
echo "checking the target"
echo "the target is broken" >&2
exit 3
