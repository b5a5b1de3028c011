"""When segments merge: Lucene's tiered merge policy, in small."""

from __future__ import annotations

from collections.abc import Sequence

MERGE_FACTOR = 10  # this many segments of one size tier are merged into one
AUTO_MERGE_MAX = 50_000  # passages: bigger merges wait for --optimize (their graphs take minutes)


def plan_merges(sizes: Sequence[int], factor: int = MERGE_FACTOR, most: int = AUTO_MERGE_MAX) -> list[int]:
    """Which segments (positions in `sizes`, their live passages) to merge now, or none.

    Lucene's tiered policy in small: segments fall into tiers by size (powers of
    `factor`); when `factor` segments share the smallest full tier, they become one, so an
    archive keeps O(log n) segments and each passage is rewritten O(log n) times. Merges
    that would exceed `most` passages wait for `--optimize`."""
    tiers: dict[int, list[int]] = {}
    for i, n in enumerate(sizes):
        tier = 0
        while n >= factor ** (tier + 1) * 100:
            tier += 1
        tiers.setdefault(tier, []).append(i)
    for tier in sorted(tiers):
        group = tiers[tier]
        if len(group) >= factor and sum(sizes[i] for i in group) <= most:
            return group
    return []
