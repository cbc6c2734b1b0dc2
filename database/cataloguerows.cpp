#include "database/cataloguerows.h"

#include <QSqlRecord>
#include <QVariant>

namespace planner {

namespace {

using namespace units;

QVariant value(const ColumnValues &r, const char *column)
{
    return r.value(column);
}

std::string text(const ColumnValues &r, const char *column)
{
    return value(r, column).toString().toStdString();
}

double real(const ColumnValues &r, const char *column)
{
    return value(r, column).toDouble();
}

int integer(const ColumnValues &r, const char *column)
{
    return value(r, column).toInt();
}

std::int64_t bigInteger(const ColumnValues &r, const char *column)
{
    return value(r, column).toLongLong();
}

std::optional<double> optionalReal(const ColumnValues &r, const char *column)
{
    const QVariant v = value(r, column);
    if (v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isEmpty()))
        return std::nullopt;
    return v.toDouble();
}

OptionalPrice price(const ColumnValues &r, const char *column = "price_usd")
{
    const std::optional<double> usd = optionalReal(r, column);
    if (!usd)
        return std::nullopt;
    return Price{*usd, text(r, "price_date"), {}};
}

std::optional<UsdPerSecond> hourly(const ColumnValues &r, const char *column)
{
    const std::optional<double> usd = optionalReal(r, column);
    return usd ? std::optional<UsdPerSecond>(usdPerHour(*usd)) : std::nullopt;
}

std::optional<Seconds> latency(const ColumnValues &r)
{
    const std::optional<double> us = optionalReal(r, "latency_us");
    return us ? std::optional<Seconds>(seconds(*us * 1e-6)) : std::nullopt;
}

QVariant qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QVariant orNull(bool present, double v)
{
    return present ? QVariant(v) : QVariant();
}

QVariant nonZero(double v)
{
    return orNull(v != 0, v);
}

template <typename Q>
QVariant optionalQuantity(const std::optional<Q> &q, double scale)
{
    return q ? QVariant(q->value() * scale) : QVariant();
}

void putPrice(QVariantMap &row, const OptionalPrice &p, const char *column = "price_usd")
{
    row.insert(QLatin1String(column), p ? QVariant(p->usd) : QVariant());
    row.insert(QStringLiteral("price_date"), p ? qs(p->date) : QVariant());
}

LinkKind kindOf(const ColumnValues &r)
{
    return linkKindFromString(text(r, "kind")).value_or(LinkKind::Pcie);
}

PartCount partCount(const ColumnValues &r, const char *idColumn, const char *countColumn)
{
    return PartCount{text(r, idColumn), integer(r, countColumn)};
}

void putPartCount(QVariantMap &row, const PartCount &part, const char *idColumn, const char *countColumn)
{
    row.insert(QLatin1String(idColumn), part.id.empty() ? QVariant() : qs(part.id));
    row.insert(QLatin1String(countColumn), part.id.empty() ? QVariant() : QVariant(part.count));
}

} // namespace

GpuSpec CatalogueRows<GpuSpec>::fromRow(const ColumnValues &r)
{
    GpuSpec g;
    g.id = text(r, "id");
    g.name = text(r, "name");
    g.vendor = text(r, "vendor");
    g.memory = gigabytes(real(r, "memory_gb"));
    g.memoryType = text(r, "memory_type");
    g.gpuMemoryShare = optionalReal(r, "gpu_memory_share");
    g.usableMemory = g.gpuMemoryShare ? unifiedGpuMemory(real(r, "memory_gb"), *g.gpuMemoryShare)
                                      : usableGpuMemory(real(r, "memory_gb"), optionalReal(r, "smi_total_mib"));
    g.memoryBandwidth = gigabytesPerSecond(real(r, "bandwidth_gbps"));
    g.fp32 = teraflopsPerSecond(real(r, "fp32_tflops"));
    g.tf32 = teraflopsPerSecond(real(r, "tf32_tflops"));
    g.bf16 = teraflopsPerSecond(real(r, "bf16_tflops"));
    g.fp8 = teraflopsPerSecond(real(r, "fp8_tflops"));
    g.int8 = teraflopsPerSecond(real(r, "int8_tops"));
    g.fp4 = teraflopsPerSecond(real(r, "fp4_tflops"));
    g.fp6 = teraflopsPerSecond(real(r, "fp6_tflops"));
    g.tdp = watts(real(r, "tdp_w"));
    g.interconnect = text(r, "interconnect");
    g.nvlinkBandwidth = gigabytesPerSecond(real(r, "nvlink_gbps"));
    g.pcieGeneration = integer(r, "pcie_gen");
    g.pcieLanes = integer(r, "pcie_lanes");
    g.formFactor = text(r, "form_factor");
    g.price = price(r);
    g.source = text(r, "source");
    return g;
}

QVariantMap CatalogueRows<GpuSpec>::toRow(const GpuSpec &g)
{
    QVariantMap row{
        {"id", qs(g.id)},
        {"name", qs(g.name)},
        {"vendor", qs(g.vendor)},
        {"memory_gb", inGB(g.memory)},
        {"memory_type", qs(g.memoryType)},
        // A unified-memory GPU's usable memory is its share, not a driver's total.
        {"smi_total_mib", g.gpuMemoryShare ? QVariant() : QVariant(inMiB(nvidiaSmiTotal(g.usableMemory)))},
        {"gpu_memory_share", g.gpuMemoryShare ? QVariant(*g.gpuMemoryShare) : QVariant()},
        {"bandwidth_gbps", inGBPerSecond(g.memoryBandwidth)},
        {"fp32_tflops", nonZero(inTeraflopsPerSecond(g.fp32))},
        {"tf32_tflops", nonZero(inTeraflopsPerSecond(g.tf32))},
        {"bf16_tflops", nonZero(inTeraflopsPerSecond(g.bf16))},
        {"fp8_tflops", nonZero(inTeraflopsPerSecond(g.fp8))},
        {"int8_tops", nonZero(inTeraflopsPerSecond(g.int8))},
        {"fp4_tflops", nonZero(inTeraflopsPerSecond(g.fp4))},
        {"fp6_tflops", nonZero(inTeraflopsPerSecond(g.fp6))},
        {"tdp_w", nonZero(inWatts(g.tdp))},
        {"interconnect", qs(g.interconnect)},
        {"nvlink_gbps", nonZero(inGBPerSecond(g.nvlinkBandwidth))},
        {"pcie_gen", orNull(g.pcieGeneration > 0, g.pcieGeneration)},
        {"pcie_lanes", orNull(g.pcieLanes > 0, g.pcieLanes)},
        {"form_factor", qs(g.formFactor)},
        {"source", qs(g.source)},
    };
    putPrice(row, g.price);
    return row;
}

CpuSpec CatalogueRows<CpuSpec>::fromRow(const ColumnValues &r)
{
    CpuSpec c;
    c.id = text(r, "id");
    c.name = text(r, "name");
    c.vendor = text(r, "vendor");
    c.cores = integer(r, "cores");
    c.threads = integer(r, "threads");
    c.baseGhz = real(r, "base_ghz");
    c.boostGhz = real(r, "boost_ghz");
    c.memoryChannels = integer(r, "memory_channels");
    c.memoryType = text(r, "memory_type");
    c.memoryBandwidth = gigabytesPerSecond(real(r, "memory_bandwidth_gbps"));
    c.pcieGeneration = integer(r, "pcie_gen");
    c.pcieLanes = integer(r, "pcie_lanes");
    c.avx512 = integer(r, "avx512") != 0;
    c.amx = integer(r, "amx") != 0;
    c.tdp = watts(real(r, "tdp_w"));
    c.price = price(r);
    c.source = text(r, "source");
    return c;
}

QVariantMap CatalogueRows<CpuSpec>::toRow(const CpuSpec &c)
{
    QVariantMap row{
        {"id", qs(c.id)},
        {"name", qs(c.name)},
        {"vendor", qs(c.vendor)},
        {"cores", c.cores},
        {"threads", orNull(c.threads > 0, c.threads)},
        {"base_ghz", nonZero(c.baseGhz)},
        {"boost_ghz", nonZero(c.boostGhz)},
        {"memory_channels", orNull(c.memoryChannels > 0, c.memoryChannels)},
        {"memory_type", qs(c.memoryType)},
        {"memory_bandwidth_gbps", nonZero(inGBPerSecond(c.memoryBandwidth))},
        {"pcie_gen", orNull(c.pcieGeneration > 0, c.pcieGeneration)},
        {"pcie_lanes", orNull(c.pcieLanes > 0, c.pcieLanes)},
        {"avx512", c.avx512 ? 1 : 0},
        {"amx", c.amx ? 1 : 0},
        {"tdp_w", nonZero(inWatts(c.tdp))},
        {"source", qs(c.source)},
    };
    putPrice(row, c.price);
    return row;
}

MemoryModuleSpec CatalogueRows<MemoryModuleSpec>::fromRow(const ColumnValues &r)
{
    MemoryModuleSpec m;
    m.id = text(r, "id");
    m.name = text(r, "name");
    m.type = text(r, "type");
    m.speedMts = integer(r, "speed_mts");
    m.capacity = gigabytes(real(r, "capacity_gb"));
    m.bandwidth = gigabytesPerSecond(real(r, "bandwidth_gbps"));
    m.price = price(r);
    m.source = text(r, "source");
    return m;
}

QVariantMap CatalogueRows<MemoryModuleSpec>::toRow(const MemoryModuleSpec &m)
{
    QVariantMap row{
        {"id", qs(m.id)},
        {"name", qs(m.name)},
        {"type", qs(m.type)},
        {"speed_mts", orNull(m.speedMts > 0, m.speedMts)},
        {"capacity_gb", inGB(m.capacity)},
        {"bandwidth_gbps", nonZero(inGBPerSecond(m.bandwidth))},
        {"source", qs(m.source)},
    };
    putPrice(row, m.price);
    return row;
}

StorageSpec CatalogueRows<StorageSpec>::fromRow(const ColumnValues &r)
{
    StorageSpec s;
    s.id = text(r, "id");
    s.name = text(r, "name");
    s.interface = text(r, "interface");
    s.capacity = gigabytes(real(r, "capacity_tb") * 1000);
    s.readBandwidth = gigabytesPerSecond(real(r, "read_gbps"));
    s.writeBandwidth = gigabytesPerSecond(real(r, "write_gbps"));
    s.price = price(r);
    s.source = text(r, "source");
    return s;
}

QVariantMap CatalogueRows<StorageSpec>::toRow(const StorageSpec &s)
{
    QVariantMap row{
        {"id", qs(s.id)},
        {"name", qs(s.name)},
        {"interface", qs(s.interface)},
        {"capacity_tb", inGB(s.capacity) / 1000},
        {"read_gbps", nonZero(inGBPerSecond(s.readBandwidth))},
        {"write_gbps", nonZero(inGBPerSecond(s.writeBandwidth))},
        {"source", qs(s.source)},
    };
    putPrice(row, s.price);
    return row;
}

LinkSpec CatalogueRows<LinkSpec>::fromRow(const ColumnValues &r)
{
    LinkSpec l;
    l.id = text(r, "id");
    l.name = text(r, "name");
    l.kind = kindOf(r);
    l.bandwidthPerDirection = gigabytesPerSecond(real(r, "bandwidth_gbps_per_direction"));
    l.latency = latency(r);
    l.domainGpus = integer(r, "domain_gpus");
    l.source = text(r, "source");
    return l;
}

QVariantMap CatalogueRows<LinkSpec>::toRow(const LinkSpec &l)
{
    return QVariantMap{
        {"id", qs(l.id)},
        {"name", qs(l.name)},
        {"kind", qs(std::string(toString(l.kind)))},
        {"bandwidth_gbps_per_direction", inGBPerSecond(l.bandwidthPerDirection)},
        {"latency_us", optionalQuantity(l.latency, 1e6)},
        {"domain_gpus", orNull(l.domainGpus > 0, l.domainGpus)},
        {"source", qs(l.source)},
    };
}

SwitchSpec CatalogueRows<SwitchSpec>::fromRow(const ColumnValues &r)
{
    SwitchSpec s;
    s.id = text(r, "id");
    s.name = text(r, "name");
    s.kind = kindOf(r);
    s.ports = integer(r, "ports");
    s.portBandwidth = gigabytesPerSecond(real(r, "port_gbps"));
    s.latency = latency(r);
    s.power = watts(real(r, "power_w"));
    s.price = price(r);
    s.source = text(r, "source");
    return s;
}

QVariantMap CatalogueRows<SwitchSpec>::toRow(const SwitchSpec &s)
{
    QVariantMap row{
        {"id", qs(s.id)},
        {"name", qs(s.name)},
        {"kind", qs(std::string(toString(s.kind)))},
        {"ports", s.ports},
        {"port_gbps", inGBPerSecond(s.portBandwidth)},
        {"latency_us", optionalQuantity(s.latency, 1e6)},
        {"power_w", nonZero(inWatts(s.power))},
        {"source", qs(s.source)},
    };
    putPrice(row, s.price);
    return row;
}

NicSpec CatalogueRows<NicSpec>::fromRow(const ColumnValues &r)
{
    NicSpec n;
    n.id = text(r, "id");
    n.name = text(r, "name");
    n.vendor = text(r, "vendor");
    n.linkId = text(r, "link_id");
    n.ports = integer(r, "ports");
    n.pcieGeneration = integer(r, "pcie_gen");
    n.pcieLanes = integer(r, "pcie_lanes");
    n.power = watts(real(r, "power_w"));
    n.price = price(r);
    n.source = text(r, "source");
    return n;
}

QVariantMap CatalogueRows<NicSpec>::toRow(const NicSpec &n)
{
    QVariantMap row{
        {"id", qs(n.id)},
        {"name", qs(n.name)},
        {"vendor", qs(n.vendor)},
        {"link_id", qs(n.linkId)},
        {"ports", n.ports},
        {"pcie_gen", orNull(n.pcieGeneration > 0, n.pcieGeneration)},
        {"pcie_lanes", orNull(n.pcieLanes > 0, n.pcieLanes)},
        {"power_w", nonZero(inWatts(n.power))},
        {"source", qs(n.source)},
    };
    putPrice(row, n.price);
    return row;
}

CableSpec CatalogueRows<CableSpec>::fromRow(const ColumnValues &r)
{
    CableSpec c;
    c.id = text(r, "id");
    c.name = text(r, "name");
    c.kind = text(r, "kind");
    c.linkKind = linkKindFromString(text(r, "link_kind")).value_or(LinkKind::InfiniBand);
    c.portBandwidth = gigabytesPerSecond(real(r, "port_gbps"));
    c.reachMetres = optionalReal(r, "reach_m");
    c.power = watts(real(r, "power_w"));
    c.price = price(r);
    c.source = text(r, "source");
    return c;
}

QVariantMap CatalogueRows<CableSpec>::toRow(const CableSpec &c)
{
    QVariantMap row{
        {"id", qs(c.id)},
        {"name", qs(c.name)},
        {"kind", qs(c.kind)},
        {"link_kind", qs(std::string(toString(c.linkKind)))},
        {"port_gbps", inGBPerSecond(c.portBandwidth)},
        {"reach_m", c.reachMetres ? QVariant(*c.reachMetres) : QVariant()},
        {"power_w", nonZero(inWatts(c.power))},
        {"source", qs(c.source)},
    };
    putPrice(row, c.price);
    return row;
}

ServerTemplate CatalogueRows<ServerTemplate>::fromRow(const ColumnValues &r)
{
    ServerTemplate s;
    s.id = text(r, "id");
    s.name = text(r, "name");
    s.vendor = text(r, "vendor");
    s.gpu = partCount(r, "gpu_id", "gpu_count");
    s.cpu = partCount(r, "cpu_id", "cpu_count");
    s.memory = partCount(r, "memory_id", "memory_count");
    s.storage = partCount(r, "storage_id", "storage_count");
    s.gpuLinkId = text(r, "gpu_link_id");
    s.nic = partCount(r, "nic_link_id", "nic_count");
    s.chassisPrice = price(r, "chassis_price_usd");
    s.systemPower = watts(real(r, "system_power_w"));
    s.source = text(r, "source");
    return s;
}

QVariantMap CatalogueRows<ServerTemplate>::toRow(const ServerTemplate &s)
{
    QVariantMap row{
        {"id", qs(s.id)},
        {"name", qs(s.name)},
        {"vendor", qs(s.vendor)},
        {"gpu_link_id", s.gpuLinkId.empty() ? QVariant() : qs(s.gpuLinkId)},
        {"system_power_w", nonZero(inWatts(s.systemPower))},
        {"source", qs(s.source)},
    };
    putPartCount(row, s.gpu, "gpu_id", "gpu_count");
    putPartCount(row, s.cpu, "cpu_id", "cpu_count");
    putPartCount(row, s.memory, "memory_id", "memory_count");
    putPartCount(row, s.storage, "storage_id", "storage_count");
    putPartCount(row, s.nic, "nic_link_id", "nic_count");
    putPrice(row, s.chassisPrice, "chassis_price_usd");
    return row;
}

CloudInstance CatalogueRows<CloudInstance>::fromRow(const ColumnValues &r)
{
    CloudInstance c;
    c.id = text(r, "id");
    c.provider = text(r, "provider");
    c.name = text(r, "name");
    c.gpuId = text(r, "gpu_id");
    c.gpuCount = integer(r, "gpu_count");
    c.vcpus = integer(r, "vcpus");
    c.ram = gigabytes(real(r, "ram_gb"));
    c.interconnect = text(r, "interconnect");
    c.networkGbps = real(r, "network_gbps");
    c.region = text(r, "region");
    c.onDemand = hourly(r, "on_demand_usd_hr");
    c.reserved1Year = hourly(r, "reserved_1y_usd_hr");
    c.reserved3Year = hourly(r, "reserved_3y_usd_hr");
    c.spot = hourly(r, "spot_usd_hr");
    c.priceDate = text(r, "price_date");
    c.source = text(r, "source");
    return c;
}

QVariantMap CatalogueRows<CloudInstance>::toRow(const CloudInstance &c)
{
    const auto perHour = [](const std::optional<UsdPerSecond> &p) {
        return p ? QVariant(inUsdPerHour(*p)) : QVariant();
    };
    return QVariantMap{
        {"id", qs(c.id)},
        {"provider", qs(c.provider)},
        {"name", qs(c.name)},
        {"gpu_id", qs(c.gpuId)},
        {"gpu_count", c.gpuCount},
        {"vcpus", orNull(c.vcpus > 0, c.vcpus)},
        {"ram_gb", nonZero(inGB(c.ram))},
        {"interconnect", qs(c.interconnect)},
        {"network_gbps", nonZero(c.networkGbps)},
        {"region", qs(c.region)},
        {"on_demand_usd_hr", perHour(c.onDemand)},
        {"reserved_1y_usd_hr", perHour(c.reserved1Year)},
        {"reserved_3y_usd_hr", perHour(c.reserved3Year)},
        {"spot_usd_hr", perHour(c.spot)},
        {"price_date", qs(c.priceDate)},
        {"source", qs(c.source)},
    };
}

ModelSpec CatalogueRows<ModelSpec>::fromRow(const ColumnValues &r)
{
    ModelSpec m;
    m.id = text(r, "id");
    m.family = text(r, "family");
    m.displayName = text(r, "name");
    m.checkpointFormat = text(r, "checkpoint_format");
    m.vocabSize = bigInteger(r, "vocab_size");
    m.hiddenSize = bigInteger(r, "hidden_size");
    m.intermediateSize = bigInteger(r, "intermediate_size");
    m.numLayers = bigInteger(r, "num_layers");
    m.numHeads = bigInteger(r, "num_heads");
    m.numKeyValueHeads = bigInteger(r, "num_kv_heads");
    m.headDim = bigInteger(r, "head_dim");
    m.maxContext = bigInteger(r, "max_context");
    m.attentionQkvBias = integer(r, "qkv_bias") != 0;
    m.tiedEmbeddings = integer(r, "tied_embeddings") != 0;
    m.gatedMlp = integer(r, "gated_mlp") != 0;
    if (!value(r, "mla_kv_lora_rank").isNull())
        m.mla = MlaSpec{bigInteger(r, "mla_q_lora_rank"), bigInteger(r, "mla_kv_lora_rank"),
                        bigInteger(r, "mla_qk_rope_head_dim"), bigInteger(r, "mla_qk_nope_head_dim"),
                        bigInteger(r, "mla_v_head_dim")};
    if (!value(r, "moe_routed_experts").isNull())
        m.moe = MoeSpec{bigInteger(r, "moe_routed_experts"),     bigInteger(r, "moe_shared_experts"),
                        bigInteger(r, "moe_experts_per_token"),  bigInteger(r, "moe_intermediate_size"),
                        bigInteger(r, "moe_first_dense_layers"), bigInteger(r, "moe_layer_frequency"),
                        integer(r, "moe_router_score_bias") != 0};
    m.mtpLayers = bigInteger(r, "mtp_layers");
    m.layerPattern = text(r, "layer_pattern");
    m.slidingWindow = bigInteger(r, "sliding_window");
    m.attentionChunk = bigInteger(r, "attention_chunk");
    m.qkNorm = integer(r, "qk_norm") != 0;
    m.attentionOutputBias = integer(r, "attention_output_bias") != 0;
    m.attentionSinks = integer(r, "attention_sinks") != 0;
    if (m.moe)
        m.moe->expertBias = integer(r, "moe_expert_bias") != 0;
    m.ffnPattern = text(r, "ffn_pattern");
    m.attentionOutputGate = integer(r, "attention_output_gate") != 0;
    if (m.moe)
        m.moe->sharedExpertGate = integer(r, "moe_shared_expert_gate") != 0;
    m.mtpSharesEmbeddings = integer(r, "mtp_shares_embeddings") != 0;
    m.recurrentStateBits = integer(r, "recurrent_state_bits");
    m.visionParameters = bigInteger(r, "vision_parameters");
    m.normBias = integer(r, "norm_bias") != 0;
    m.mlpBias = integer(r, "mlp_bias") != 0;
    m.embeddingNorm = integer(r, "embedding_norm") != 0;
    m.qkNormAcrossHeads = integer(r, "qk_norm_across_heads") != 0;
    m.sandwichNorms = integer(r, "sandwich_norms") != 0;
    m.layerScalar = integer(r, "layer_scalar") != 0;
    if (!value(r, "full_head_dim").isNull())
        m.fullAttentionHeads = FullAttentionHeads{bigInteger(r, "full_head_dim"), bigInteger(r, "full_kv_heads"),
                                                  integer(r, "full_values_are_keys") != 0};
    if (m.moe) {
        m.moe->denseBesideExperts = integer(r, "moe_dense_beside_experts") != 0;
        m.moe->sharedExpertIntermediateSize = bigInteger(r, "moe_shared_expert_intermediate_size");
        m.moe->latentSize = bigInteger(r, "moe_latent_size");
    }
    if (!value(r, "encoder_token_types").isNull())
        m.encoder = EncoderSpec{bigInteger(r, "encoder_token_types"), integer(r, "encoder_pretraining_heads") != 0,
                                bigInteger(r, "encoder_classifier_outputs")};
    if (!value(r, "linear_kind").isNull())
        m.linearAttention = LinearAttentionSpec{
            text(r, "linear_kind") == "lightning" ? LinearAttentionKind::Lightning : LinearAttentionKind::GatedDeltaNet,
            bigInteger(r, "linear_key_heads"),
            bigInteger(r, "linear_value_heads"),
            bigInteger(r, "linear_key_head_dim"),
            bigInteger(r, "linear_value_head_dim"),
            bigInteger(r, "linear_conv_kernel")};
    if (!value(r, "ssm_heads").isNull())
        m.stateSpace = StateSpaceSpec{bigInteger(r, "ssm_heads"),
                                      bigInteger(r, "ssm_head_dim"),
                                      bigInteger(r, "ssm_state_size"),
                                      bigInteger(r, "ssm_groups"),
                                      bigInteger(r, "ssm_conv_kernel"),
                                      integer(r, "ssm_conv_bias") != 0,
                                      integer(r, "ssm_projection_bias") != 0};
    if (!value(r, "dsa_index_heads").isNull())
        m.sparseAttention = SparseAttentionSpec{bigInteger(r, "dsa_index_heads"), bigInteger(r, "dsa_index_head_dim"),
                                                bigInteger(r, "dsa_index_topk")};
    m.hyperConnections = bigInteger(r, "hc_mult");
    if (!value(r, "compressed_output_rank").isNull())
        m.compressedAttention = CompressedAttentionSpec{
            bigInteger(r, "compressed_q_rank"),        bigInteger(r, "compressed_rope_head_dim"),
            bigInteger(r, "compressed_output_groups"), bigInteger(r, "compressed_output_rank"),
            bigInteger(r, "compressed_heavy_ratio"),   bigInteger(r, "compressed_hash_layers")};
    m.source = text(r, "source");
    return m;
}

QVariantMap CatalogueRows<ModelSpec>::toRow(const ModelSpec &m)
{
    const auto big = [](std::int64_t v) { return QVariant(static_cast<qlonglong>(v)); };
    QVariantMap row{
        {"id", qs(m.id)},
        {"family", qs(m.family)},
        {"name", qs(m.displayName)},
        {"checkpoint_format", qs(m.checkpointFormat)},
        {"vocab_size", big(m.vocabSize)},
        {"hidden_size", big(m.hiddenSize)},
        {"intermediate_size", big(m.intermediateSize)},
        {"num_layers", big(m.numLayers)},
        {"num_heads", big(m.numHeads)},
        {"num_kv_heads", big(m.numKeyValueHeads)},
        {"head_dim", big(m.headDim)},
        {"max_context", big(m.maxContext)},
        {"qkv_bias", m.attentionQkvBias ? 1 : 0},
        {"tied_embeddings", m.tiedEmbeddings ? 1 : 0},
        {"gated_mlp", m.gatedMlp ? 1 : 0},
        {"mtp_layers", big(m.mtpLayers)},
        {"source", qs(m.source)},
    };
    const auto put = [&row](const char *column, const QVariant &v) { row.insert(QLatin1String(column), v); };
    put("mla_q_lora_rank", m.mla ? big(m.mla->qLoraRank) : QVariant());
    put("mla_kv_lora_rank", m.mla ? big(m.mla->kvLoraRank) : QVariant());
    put("mla_qk_rope_head_dim", m.mla ? big(m.mla->qkRopeHeadDim) : QVariant());
    put("mla_qk_nope_head_dim", m.mla ? big(m.mla->qkNopeHeadDim) : QVariant());
    put("mla_v_head_dim", m.mla ? big(m.mla->vHeadDim) : QVariant());
    put("moe_routed_experts", m.moe ? big(m.moe->routedExperts) : QVariant());
    put("moe_shared_experts", m.moe ? big(m.moe->sharedExperts) : QVariant());
    put("moe_experts_per_token", m.moe ? big(m.moe->expertsPerToken) : QVariant());
    put("moe_intermediate_size", m.moe ? big(m.moe->expertIntermediateSize) : QVariant());
    put("moe_first_dense_layers", m.moe ? big(m.moe->firstDenseLayers) : QVariant());
    put("moe_layer_frequency", m.moe ? big(m.moe->layerFrequency) : QVariant());
    put("moe_router_score_bias", m.moe ? QVariant(m.moe->routerScoreBias ? 1 : 0) : QVariant());
    // Newer columns stay NULL at their defaults, so plan files written before
    // them read back unchanged and files of dense full-attention models stay short.
    const auto flag = [](bool on) { return on ? QVariant(1) : QVariant(); };
    const auto positive = [&big](std::int64_t v) { return v > 0 ? big(v) : QVariant(); };
    put("layer_pattern", m.layerPattern.empty() ? QVariant() : QVariant(qs(m.layerPattern)));
    put("sliding_window", positive(m.slidingWindow));
    put("attention_chunk", positive(m.attentionChunk));
    put("qk_norm", flag(m.qkNorm));
    put("attention_output_bias", flag(m.attentionOutputBias));
    put("attention_sinks", flag(m.attentionSinks));
    put("moe_expert_bias", flag(m.moe && m.moe->expertBias));
    put("ffn_pattern", m.ffnPattern.empty() ? QVariant() : QVariant(qs(m.ffnPattern)));
    put("attention_output_gate", flag(m.attentionOutputGate));
    put("moe_shared_expert_gate", flag(m.moe && m.moe->sharedExpertGate));
    put("mtp_shares_embeddings", flag(m.mtpSharesEmbeddings));
    put("recurrent_state_bits", m.recurrentStateBits > 0 ? QVariant(m.recurrentStateBits) : QVariant());
    put("vision_parameters", positive(m.visionParameters));
    put("norm_bias", flag(m.normBias));
    put("mlp_bias", flag(m.mlpBias));
    put("embedding_norm", flag(m.embeddingNorm));
    put("qk_norm_across_heads", flag(m.qkNormAcrossHeads));
    put("sandwich_norms", flag(m.sandwichNorms));
    put("layer_scalar", flag(m.layerScalar));
    const std::optional<FullAttentionHeads> &full = m.fullAttentionHeads;
    put("full_head_dim", full ? big(full->headDim) : QVariant());
    put("full_kv_heads", full ? big(full->keyValueHeads) : QVariant());
    put("full_values_are_keys", full ? QVariant(full->valuesAreKeys ? 1 : 0) : QVariant());
    put("moe_dense_beside_experts", flag(m.moe && m.moe->denseBesideExperts));
    put("moe_shared_expert_intermediate_size", m.moe ? positive(m.moe->sharedExpertIntermediateSize) : QVariant());
    put("moe_latent_size", m.moe ? positive(m.moe->latentSize) : QVariant());
    const std::optional<EncoderSpec> &encoder = m.encoder;
    put("encoder_token_types", encoder ? big(encoder->tokenTypes) : QVariant());
    put("encoder_pretraining_heads", encoder ? QVariant(encoder->pretrainingHeads ? 1 : 0) : QVariant());
    put("encoder_classifier_outputs", encoder ? big(encoder->classifierOutputs) : QVariant());
    const std::optional<LinearAttentionSpec> &la = m.linearAttention;
    put("linear_kind",
        la ? QVariant(la->kind == LinearAttentionKind::Lightning ? "lightning" : "gated-deltanet") : QVariant());
    put("linear_key_heads", la ? big(la->keyHeads) : QVariant());
    put("linear_value_heads", la ? big(la->valueHeads) : QVariant());
    put("linear_key_head_dim", la ? big(la->keyHeadDim) : QVariant());
    put("linear_value_head_dim", la ? big(la->valueHeadDim) : QVariant());
    put("linear_conv_kernel", la ? big(la->convKernel) : QVariant());
    const std::optional<StateSpaceSpec> &ss = m.stateSpace;
    put("ssm_heads", ss ? big(ss->heads) : QVariant());
    put("ssm_head_dim", ss ? big(ss->headDim) : QVariant());
    put("ssm_state_size", ss ? big(ss->stateSize) : QVariant());
    put("ssm_groups", ss ? big(ss->groups) : QVariant());
    put("ssm_conv_kernel", ss ? big(ss->convKernel) : QVariant());
    put("ssm_conv_bias", ss ? QVariant(ss->convBias ? 1 : 0) : QVariant());
    put("ssm_projection_bias", ss ? QVariant(ss->projectionBias ? 1 : 0) : QVariant());
    const std::optional<SparseAttentionSpec> &dsa = m.sparseAttention;
    put("dsa_index_heads", dsa ? big(dsa->indexHeads) : QVariant());
    put("dsa_index_head_dim", dsa ? big(dsa->indexHeadDim) : QVariant());
    put("dsa_index_topk", dsa ? big(dsa->topK) : QVariant());
    put("hc_mult", positive(m.hyperConnections));
    const std::optional<CompressedAttentionSpec> &ca = m.compressedAttention;
    put("compressed_q_rank", ca ? big(ca->queryRank) : QVariant());
    put("compressed_rope_head_dim", ca ? big(ca->ropeHeadDim) : QVariant());
    put("compressed_output_groups", ca ? big(ca->outputGroups) : QVariant());
    put("compressed_output_rank", ca ? big(ca->outputRank) : QVariant());
    put("compressed_heavy_ratio", ca ? positive(ca->heavyRatio) : QVariant());
    put("compressed_hash_layers", ca ? big(ca->hashLayers) : QVariant());
    return row;
}

RecordValues::RecordValues(const QSqlRecord &record)
    : mRecord(record)
{
}

QVariant RecordValues::value(const char *column) const
{
    const int index = mRecord.indexOf(QLatin1String(column));
    return index >= 0 ? mRecord.value(index) : QVariant();
}

} // namespace planner
