"""Hook points: once the engine is assembled, every one has a listener (a hook nobody connects
is a reaction that silently stopped), and connecting a function twice calls it once."""
from __future__ import annotations

import sys

from server.hooks import Hook


def test_connecting_twice_calls_once_in_order():
    hook, heard = Hook("a test moment"), []
    first, second = (lambda n: heard.append(("first", n))), (lambda n: heard.append(("second", n)))
    for fn in (first, second, first):
        hook.connect(fn)
    assert hook(1) == [None, None] and heard == [("first", 1), ("second", 1)]


def test_every_hook_point_is_connected_once_the_engine_is_assembled():
    import server.syncing.engine  # noqa: F401  (imports every domain, and connects them)

    hooks = {f"{name}.{attr}": value for name, module in list(sys.modules.items()) if name.startswith("server.")
             for attr, value in vars(module).items() if isinstance(value, Hook)}
    assert len(hooks) >= 8, sorted(hooks)
    assert not [name for name, hook in hooks.items() if not hook._listeners]


def test_posts_good_practices_and_meetings_hold_files():
    import server.syncing.engine  # noqa: F401
    from server.files import holders

    assert set(holders._holders) == {"post_id", "resource_id", "meeting_id"}
