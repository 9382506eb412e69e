"""The Rio case in miniature: serve the committed zoo with vLLM and audit it end to end."""

from __future__ import annotations

from pathlib import Path

from probe.config import RunConfig, load_config
from probe.errors import ProbeInputError
from probe.pipeline import AuditResult, run_audit
from probe.runner import ProgressCallback
from probe.serve import serve_models

REPO = Path(__file__).resolve().parent.parent
DEMO_CONFIG = REPO / "configs" / "demo.yaml"
ZOO_MODELS = REPO / "zoo" / "models"


def demo_config(config_path: Path = DEMO_CONFIG) -> RunConfig:
    return load_config(config_path)


def zoo_models(config: RunConfig, models_dir: Path = ZOO_MODELS) -> dict[str, Path]:
    """Each target's model directory in the zoo (the target's ``model`` names it)."""
    models = {t.name: models_dir / t.model for t in config.targets}
    missing = [str(p) for p in models.values() if not (p / "config.json").is_file()]
    if missing:
        raise ProbeInputError(str(models_dir), f"zoo model missing: {missing[0]} (rebuild with `make zoo`)")
    return models


def with_urls(config: RunConfig, urls: dict[str, str]) -> RunConfig:
    targets = [t.model_copy(update={"base_url": [urls[t.name]]}) for t in config.targets]
    return config.model_copy(update={"targets": targets})


def run_demo(*, output: str | None = None, fresh: bool = True, limit: int | None = None,
             on_progress: ProgressCallback | None = None, models_dir: Path = ZOO_MODELS,
             config_path: Path = DEMO_CONFIG, port_base: int = 8100) -> AuditResult:
    config = demo_config(config_path)
    models = zoo_models(config, models_dir)
    run_dir = Path(output or config.output)
    run_dir = run_dir if run_dir.is_absolute() else REPO / run_dir
    with serve_models(models, port_base=port_base, log_dir=run_dir / "vllm-logs") as urls:
        return run_audit(with_urls(config, urls), output=str(run_dir), fresh=fresh, limit=limit, on_progress=on_progress)
