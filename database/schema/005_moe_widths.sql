-- Nemotron-H's expert layers (Nemotron 3, 2025-2026): a shared expert of its
-- own width, and latent MoE, whose routed experts read a narrower vector
-- projected from and back to the hidden width. NULL means the old behaviour
-- (the shared expert as wide as n_shared_experts routed ones; no latent).
ALTER TABLE model ADD COLUMN moe_shared_expert_intermediate_size INTEGER CHECK (moe_shared_expert_intermediate_size IS NULL OR moe_shared_expert_intermediate_size > 0);
ALTER TABLE model ADD COLUMN moe_latent_size INTEGER CHECK (moe_latent_size IS NULL OR moe_latent_size > 0);
