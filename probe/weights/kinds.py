"""Module kind of a tensor from its name, across the common HF layouts (Llama, Qwen/MoE, Mixtral, GPT-2).

Order matters: a norm inside attention is a norm, and an MoE router (``mlp.gate``) sits inside the MLP.
"""

from __future__ import annotations

import re

KINDS = ("attention", "mlp/experts", "router", "embeddings/lm_head", "norms", "other")

_NORM = re.compile(r"norm|^ln(_\w+)?$|^ln\d*$")
_ROUTER_MODULES = {"router", "gate", "shared_expert_gate", "switch_mlp_gate"}
_ROUTER_PARAMS = {"e_score_correction_bias"}
_EMBED = {"embed_tokens", "wte", "wpe", "embeddings", "word_embeddings", "tok_embeddings", "lm_head",
          "embed_out", "position_embeddings", "token_type_embeddings"}
_ATTN = {"self_attn", "attn", "attention", "cross_attn", "linear_attn", "q_proj", "k_proj", "v_proj",
         "o_proj", "qkv_proj", "c_attn", "query_key_value", "wq", "wk", "wv", "wo"}
_MLP = {"mlp", "experts", "feed_forward", "ffn", "block_sparse_moe", "moe", "shared_expert", "shared_experts",
        "gate_proj", "up_proj", "down_proj", "gate_up_proj", "fc1", "fc2", "c_fc", "w1", "w2", "w3"}
_PARAM_SUFFIXES = {"weight", "bias", "scale", "weight_scale_inv"}


def module_kind(name: str) -> str:
    """One of ``KINDS`` for a tensor name such as ``model.layers.3.mlp.experts.7.down_proj.weight``."""
    parts = name.split(".")
    param = parts[-1]
    modules = [p for p in (parts[:-1] if param in _PARAM_SUFFIXES else parts) if not p.isdigit()]
    last = modules[-1] if modules else param
    if _NORM.search(last):
        return "norms"
    if last in _ROUTER_MODULES or param in _ROUTER_PARAMS or "router" in modules:
        return "router"
    if last in _EMBED or modules == ["output"]:  # bare "output.weight" is Meta-style lm_head
        return "embeddings/lm_head"
    if any(m in _ATTN for m in modules):
        return "attention"
    if any(m in _MLP for m in modules):
        return "mlp/experts"
    return "other"
