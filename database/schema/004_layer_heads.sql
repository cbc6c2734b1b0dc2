-- Gemma 3 / Gemma 4, MiniMax-M2 and Llama 4 (2025-2026): norms around both
-- halves of a layer and Gemma 4's stored layer scale, q/k norms across all
-- heads, full-attention layers with their own head shape, and an expert
-- block that runs beside the dense MLP. NULL in a new column means the old
-- behaviour, so rows and plan files written before this migration read back
-- unchanged.
ALTER TABLE model ADD COLUMN qk_norm_across_heads INTEGER CHECK (qk_norm_across_heads IS NULL OR qk_norm_across_heads IN (0, 1));
ALTER TABLE model ADD COLUMN sandwich_norms INTEGER CHECK (sandwich_norms IS NULL OR sandwich_norms IN (0, 1));
ALTER TABLE model ADD COLUMN layer_scalar INTEGER CHECK (layer_scalar IS NULL OR layer_scalar IN (0, 1));
ALTER TABLE model ADD COLUMN full_head_dim INTEGER CHECK (full_head_dim IS NULL OR full_head_dim > 0);
ALTER TABLE model ADD COLUMN full_kv_heads INTEGER CHECK (full_kv_heads IS NULL OR full_kv_heads > 0);
ALTER TABLE model ADD COLUMN full_values_are_keys INTEGER CHECK (full_values_are_keys IS NULL OR full_values_are_keys IN (0, 1));
ALTER TABLE model ADD COLUMN moe_dense_beside_experts INTEGER CHECK (moe_dense_beside_experts IS NULL OR moe_dense_beside_experts IN (0, 1));
