"""Runs moto's server on one loopback port for as long as the JVM that started it holds stdin open.

Usage: python moto_launcher.py HOST PORT

Prints one ready line on stdout once the server listens. Exits with status 3 when it cannot
listen on the port (the caller then tries another one). Stops when stdin reaches end of file,
which also happens when the parent JVM is killed, so the server never outlives its owner.
"""

import os
import sys

PORT_UNAVAILABLE = 3


def main() -> None:
    host = sys.argv[1]
    port = int(sys.argv[2])

    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)

    # When binding fails, werkzeug ends the server thread with SystemExit before the ready event is
    # set, and start() would wait forever: record the failure and release the wait instead.
    failures = []
    serve = server._server_entry

    def guarded_serve() -> None:
        try:
            serve()
        except BaseException as error:  # noqa: B036 - SystemExit is what werkzeug raises here
            failures.append(error)
            server._server_ready_event.set()

    server._server_entry = guarded_serve
    server.start()
    if failures:
        print(f"keywarden-moto: cannot listen on {host}:{port}: {failures[0]!r}",
              file=sys.stderr, flush=True)
        os._exit(PORT_UNAVAILABLE)

    print(f"keywarden-moto ready on http://{host}:{port} (pid {os.getpid()})", flush=True)
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except KeyboardInterrupt:
        pass
    print("keywarden-moto: stdin closed, stopping", flush=True)
    server.stop()
    # Request threads may still hold the interpreter; the owner is gone, so leave now.
    os._exit(0)


if __name__ == "__main__":
    main()
