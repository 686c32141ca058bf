"""Runs moto's server on one loopback port for as long as the JVM that started it holds stdin open.

Usage: python moto_launcher.py HOST PORT

Prints one ready line on stdout once the server listens. Exits with status 3 when it cannot
listen on the port (the caller then tries another one). Stops when stdin reaches end of file,
which also happens when the parent JVM is killed, so the server never outlives its owner.
"""

import os
import sys

PORT_UNAVAILABLE = 3

# Test fixtures: only a server started with this variable set to 1 (MotoServer.Builder.testFixtures())
# answers the paths below; every other server has none of them.
TEST_FIXTURES_ENV = "KEYWARDEN_MOTO_TEST_FIXTURES"
ACCESS_KEY_PATH = "/keywarden-test-fixtures/access-key"


def with_test_fixtures(app):
    """Wraps moto's WSGI app with what no AWS API can do and tests need: dating an access key.

    POST ACCESS_KEY_PATH with {"accessKeyId", and "lastUsed" (ISO-8601) with "service" and "region", or
    "created" (ISO-8601), or both} sets the key's last use (as GetAccessKeyLastUsed and the credential report
    then give it) or its creation time (as ListAccessKeys and the report's last rotation give it).
    """
    import json
    from datetime import datetime, timezone

    def utc(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc).replace(tzinfo=None)

    def answer(start_response, status, body):
        data = json.dumps(body).encode()
        start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
        return [data]

    def fixtures(environ, start_response):
        if environ.get("PATH_INFO") != ACCESS_KEY_PATH:
            return app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "POST":
            return answer(start_response, "405 Method Not Allowed", {"error": "POST a JSON body"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            request = json.loads(environ["wsgi.input"].read(length) or b"{}")
            key_id = request["accessKeyId"]
            used = utc(request["lastUsed"]) if "lastUsed" in request else None
            made = utc(request["created"]) if "created" in request else None
            service = request.get("service", "sts")
            region = request.get("region", "us-east-1")
        except (KeyError, ValueError, TypeError) as error:
            return answer(start_response, "400 Bad Request", {"error": f"bad request: {error!r}"})
        from moto.iam.models import AccessKeyLastUsed, iam_backends

        for _, by_partition in list(iam_backends.items()):
            for backend in list(by_partition.values()):
                for user in list(backend.users.values()):
                    for key in user.access_keys:
                        if key.access_key_id == key_id:
                            if used is not None:
                                key.last_used = AccessKeyLastUsed(timestamp=used, service=service, region=region)
                            if made is not None:
                                key.create_date = made
                            return answer(start_response, "200 OK", {"status": "ok", "user": user.name})
        return answer(start_response, "404 Not Found", {"error": f"no access key {key_id}"})

    return fixtures


def main() -> None:
    host = sys.argv[1]
    port = int(sys.argv[2])

    from moto.server import ThreadedMotoServer

    if os.environ.get(TEST_FIXTURES_ENV) == "1":
        from moto.moto_server import threaded_moto_server

        make_app = threaded_moto_server.DomainDispatcherApplication
        threaded_moto_server.DomainDispatcherApplication = lambda create: with_test_fixtures(make_app(create))

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
