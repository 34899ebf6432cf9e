# Sourced helpers: run zilliz-local in the background with the quickstart's state file, and stop it.
emulator_pid=""
start_emulator() {
  mkdir -p "$local_dir"
  local log="$local_dir/emulator.log"
  node "$repo/dist/emulator/main.js" --port "$emulator_port" --api-key "$emulator_key" \
    --state-file "$local_dir/emulator-state.json" >"$log" 2>&1 &
  emulator_pid=$!
  trap stop_emulator EXIT
  for _ in $(seq 1 100); do
    if curl -sf -o /dev/null -H "Authorization: Bearer $emulator_key" "http://127.0.0.1:$emulator_port/v2/clouds"; then
      return 0
    fi
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
      echo "zilliz-local failed to start:" >&2; cat "$log" >&2; return 1
    fi
    sleep 0.1
  done
  echo "zilliz-local did not answer on port $emulator_port" >&2; cat "$log" >&2; return 1
}
stop_emulator() {
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true
  fi
  emulator_pid=""
}
