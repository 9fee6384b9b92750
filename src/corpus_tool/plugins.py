"""Plugin discovery: entry points and loose plugin files, each loaded in isolation."""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
import traceback
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from corpus_tool import hookspecs
from corpus_tool.reading import Reader
from corpus_tool.tool import Tool, ToolDeclarationError

ENTRY_POINT_GROUP = "corpus_tool"
PLUGINS_DIR_ENV = "CORPUS_TOOL_PLUGINS_DIR"
DISABLE_ENV = "CORPUS_TOOL_DISABLE"
OWN_DISTRIBUTION = "corpus-tool"


@dataclass
class PluginInfo:
    """What ``corpus-tool plugins`` reports about one plugin."""

    name: str
    version: str
    source: str  # "built-in", "entry point (dist-name)" or "file /path/x.py"
    status: str = "loaded"  # loaded | failed | disabled
    error: str = ""
    tools: list[str] = field(default_factory=list)
    readers: list[str] = field(default_factory=list)
    details: str = ""  # the traceback of a failure, shown with --debug


@dataclass(frozen=True)
class PluginConfig:
    """Where to look for plugins; picklable, so worker processes load the same set."""

    plugins_dirs: tuple[str, ...] = ()
    disabled: frozenset[str] = frozenset()

    @classmethod
    def from_env(
        cls, plugins_dirs: list[str] | None = None, disabled: list[str] | None = None
    ) -> PluginConfig:
        dirs = list(plugins_dirs or [])
        if not dirs and os.environ.get(PLUGINS_DIR_ENV):
            dirs = [d for d in os.environ[PLUGINS_DIR_ENV].split(os.pathsep) if d]
        off = {n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip()}
        off.update(disabled or [])
        return cls(tuple(dirs), frozenset(off))

    def export(self) -> None:
        """Put this configuration in the environment, for processes this one starts."""
        if self.plugins_dirs:
            os.environ[PLUGINS_DIR_ENV] = os.pathsep.join(self.plugins_dirs)
        if self.disabled:
            os.environ[DISABLE_ENV] = ",".join(sorted(self.disabled))


@dataclass
class Registry:
    """The loaded plugins and the tools they provide."""

    manager: pluggy.PluginManager
    plugins: list[PluginInfo]
    tools: dict[str, Tool]
    warnings: list[str]
    readers: list[Reader] = field(default_factory=list)  # input formats, in loading order

    def tool(self, name: str) -> Tool:
        return self.tools[name]

    def fail_tool(self, name: str, reason: str) -> None:
        """A tool whose command cannot be built: it goes, and its plugin shows as failed."""
        self.tools.pop(name, None)
        for info in self.plugins:
            if name in info.tools:
                info.tools.remove(name)
                info.status = "failed"
                info.error = "; ".join(filter(None, [info.error, reason]))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ToolDeclarationError):  # our own words: the type adds nothing
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _load_file(path: Path) -> ModuleType:
    module_name = f"corpus_tool_plugin_file_{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    # Registered before executing so pickling and worker processes find it.
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    return module


def _candidates(config: PluginConfig) -> list[tuple[PluginInfo, Any]]:
    """Every plugin we could load, with a zero-argument loader for each."""
    found: list[tuple[PluginInfo, Any]] = []
    # Each read of a distribution's metadata parses its whole file (with the long
    # description): once per distribution, not twice per entry point.
    described: dict[int, tuple[str, str]] = {}
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        dist = ep.dist
        if dist is not None and id(dist) not in described:
            metadata = dist.metadata
            described[id(dist)] = (metadata["Name"], metadata["Version"])
        dist_name, version = described[id(dist)] if dist is not None else ("?", "?")
        own = dist_name.replace("_", "-").lower() == OWN_DISTRIBUTION
        source = "built-in" if own else f"entry point ({dist_name})"
        found.append((PluginInfo(ep.name, version, source), ep.load))
    for directory in config.plugins_dirs:
        for path in sorted(Path(directory).glob("*.py")):
            if path.name.startswith("_"):
                continue
            info = PluginInfo(path.stem, "-", f"file {path.resolve()}")
            found.append((info, lambda path=path: _load_file(path)))
    return found


def load_plugins(config: PluginConfig | None = None) -> Registry:
    """Load every plugin in isolation: one that fails is reported and skipped."""
    config = config or PluginConfig.from_env()
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    plugins: list[PluginInfo] = []
    tools: dict[str, Tool] = {}
    readers: list[Reader] = []
    warnings: list[str] = []

    for info, load in _candidates(config):
        plugins.append(info)
        if info.name in config.disabled:
            info.status = "disabled"
            continue
        if manager.has_plugin(info.name):
            info.status, info.error = "failed", "another plugin has this name"
            warnings.append(f"plugin {info.name!r} from {info.source}: {info.error}; skipped")
            continue
        try:
            module = load()
            manager.register(module, name=info.name)
            impls = [
                i for i in manager.hook.register_tools.get_hookimpls() if i.plugin_name == info.name
            ]
            declared = [t for impl in impls for t in (impl.function() or [])]
            formats = [
                r
                for i in manager.hook.register_readers.get_hookimpls()
                if i.plugin_name == info.name
                for r in (i.function() or [])
            ]
        except Exception as exc:
            if manager.has_plugin(info.name):
                manager.unregister(name=info.name)
            info.status, info.error = "failed", _describe(exc)
            info.details = "".join(traceback.format_exception(exc))
            warnings.append(f"plugin {info.name!r} failed to load: {info.error}")
            continue
        for tool in declared:
            if not isinstance(tool, Tool):
                warnings.append(f"plugin {info.name!r} declared {tool!r}, not a Tool; skipped")
            elif tool.name in tools:
                warnings.append(
                    f"plugin {info.name!r}: command {tool.name!r} is already provided; skipped"
                )
            else:
                tools[tool.name] = tool
                info.tools.append(tool.name)
        for reader in formats:
            if not isinstance(reader, Reader):
                warnings.append(f"plugin {info.name!r} declared {reader!r}, not a Reader; skipped")
            else:
                readers.append(reader)
                info.readers.append(reader.name)
    return Registry(manager, plugins, tools, warnings, readers)


@functools.lru_cache(maxsize=8)
def shared_registry(config: PluginConfig) -> Registry:
    """One registry per configuration and process.

    Worker processes forked from the command inherit it rather than loading
    every plugin again; elsewhere it loads once per process.
    """
    return load_plugins(config)
