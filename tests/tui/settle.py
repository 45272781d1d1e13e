"""Wait for the review app to settle before looking at it."""

from __future__ import annotations

from textual.pilot import Pilot


async def settled(pilot: Pilot[None]) -> None:
    """Return once no worker runs and the frame after the last one is drawn.

    `wait_for_complete` waits only for the workers that exist when it is
    called, and a worker may start another (loading starts the filter), so
    a single wait is a race that a loaded machine loses.
    """
    workers = pilot.app.workers
    for _ in range(200):
        await workers.wait_for_complete()
        await pilot.pause()
        if all(worker.is_finished for worker in workers):
            await pilot.pause()
            return
    raise AssertionError("the app's workers never finished")
