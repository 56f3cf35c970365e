#!/bin/bash
# The container's health probe (Dockerfile HEALTHCHECK, compose healthcheck): exit 0 when the host answers 200 on
# /healthz/live (or the path given) at 127.0.0.1:${HEALTHCHECK_PORT:-8080}. The runtime image has no curl; bash's
# /dev/tcp is enough for one HTTP/1.0 request.
path="${1:-/healthz/live}"
exec 3<>"/dev/tcp/127.0.0.1/${HEALTHCHECK_PORT:-8080}" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ $status == "HTTP/1."?" 200 "* ]]
