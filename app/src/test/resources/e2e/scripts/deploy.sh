#!/bin/sh
# Pretends to deploy $1 to $2, taking about $3 seconds (1 when not given), with one line of progress before and after.
echo "deploying $1 to $2"
sleep "${3:-1}"
echo "deployed $1 to $2"
