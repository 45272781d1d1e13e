"""One reviewer process of tests/test_concurrent_review.py: random review
actions on a shared term base, printing how many were acknowledged.

Usage: python tests/review_worker.py DB USER ACTIONS SEED
"""

from __future__ import annotations

import json
import random
import sys

from glossary.errors import ConflictError, GlossaryError, NotFoundError
from glossary.review import Review
from glossary.store import open_store


def main(db: str, user: str, actions: int, seed: int) -> None:
    rng = random.Random(seed)
    done: dict[str, int] = {}
    refused = 0
    with open_store(db, existing=True, user=user) as tb:
        review = Review(tb)
        ids = [s.id for s in tb.summaries()]
        for n in range(actions):
            cid = rng.choice(ids)
            action = rng.choice(["approve", "reject", "reset", "note", "undo"])
            try:
                if action != "undo":
                    review.look(cid)
                if action == "note":
                    review.set_note(cid, f"{user} {n}")
                elif action == "undo":
                    if not review.can_undo:
                        continue
                    review.undo()
                else:
                    getattr(review, action)(cid)
            except (ConflictError, NotFoundError):
                refused += 1  # stale, or changed since: refused, nothing written
                continue
            except GlossaryError as e:
                if "locked" not in str(e):  # SQLite's busy path: a clear refusal
                    raise
                refused += 1
                continue
            done[action] = done.get(action, 0) + 1
    print(json.dumps({"done": done, "refused": refused}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
