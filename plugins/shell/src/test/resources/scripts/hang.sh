#!/bin/sh
# Starts a child that would outlive us, tells the test its pid, and waits forever.
sleep 600 &
echo "child $!"
wait
