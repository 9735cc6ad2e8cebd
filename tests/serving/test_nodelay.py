"""Served connections send each response at once (Nagle's algorithm off), also where uvicorn binds the socket."""
import asyncio
import socket
from concurrent.futures import ThreadPoolExecutor

import uvicorn
from uvicorn.server import ServerState

from kb.web.serve import NoDelayHTTP


async def _empty_app(scope, receive, send):
    pass


def _nodelay_after_connection_made(protocol_class) -> int:
    config = uvicorn.Config(_empty_app, http=protocol_class, lifespan="off", log_level="warning")
    config.load()
    # As uvicorn binds the socket for --workers: protocol 0, so asyncio does not turn Nagle off itself.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname()) as client:
            conn, _ = listener.accept()

            async def serve_one() -> int:
                transport, _ = await asyncio.get_running_loop().connect_accepted_socket(
                    lambda: protocol_class(config=config, server_state=ServerState(), app_state={}), conn)
                try:
                    return conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
                finally:
                    transport.close()

            # In a thread of its own: browser tests may leave an event loop running in this one.
            with ThreadPoolExecutor(1) as pool:
                return pool.submit(asyncio.run, serve_one()).result()


def test_kb_serve_turns_nagle_off_on_every_connection():
    # With Nagle on, each keep-alive response after the first waits ~40 ms for the client's delayed ACK.
    assert _nodelay_after_connection_made(NoDelayHTTP) == 1
