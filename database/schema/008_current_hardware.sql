-- 2025-2026 hardware. Unified-memory machines (Apple M-series, DGX Spark's
-- GB10, Ryzen AI Max) share system memory with the GPU, of which the GPU may
-- use a fraction by default (gpu_memory_share; NULL for a discrete GPU, whose
-- usable memory is smi_total_mib). FP6 is a tensor rate of its own on MI350
-- and Blackwell Ultra. A switch fabric may join GPUs of several servers
-- (an NVL72 rack's NVLink switch trays join 72 GPUs in 18 compute trays):
-- domain_gpus is the most GPUs one such fabric joins, NULL for any other
-- link (an HGX board's NVSwitch does not leave its server). Network adapters and cables are priced parts of
-- an on-prem bill of materials.
ALTER TABLE gpu ADD COLUMN gpu_memory_share REAL CHECK (gpu_memory_share IS NULL OR (gpu_memory_share > 0 AND gpu_memory_share <= 1));
ALTER TABLE gpu ADD COLUMN fp6_tflops REAL CHECK (fp6_tflops IS NULL OR fp6_tflops >= 0);
ALTER TABLE link ADD COLUMN domain_gpus INTEGER CHECK (domain_gpus IS NULL OR domain_gpus > 0);

CREATE TABLE nic (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    vendor TEXT,
    link_id TEXT NOT NULL,
    ports INTEGER NOT NULL CHECK (ports > 0),
    pcie_gen INTEGER,
    pcie_lanes INTEGER,
    power_w REAL CHECK (power_w IS NULL OR power_w >= 0),
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);

CREATE TABLE cable (
    id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('dac', 'aoc', 'transceiver')),
    link_kind TEXT NOT NULL CHECK (link_kind IN ('infiniband', 'ethernet')),
    port_gbps REAL NOT NULL CHECK (port_gbps > 0),
    reach_m REAL CHECK (reach_m IS NULL OR reach_m > 0),
    power_w REAL CHECK (power_w IS NULL OR power_w >= 0),
    price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
    price_date TEXT,
    source TEXT NOT NULL CHECK (length(source) > 0),
    CHECK (price_usd IS NULL OR price_date IS NOT NULL)
);
