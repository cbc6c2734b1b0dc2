-- Catalogue schema, version 1. Used for both the shipped catalogue (built in
-- memory from resources/catalogue/*.csv at start-up) and the user's own
-- database (user additions and edits, layered over the shipped rows by id).
-- Every row names its source; prices carry their date (and region for cloud).
-- Units are in the column names: GB = 1e9 bytes, GiB = 2^30, MiB = 2^20,
-- bandwidth in GB/s, throughput in dense TFLOPS / TOPS, power in W.

CREATE TABLE gpu (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    vendor TEXT,
    memory_gb REAL NOT NULL CHECK (memory_gb > 0),
    memory_type TEXT,
    smi_total_mib REAL CHECK (smi_total_mib IS NULL OR smi_total_mib > 0),
    bandwidth_gbps REAL NOT NULL CHECK (bandwidth_gbps > 0),
    fp32_tflops REAL CHECK (fp32_tflops IS NULL OR fp32_tflops >= 0),
    tf32_tflops REAL CHECK (tf32_tflops IS NULL OR tf32_tflops >= 0),
    -- 16-bit tensor rate: BF16, or FP16 on chips without BF16 (T4, V100).
    bf16_tflops REAL CHECK (bf16_tflops IS NULL OR bf16_tflops >= 0),
    fp8_tflops REAL CHECK (fp8_tflops IS NULL OR fp8_tflops >= 0),
    int8_tops REAL CHECK (int8_tops IS NULL OR int8_tops >= 0),
    fp4_tflops REAL CHECK (fp4_tflops IS NULL OR fp4_tflops >= 0),
    tdp_w REAL CHECK (tdp_w IS NULL OR tdp_w >= 0),
    interconnect TEXT,
    nvlink_gbps REAL CHECK (nvlink_gbps IS NULL OR nvlink_gbps >= 0),
    pcie_gen INTEGER,
    pcie_lanes INTEGER,
    form_factor TEXT,
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);

CREATE TABLE cpu (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    vendor TEXT,
    cores INTEGER NOT NULL CHECK (cores > 0),
    threads INTEGER,
    base_ghz REAL,
    boost_ghz REAL,
    memory_channels INTEGER,
    memory_type TEXT,
    memory_bandwidth_gbps REAL CHECK (memory_bandwidth_gbps IS NULL OR memory_bandwidth_gbps >= 0),
    pcie_gen INTEGER,
    pcie_lanes INTEGER,
    avx512 INTEGER CHECK (avx512 IS NULL OR avx512 IN (0, 1)),
    amx INTEGER CHECK (amx IS NULL OR amx IN (0, 1)),
    tdp_w REAL,
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);

CREATE TABLE memory (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    type TEXT,
    speed_mts INTEGER,
    capacity_gb REAL NOT NULL CHECK (capacity_gb > 0),
    bandwidth_gbps REAL,
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);

CREATE TABLE storage (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    interface TEXT,
    capacity_tb REAL NOT NULL CHECK (capacity_tb > 0),
    read_gbps REAL,
    write_gbps REAL,
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);

CREATE TABLE link (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pcie', 'nvlink', 'nvswitch', 'infinity-fabric', 'infiniband', 'ethernet')),
    bandwidth_gbps_per_direction REAL NOT NULL CHECK (bandwidth_gbps_per_direction > 0),
    latency_us REAL,
    source TEXT NOT NULL CHECK (length(source) > 0)
);

CREATE TABLE switch (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pcie', 'nvlink', 'nvswitch', 'infinity-fabric', 'infiniband', 'ethernet')),
    ports INTEGER NOT NULL CHECK (ports > 0),
    port_gbps REAL NOT NULL CHECK (port_gbps > 0),
    latency_us REAL,
    power_w REAL,
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);

-- Server templates: the part ids may name shipped or user parts, so they are
-- resolved by the catalogue layer rather than by foreign keys.
CREATE TABLE server (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    vendor TEXT,
    gpu_id TEXT NOT NULL,
    gpu_count INTEGER NOT NULL CHECK (gpu_count > 0),
    cpu_id TEXT,
    cpu_count INTEGER CHECK (cpu_count IS NULL OR cpu_count >= 0),
    memory_id TEXT,
    memory_count INTEGER CHECK (memory_count IS NULL OR memory_count >= 0),
    storage_id TEXT,
    storage_count INTEGER CHECK (storage_count IS NULL OR storage_count >= 0),
    gpu_link_id TEXT,
    nic_link_id TEXT,
    nic_count INTEGER CHECK (nic_count IS NULL OR nic_count >= 0),
    chassis_price_usd REAL CHECK (chassis_price_usd IS NULL OR chassis_price_usd >= 0),
    system_power_w REAL,
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (chassis_price_usd IS NULL OR price_date IS NOT NULL)
);

CREATE TABLE instance (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    provider TEXT NOT NULL,
    name TEXT NOT NULL,
    gpu_id TEXT NOT NULL,
    gpu_count INTEGER NOT NULL CHECK (gpu_count > 0),
    vcpus INTEGER,
    ram_gb REAL,
    interconnect TEXT,
    network_gbps REAL,
    region TEXT,
    on_demand_usd_hr REAL CHECK (on_demand_usd_hr IS NULL OR on_demand_usd_hr >= 0),
    reserved_1y_usd_hr REAL CHECK (reserved_1y_usd_hr IS NULL OR reserved_1y_usd_hr >= 0),
    reserved_3y_usd_hr REAL CHECK (reserved_3y_usd_hr IS NULL OR reserved_3y_usd_hr >= 0),
    spot_usd_hr REAL CHECK (spot_usd_hr IS NULL OR spot_usd_hr >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    -- A price means nothing without when and where it was seen.
    CHECK ((on_demand_usd_hr IS NULL AND reserved_1y_usd_hr IS NULL AND reserved_3y_usd_hr IS NULL
            AND spot_usd_hr IS NULL) OR (region IS NOT NULL AND price_date IS NOT NULL))
);

-- Model versions. The shipped rows mirror the engine's built-in table; users
-- add imported configs here. MLA and MoE columns are NULL for models without.
CREATE TABLE model (
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
    source TEXT NOT NULL CHECK (length(source) > 0)
);
