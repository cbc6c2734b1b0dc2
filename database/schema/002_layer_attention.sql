-- Per-layer attention and the small tensors of 2025-2026 architectures
-- (Qwen3, gpt-oss, Gemma 3, Llama 4). NULL means the old behaviour: every
-- layer attends fully, no QK-norm, sinks or output/expert biases.
ALTER TABLE model ADD COLUMN layer_pattern TEXT CHECK (layer_pattern IS NULL OR (length(layer_pattern) > 0 AND layer_pattern NOT GLOB '*[^FSC]*'));
ALTER TABLE model ADD COLUMN sliding_window INTEGER CHECK (sliding_window IS NULL OR sliding_window > 0);
ALTER TABLE model ADD COLUMN attention_chunk INTEGER CHECK (attention_chunk IS NULL OR attention_chunk > 0);
ALTER TABLE model ADD COLUMN qk_norm INTEGER CHECK (qk_norm IS NULL OR qk_norm IN (0, 1));
ALTER TABLE model ADD COLUMN attention_output_bias INTEGER CHECK (attention_output_bias IS NULL OR attention_output_bias IN (0, 1));
ALTER TABLE model ADD COLUMN attention_sinks INTEGER CHECK (attention_sinks IS NULL OR attention_sinks IN (0, 1));
ALTER TABLE model ADD COLUMN moe_expert_bias INTEGER CHECK (moe_expert_bias IS NULL OR moe_expert_bias IN (0, 1));
