#!/usr/bin/env bash
# Runs ARC Helper. With no Telegram token and no LINE secret it opens a chat in this terminal.
# Starts a local Redis (data in .local/redis) when none answers at ConnectionStrings__Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/native-packages.sh
install_native_packages

redis="${ConnectionStrings__Redis:-127.0.0.1:6379}"
host="${redis%%:*}"; port="${redis##*:}"; port="${port%%,*}"
redis_pid=""
if ! (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then
  if [ "$host" != "127.0.0.1" ] && [ "$host" != "localhost" ]; then
    echo "Redis at $redis does not answer." >&2; exit 1
  fi
  mkdir -p .local/redis
  echo "No Redis at $redis: starting one (data in .local/redis)."
  redis-server --bind 127.0.0.1 --port "$port" --dir "$PWD/.local/redis" --appendonly yes --save "" >.local/redis/redis.log 2>&1 &
  redis_pid=$!
  trap '[ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null' EXIT
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
fi

# Students' data is encrypted in Redis with a key from configuration. Without one, a local run makes a development key
# once and keeps it in .local/storage-key (delete .local/ to start over); production sets Storage__EncryptionKeys__<id>.
if ! env | grep -q '^Storage__EncryptionKeys__'; then
  mkdir -p .local
  [ -s .local/storage-key ] || (umask 077 && head -c 32 /dev/urandom | base64 > .local/storage-key)
  export Storage__EncryptionKeys__local; Storage__EncryptionKeys__local="$(cat .local/storage-key)"
  echo "Using the development storage key in .local/storage-key (set Storage__EncryptionKeys__<id> in production)."
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
dotnet run --project src/Bot.Host -c Release
