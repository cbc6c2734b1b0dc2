-- Encoder-only models (BERT): the token-type table, the pre-training heads a
-- checkpoint stores and a sequence classifier's outputs. NULL in
-- encoder_token_types means a decoder, as every row before this migration.
ALTER TABLE model ADD COLUMN encoder_token_types INTEGER CHECK (encoder_token_types IS NULL OR encoder_token_types >= 0);
ALTER TABLE model ADD COLUMN encoder_pretraining_heads INTEGER CHECK (encoder_pretraining_heads IS NULL OR encoder_pretraining_heads IN (0, 1));
ALTER TABLE model ADD COLUMN encoder_classifier_outputs INTEGER CHECK (encoder_classifier_outputs IS NULL OR encoder_classifier_outputs >= 0);
