"""One pass of a real dispatcher from synchronous test code."""

from __future__ import annotations

import asyncio

from intake.delivery.dispatcher import Dispatcher


def run_dispatcher_once(dispatcher: Dispatcher) -> dict[str, int]:
    """Send what is due once (``Dispatcher.run_once``'s counts), then close the
    dispatcher's transports."""
    async def one_pass() -> dict[str, int]:
        try:
            return await dispatcher.run_once()
        finally:
            await dispatcher.aclose()
    return asyncio.run(one_pass())
