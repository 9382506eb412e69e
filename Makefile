# Two commands on a fresh machine: `make test` (everything the tests need, then the tests)
# and `make demo` (the zoo served by vLLM, audited end to end). Each installs what it needs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: install test test-fast demo browser bench clean vllm-probe

include mk/vllm.mk

# setup.py compiles the classifier's rule path (probe/classify/compiled.py): rebuilt when a source changes.
$(VENV)/.installed: pyproject.toml setup.py $(wildcard probe/classify/*.py)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The harness itself inside the vLLM venv, for `kind: vllm` targets (in-process vllm.LLM);
# the constraint keeps its CPU torch where it is.
$(VLLM_VENV)/.probe-installed: $(VLLM_VENV)/.installed pyproject.toml
	$(VLLM_PY) -c "import torch; print('torch==' + torch.__version__)" > $(VLLM_VENV)/probe-constraints.txt
	PROBE_NO_COMPILE=1 $(VLLM_PY) -m pip install -q -c $(VLLM_VENV)/probe-constraints.txt -e .  # same ABI: shares the compiled copies
	touch $@

vllm-probe: $(VLLM_VENV)/.probe-installed

# Debian's chromium for the report's browser test (root on these machines; skipped with a message otherwise).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "chromium not installed: the browser test will skip"; }

# The full suite: unit tests, the protocol test server, real vLLM servers on the zoo, headless chromium.
test: install vllm-env vllm-probe browser
	$(PY) -m pytest -q -rs

# Without vLLM or the browser (those tests skip with a message).
test-fast: install
	$(PY) -m pytest -q -rs -m "not vllm"

demo: install vllm-env
	$(VENV)/bin/probe demo

bench: install
	$(PY) bench/throughput.py
	$(PY) bench/classify_speed.py

clean:
	rm -rf $(VENV) $(VLLM_VENV) build *.egg-info
