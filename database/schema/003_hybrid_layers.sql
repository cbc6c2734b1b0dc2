-- Hybrid layer stacks (Qwen3-Next / Qwen3.5 Gated DeltaNet, MiniMax-M1
-- lightning attention, Nemotron-H Mamba-2 and mixer-only layers) and
-- DeepSeek Sparse Attention's indexer, the vision encoder of
-- vision-language checkpoints, and BLOOM-style biased LayerNorms and MLPs. layer_pattern gains the letters L
-- (linear attention), M (Mamba-2) and - (no token mixer), which 002's CHECK
-- refuses; SQLite cannot change a CHECK in place, so the table is rebuilt with
-- every row kept. NULL in a new column means the old behaviour.
CREATE TABLE model_003 (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    family TEXT NOT NULL,
    name TEXT NOT NULL,
    checkpoint_format TEXT NOT NULL,
    vocab_size INTEGER NOT NULL CHECK (vocab_size > 0),
    hidden_size INTEGER NOT NULL CHECK (hidden_size > 0),
    intermediate_size INTEGER NOT NULL CHECK (intermediate_size >= 0),
    num_layers INTEGER NOT NULL CHECK (num_layers > 0),
    num_heads INTEGER NOT NULL CHECK (num_heads > 0),
    num_kv_heads INTEGER NOT NULL CHECK (num_kv_heads >= 0),
    head_dim INTEGER NOT NULL CHECK (head_dim >= 0),
    max_context INTEGER NOT NULL CHECK (max_context > 0),
    qkv_bias INTEGER NOT NULL CHECK (qkv_bias IN (0, 1)),
    tied_embeddings INTEGER NOT NULL CHECK (tied_embeddings IN (0, 1)),
    gated_mlp INTEGER NOT NULL CHECK (gated_mlp IN (0, 1)),
    mla_q_lora_rank INTEGER,
    mla_kv_lora_rank INTEGER,
    mla_qk_rope_head_dim INTEGER,
    mla_qk_nope_head_dim INTEGER,
    mla_v_head_dim INTEGER,
    moe_routed_experts INTEGER,
    moe_shared_experts INTEGER,
    moe_experts_per_token INTEGER,
    moe_intermediate_size INTEGER,
    moe_first_dense_layers INTEGER,
    moe_layer_frequency INTEGER,
    moe_router_score_bias INTEGER,
    mtp_layers INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL CHECK (length(source) > 0),
    layer_pattern TEXT CHECK (layer_pattern IS NULL OR (length(layer_pattern) > 0 AND layer_pattern NOT GLOB '*[^FSCLM-]*')),
    sliding_window INTEGER CHECK (sliding_window IS NULL OR sliding_window > 0),
    attention_chunk INTEGER CHECK (attention_chunk IS NULL OR attention_chunk > 0),
    qk_norm INTEGER CHECK (qk_norm IS NULL OR qk_norm IN (0, 1)),
    attention_output_bias INTEGER CHECK (attention_output_bias IS NULL OR attention_output_bias IN (0, 1)),
    attention_sinks INTEGER CHECK (attention_sinks IS NULL OR attention_sinks IN (0, 1)),
    moe_expert_bias INTEGER CHECK (moe_expert_bias IS NULL OR moe_expert_bias IN (0, 1)),
    ffn_pattern TEXT CHECK (ffn_pattern IS NULL OR (length(ffn_pattern) > 0 AND ffn_pattern NOT GLOB '*[^DE-]*')),
    attention_output_gate INTEGER CHECK (attention_output_gate IS NULL OR attention_output_gate IN (0, 1)),
    moe_shared_expert_gate INTEGER CHECK (moe_shared_expert_gate IS NULL OR moe_shared_expert_gate IN (0, 1)),
    mtp_shares_embeddings INTEGER CHECK (mtp_shares_embeddings IS NULL OR mtp_shares_embeddings IN (0, 1)),
    recurrent_state_bits INTEGER CHECK (recurrent_state_bits IS NULL OR recurrent_state_bits IN (8, 16, 32)),
    linear_kind TEXT CHECK (linear_kind IS NULL OR linear_kind IN ('gated-deltanet', 'lightning')),
    linear_key_heads INTEGER CHECK (linear_key_heads IS NULL OR linear_key_heads > 0),
    linear_value_heads INTEGER CHECK (linear_value_heads IS NULL OR linear_value_heads > 0),
    linear_key_head_dim INTEGER CHECK (linear_key_head_dim IS NULL OR linear_key_head_dim > 0),
    linear_value_head_dim INTEGER CHECK (linear_value_head_dim IS NULL OR linear_value_head_dim > 0),
    linear_conv_kernel INTEGER CHECK (linear_conv_kernel IS NULL OR linear_conv_kernel >= 0),
    ssm_heads INTEGER CHECK (ssm_heads IS NULL OR ssm_heads > 0),
    ssm_head_dim INTEGER CHECK (ssm_head_dim IS NULL OR ssm_head_dim > 0),
    ssm_state_size INTEGER CHECK (ssm_state_size IS NULL OR ssm_state_size > 0),
    ssm_groups INTEGER CHECK (ssm_groups IS NULL OR ssm_groups > 0),
    ssm_conv_kernel INTEGER CHECK (ssm_conv_kernel IS NULL OR ssm_conv_kernel >= 0),
    ssm_conv_bias INTEGER CHECK (ssm_conv_bias IS NULL OR ssm_conv_bias IN (0, 1)),
    ssm_projection_bias INTEGER CHECK (ssm_projection_bias IS NULL OR ssm_projection_bias IN (0, 1)),
    dsa_index_heads INTEGER CHECK (dsa_index_heads IS NULL OR dsa_index_heads > 0),
    dsa_index_head_dim INTEGER CHECK (dsa_index_head_dim IS NULL OR dsa_index_head_dim > 0),
    dsa_index_topk INTEGER CHECK (dsa_index_topk IS NULL OR dsa_index_topk > 0),
    vision_parameters INTEGER CHECK (vision_parameters IS NULL OR vision_parameters > 0),
    norm_bias INTEGER CHECK (norm_bias IS NULL OR norm_bias IN (0, 1)),
    mlp_bias INTEGER CHECK (mlp_bias IS NULL OR mlp_bias IN (0, 1)),
    embedding_norm INTEGER CHECK (embedding_norm IS NULL OR embedding_norm IN (0, 1))
);
INSERT INTO model_003 (
    id, family, name, checkpoint_format, vocab_size, hidden_size, intermediate_size, num_layers, num_heads,
    num_kv_heads, head_dim, max_context, qkv_bias, tied_embeddings, gated_mlp, mla_q_lora_rank, mla_kv_lora_rank,
    mla_qk_rope_head_dim, mla_qk_nope_head_dim, mla_v_head_dim, moe_routed_experts, moe_shared_experts,
    moe_experts_per_token, moe_intermediate_size, moe_first_dense_layers, moe_layer_frequency, moe_router_score_bias,
    mtp_layers, source, layer_pattern, sliding_window, attention_chunk, qk_norm, attention_output_bias,
    attention_sinks, moe_expert_bias)
SELECT
    id, family, name, checkpoint_format, vocab_size, hidden_size, intermediate_size, num_layers, num_heads,
    num_kv_heads, head_dim, max_context, qkv_bias, tied_embeddings, gated_mlp, mla_q_lora_rank, mla_kv_lora_rank,
    mla_qk_rope_head_dim, mla_qk_nope_head_dim, mla_v_head_dim, moe_routed_experts, moe_shared_experts,
    moe_experts_per_token, moe_intermediate_size, moe_first_dense_layers, moe_layer_frequency, moe_router_score_bias,
    mtp_layers, source, layer_pattern, sliding_window, attention_chunk, qk_norm, attention_output_bias,
    attention_sinks, moe_expert_bias
FROM model;
DROP TABLE model;
ALTER TABLE model_003 RENAME TO model;
