"""Standard-library modules that load when first used, not when imported (issue 16: start-up).

SQLAlchemy's ``util/compat.py`` and ``util/langhelpers.py`` import ``asyncio`` and
``importlib.metadata`` (and with them sockets, SSL, the email package, zip files) on every
start, for its async drivers and its plugin entry points, which a SQLite or psycopg query
never touches: about a sixth of an asking command's CPU. ``defer(NAME)`` puts a module in
``sys.modules`` whose code runs on the first attribute asked of it, so ``import NAME`` costs
nothing until something uses NAME, and then NAME is the module it would have been.

``importlib.util.LazyLoader`` does not do this on Python 3.11: every ``import NAME`` reads
the module's ``__spec__`` (is it still initialising?), and that read runs its code. A
deferred module answers what the import system set before its code ran (``__spec__``,
``__name__``, ``__path__``, ``__file__``, submodules imported since) without running it;
any other attribute runs the module's code in place (the same module object, as an
ordinary ``import`` would have made it) and is then read from it.

``EARLY`` names an attribute that an importer reads as it loads (SQLAlchemy's
``util/concurrency.py`` takes ``asyncio.iscoroutine``) and the submodule that defines it:
that submodule is imported on its own and the attribute set on the deferred package, the
same object the package gives once loaded (``asyncio`` re-exports ``asyncio.coroutines``).

Not thread-safe on first use (two threads may not use one deferred module for the first
time at once): cli/startup.py defers only on the asking commands' path, in the program,
where one thread runs.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

# attributes read at import time by an importer, from the submodule defining them
EARLY: dict[str, tuple[tuple[str, str], ...]] = {
    "asyncio": (("iscoroutine", "asyncio.coroutines"),),
}


class DeferredModule(types.ModuleType):
    """A module whose code has not run yet: it runs on the first attribute asked of it
    that the import system did not set (its ``__dict__`` and ``dir()`` included)."""

    def __getattribute__(self, attr: str):  # type: ignore[no-untyped-def]
        namespace = object.__getattribute__(self, "__dict__")
        if attr in namespace:
            return namespace[attr]
        if attr == "__class__":
            return DeferredModule
        _run(self, namespace)
        return getattr(self, attr)

    def __dir__(self) -> list[str]:
        _run(self, object.__getattribute__(self, "__dict__"))
        return dir(self)


def _run(module: types.ModuleType, namespace: dict) -> None:
    """Run MODULE's code in place: from now on it is an ordinary module."""
    object.__setattr__(module, "__class__", types.ModuleType)
    spec = namespace["__spec__"]
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)  # as a failed import leaves it
        raise


def defer(name: str) -> bool:
    """Put a deferred NAME in sys.modules (and on its parent package, as an import does).
    False if NAME is already imported (or cannot be found): nothing changes then."""
    if name in sys.modules:
        return False
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return False
    module = importlib.util.module_from_spec(spec)
    module.__class__ = DeferredModule
    sys.modules[name] = module
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)
    for attr, source in EARLY.get(name, ()):
        setattr(module, attr, getattr(importlib.import_module(source), attr))
    return True


def is_deferred(name: str) -> bool:
    """NAME is in sys.modules and its code has not run."""
    return type(sys.modules.get(name)) is DeferredModule
