"""Where the time of one operation goes: cProfile, summed up for a reader."""
from __future__ import annotations

import cProfile
import pstats
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
OURS = ("sync/", "server/")


@dataclass
class Profile:
    total: float  # seconds under the profiler (slower than a timed run)
    own: list[tuple[str, float]]  # functions with the most time spent in their own code
    ours: list[tuple[str, float]]  # Krąg's functions by cumulative time


def profile(run: Callable[[Any], Any], prepare: Callable[[int], Any] | None, top: int = 12) -> Profile:
    arg = prepare(0) if prepare else None
    profiler = cProfile.Profile()
    profiler.enable()
    run(arg)
    profiler.disable()
    entries = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for _cc, _nc, tt, _ct, _callers in entries.values())
    own = sorted(((_name(k), v[2]) for k, v in entries.items()), key=lambda e: -e[1])[:top]
    ours = sorted(
        ((_name(k), v[3]) for k, v in entries.items() if _name(k).startswith(OURS)), key=lambda e: -e[1]
    )[:top]
    return Profile(total, own, ours)


def _name(key: tuple[str, int, str]) -> str:
    filename, line, func = key
    if filename == "~":
        return func  # a built-in
    path = filename.split("site-packages/")[-1]
    if "/lib/python3" in path:  # the standard library
        path = path.split("/lib/python3", 1)[1].split("/", 1)[1]
    if path.startswith(str(REPO)):
        path = path[len(str(REPO)) + 1:]
    return f"{path}:{line}({func})"


def render(profile: Profile, top: int = 12) -> list[str]:
    lines = [f"under cProfile: {profile.total * 1000:.0f} ms", "  Krąg's functions, cumulative:"]
    lines += [f"    {sec * 1000:8.1f} ms  {name}" for name, sec in profile.ours[:top]]
    lines.append("  most time in their own code:")
    lines += [f"    {sec * 1000:8.1f} ms  {name}" for name, sec in profile.own[:top]]
    return lines
