"""Starts the embedded Milvus standalone server (PyPI package `milvus`) on free loopback ports.

Prints one JSON line `{"port": <proxy port>, "healthPort": <metrics port>, "dataDir": ...}` once the
server answers its health check, then runs until stdin closes or a signal arrives, and stops Milvus.
Used by test/support/milvus.ts; run with the virtualenv python from scripts/ensure-milvus.sh.
"""
import argparse
import json
import signal
import sys
import threading

from milvus import MilvusServer, MilvusServerConfig


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, help="data directory (logs, etcd, storage)")
    args = parser.parse_args()

    server = MilvusServer(MilvusServerConfig(data_dir=args.data), wait_for_started=True)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    server.start()
    print(json.dumps({"port": server.listen_port, "healthPort": server.webservice_port, "dataDir": args.data}), flush=True)

    # The parent holds our stdin open; when it exits (even by a crash) stdin closes and we stop Milvus,
    # so no orphaned server outlives a test run.
    def watch_stdin() -> None:
        sys.stdin.read()
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stop.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
