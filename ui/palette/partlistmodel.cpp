#include "ui/palette/partlistmodel.h"

#include "core/hardware/cloudinstance.h"
#include "core/hardware/cpuspec.h"
#include "core/hardware/gpuspec.h"
#include "core/hardware/linkspec.h"
#include "core/hardware/memorymodulespec.h"
#include "core/hardware/servertemplate.h"
#include "core/hardware/storagespec.h"
#include "core/units/units.h"
#include "database/catalogue.h"
#include "ui/format/memoryunit.h"
#include "ui/format/money.h"

#include <QHash>
#include <QLocale>
#include <QMimeData>

#include <cmath>
#include <unordered_map>

namespace planner {

namespace {

const QString kSeparator = QStringLiteral(" \u00b7 "); // " · " between figures

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// A figure as people read it on a datasheet: grouped thousands, no more
// decimals than the size of the number warrants, no trailing zeros
// ("3,350", "989.4", "25.6", "15.75").
QString number(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : 2;
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return QLocale().toString(rounded, 'f', QLocale::FloatingPointShortest);
}

// Money in the currency of Preferences: whole units for prices of parts,
// hundredths for hourly rates.
QString priceText(double usd)
{
    return moneyText(usd, 0);
}

QString pricePerHourText(units::UsdPerSecond rate)
{
    return PartListModel::tr("%1/h").arg(moneyText(units::inUsdPerHour(rate), 2));
}

QString gigabytes(units::Bytes size)
{
    return PartListModel::tr("%1 GB").arg(number(units::inGB(size)));
}

// GPU and host memory: in the unit Preferences chose (ui/format/memoryunit.h).
QString memorySize(units::Bytes size)
{
    return PartListModel::tr("%1 %2").arg(number(inMemoryUnit(size)), memoryUnitSymbol());
}

// Drives are sold in TB (10^12 bytes); one decimal prefix step over GB.
QString driveCapacity(units::Bytes size)
{
    const double gb = units::inGB(size);
    return gb >= 1000 ? PartListModel::tr("%1 TB").arg(number(gb / 1000)) : gigabytes(size);
}

QString gigabytesPerSecond(units::BytesPerSecond rate)
{
    return PartListModel::tr("%1 GB/s").arg(number(units::inGBPerSecond(rate)));
}

QString wattsLabel(units::Watts power)
{
    return PartListModel::tr("%1 W").arg(number(units::inWatts(power)));
}

QString linkKindLabel(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Pcie: return QStringLiteral("PCIe");
    case LinkKind::NvLink: return QStringLiteral("NVLink");
    case LinkKind::NvSwitch: return QStringLiteral("NVSwitch");
    case LinkKind::InfinityFabric: return QStringLiteral("Infinity Fabric");
    case LinkKind::InfiniBand: return QStringLiteral("InfiniBand");
    case LinkKind::Ethernet: return QStringLiteral("Ethernet");
    }
    return {};
}

// "NVIDIA H100 SXM5 80GB" -> "H100 SXM5 80GB": the vendor is implied in a
// server or instance line and the line has to fit a narrow dock.
QString shortGpuName(const GpuSpec &gpu)
{
    const QString name = qs(gpu.name);
    const QString vendorPrefix = qs(gpu.vendor) + QLatin1Char(' ');
    if (!gpu.vendor.empty() && name.startsWith(vendorPrefix, Qt::CaseInsensitive) && name.size() > vendorPrefix.size())
        return name.mid(vendorPrefix.size());
    return name.isEmpty() ? qs(gpu.id) : name;
}

QString priceDate(const OptionalPrice &price)
{
    return price ? qs(price->date) : QString();
}

QString joined(const QStringList &figures)
{
    return figures.join(kSeparator);
}

template <typename Spec>
std::vector<PartRow> rowsOf(const Catalogue &catalogue)
{
    std::vector<PartRow> rows;
    for (const Spec &spec : catalogue.list<Spec>())
        rows.push_back(partRow(spec));
    return rows;
}

// The short name of a GPU a server or instance line names, looked up once
// per id: listing every GPU for a few dozen names made a catalogue of
// 100,000 user GPUs list them three times at start-up.
class GpuNames
{
public:
    explicit GpuNames(const Catalogue &catalogue)
        : mCatalogue(catalogue)
    {
    }

    QString operator()(const std::string &id)
    {
        const auto known = mNames.find(id);
        if (known != mNames.end())
            return known->second;
        const std::optional<GpuSpec> gpu = mCatalogue.find<GpuSpec>(qs(id));
        return mNames.emplace(id, gpu ? shortGpuName(*gpu) : qs(id)).first->second;
    }

private:
    const Catalogue &mCatalogue;
    std::unordered_map<std::string, QString> mNames;
};

QString toolTip(const PartRow &row)
{
    // Rich text so Qt wraps the (often long) source instead of showing one
    // screen-wide line.
    QString html = QStringLiteral("<p><b>%1</b><br/>%2</p>").arg(row.name.toHtmlEscaped(), row.id.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>").arg(row.figures.toHtmlEscaped());
    const QString source = row.source.isEmpty() ? PartListModel::tr("not recorded") : row.source;
    html += QStringLiteral("<p>") + PartListModel::tr("Source: %1").arg(source.toHtmlEscaped());
    if (!row.priceDate.isEmpty())
        html += QStringLiteral("<br/>") + PartListModel::tr("Price as of %1").arg(row.priceDate.toHtmlEscaped());
    html += QStringLiteral("</p>");
    return html;
}

} // namespace

PartRow partRow(const GpuSpec &gpu)
{
    // "80 GB HBM3 · 3,350 GB/s · 989 TFLOPS BF16 · 700 W · 30,000 USD"
    QStringList figures;
    QString memory = memorySize(gpu.memory);
    if (!gpu.memoryType.empty())
        memory += QLatin1Char(' ') + qs(gpu.memoryType);
    figures << memory;
    if (units::inGBPerSecond(gpu.memoryBandwidth) > 0)
        figures << gigabytesPerSecond(gpu.memoryBandwidth);
    if (units::inTeraflopsPerSecond(gpu.bf16) > 0)
        figures << PartListModel::tr("%1 TFLOPS BF16").arg(number(units::inTeraflopsPerSecond(gpu.bf16)));
    else if (units::inTeraflopsPerSecond(gpu.fp32) > 0)
        figures << PartListModel::tr("%1 TFLOPS FP32").arg(number(units::inTeraflopsPerSecond(gpu.fp32)));
    if (units::inWatts(gpu.tdp) > 0)
        figures << wattsLabel(gpu.tdp);
    if (gpu.price)
        figures << priceText(gpu.price->usd);
    return {PaletteKind::Gpu, qs(gpu.id), qs(gpu.name), joined(figures), qs(gpu.source), priceDate(gpu.price)};
}

PartRow partRow(const CpuSpec &cpu)
{
    // "32 cores / 64 threads · 8 ch DDR4-3200 · 128 lanes PCIe 4.0 · 225 W"
    QStringList figures;
    if (cpu.cores > 0) {
        figures << (cpu.threads > 0 ? PartListModel::tr("%1 cores / %2 threads").arg(cpu.cores).arg(cpu.threads)
                                    : PartListModel::tr("%1 cores").arg(cpu.cores));
    }
    if (cpu.memoryChannels > 0) {
        figures << PartListModel::tr("%1 ch %2").arg(cpu.memoryChannels).arg(qs(cpu.memoryType)).trimmed();
    }
    if (cpu.pcieLanes > 0) {
        figures << (cpu.pcieGeneration > 0
                        ? PartListModel::tr("%1 lanes PCIe %2.0").arg(cpu.pcieLanes).arg(cpu.pcieGeneration)
                        : PartListModel::tr("%1 PCIe lanes").arg(cpu.pcieLanes));
    }
    if (units::inWatts(cpu.tdp) > 0)
        figures << wattsLabel(cpu.tdp);
    if (cpu.price)
        figures << priceText(cpu.price->usd);
    return {PaletteKind::Cpu, qs(cpu.id), qs(cpu.name), joined(figures), qs(cpu.source), priceDate(cpu.price)};
}

PartRow partRow(const MemoryModuleSpec &module)
{
    // "DDR5 RDIMM · 4,800 MT/s · 64 GB · 38.4 GB/s"
    QStringList figures;
    if (!module.type.empty())
        figures << qs(module.type);
    if (module.speedMts > 0)
        figures << PartListModel::tr("%1 MT/s").arg(QLocale().toString(module.speedMts));
    figures << gigabytes(module.capacity);
    if (units::inGBPerSecond(module.bandwidth) > 0)
        figures << gigabytesPerSecond(module.bandwidth);
    if (module.price)
        figures << priceText(module.price->usd);
    return {PaletteKind::Memory, qs(module.id),     qs(module.name),
            joined(figures),     qs(module.source), priceDate(module.price)};
}

PartRow partRow(const StorageSpec &storage)
{
    // "7.68 TB · 6.5 GB/s read · PCIe 4.0 x4 NVMe"
    QStringList figures;
    figures << driveCapacity(storage.capacity);
    if (units::inGBPerSecond(storage.readBandwidth) > 0)
        figures << PartListModel::tr("%1 GB/s read").arg(number(units::inGBPerSecond(storage.readBandwidth)));
    if (!storage.interface.empty())
        figures << qs(storage.interface);
    if (storage.price)
        figures << priceText(storage.price->usd);
    return {PaletteKind::Storage, qs(storage.id),     qs(storage.name),
            joined(figures),      qs(storage.source), priceDate(storage.price)};
}

PartRow partRow(const LinkSpec &link)
{
    // "NVLink · 450 GB/s per direction · 1 µs"
    QStringList figures;
    figures << linkKindLabel(link.kind);
    figures << PartListModel::tr("%1 GB/s per direction").arg(number(units::inGBPerSecond(link.bandwidthPerDirection)));
    if (link.latency)
        figures << PartListModel::tr("%1 \u00b5s latency").arg(number(units::inSeconds(*link.latency) * 1e6));
    return {PaletteKind::Link, qs(link.id), qs(link.name), joined(figures), qs(link.source), {}};
}

PartRow partRow(const ServerTemplate &server, const QString &gpuName)
{
    // "8x H100 SXM5 80GB · 2x xeon-platinum-8480c"
    QStringList figures;
    figures << PartListModel::tr("%1x %2").arg(server.gpu.count).arg(gpuName);
    if (server.cpu.count > 0 && !server.cpu.id.empty())
        figures << PartListModel::tr("%1x %2").arg(server.cpu.count).arg(qs(server.cpu.id));
    return {PaletteKind::Server, qs(server.id),     qs(server.name),
            joined(figures),     qs(server.source), priceDate(server.chassisPrice)};
}

PartRow partRow(const CloudInstance &instance, const QString &gpuName)
{
    // "AWS · 8x H100 SXM5 80GB · us-east-1 · 55.04 USD/h on demand (2026-08-26)"
    QStringList figures;
    if (!instance.provider.empty())
        figures << qs(instance.provider);
    figures << PartListModel::tr("%1x %2").arg(instance.gpuCount).arg(gpuName);
    if (!instance.region.empty())
        figures << qs(instance.region);
    QString price;
    if (instance.onDemand)
        price = PartListModel::tr("%1 on demand").arg(pricePerHourText(*instance.onDemand));
    else if (instance.reserved1Year)
        price = PartListModel::tr("%1 reserved 1 yr").arg(pricePerHourText(*instance.reserved1Year));
    else if (instance.spot)
        price = PartListModel::tr("%1 spot").arg(pricePerHourText(*instance.spot));
    if (price.isEmpty()) {
        figures << PartListModel::tr("no price recorded");
    } else {
        if (!instance.priceDate.empty())
            price += QStringLiteral(" (%1)").arg(qs(instance.priceDate));
        figures << price;
    }
    return {PaletteKind::Instance, qs(instance.id),     qs(instance.name),
            joined(figures),       qs(instance.source), qs(instance.priceDate)};
}

std::vector<PartRow> partRows(PaletteKind kind, const Catalogue &catalogue)
{
    switch (kind) {
    case PaletteKind::Gpu: return rowsOf<GpuSpec>(catalogue);
    case PaletteKind::Cpu: return rowsOf<CpuSpec>(catalogue);
    case PaletteKind::Memory: return rowsOf<MemoryModuleSpec>(catalogue);
    case PaletteKind::Storage: return rowsOf<StorageSpec>(catalogue);
    case PaletteKind::Link: return rowsOf<LinkSpec>(catalogue);
    case PaletteKind::Server: {
        GpuNames names(catalogue);
        std::vector<PartRow> rows;
        for (const ServerTemplate &server : catalogue.list<ServerTemplate>())
            rows.push_back(partRow(server, names(server.gpu.id)));
        return rows;
    }
    case PaletteKind::Instance: {
        GpuNames names(catalogue);
        std::vector<PartRow> rows;
        for (const CloudInstance &instance : catalogue.list<CloudInstance>())
            rows.push_back(partRow(instance, names(instance.gpuId)));
        return rows;
    }
    }
    return {};
}

PartListModel::PartListModel(PaletteKind kind, QObject *parent)
    : QAbstractListModel(parent)
    , mKind(kind)
{
}

void PartListModel::reload(const Catalogue &catalogue)
{
    setRows(partRows(mKind, catalogue));
}

void PartListModel::setRows(std::vector<PartRow> rows)
{
    beginResetModel();
    mRows = std::move(rows);
    endResetModel();
}

int PartListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mRows.size());
}

QVariant PartListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PartRow &row = mRows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.name;
    case Qt::ToolTipRole: return toolTip(row);
    case Qt::AccessibleTextRole: return row.name + QStringLiteral(", ") + row.figures;
    case IdRole: return row.id;
    case KindRole: return static_cast<int>(row.kind);
    case FiguresRole: return row.figures;
    case SourceRole: return row.source;
    case SearchTextRole:
        // One line per field so a search term cannot match across two of them.
        return row.name + QLatin1Char('\n') + row.id + QLatin1Char('\n') + row.figures;
    default: return {};
    }
}

Qt::ItemFlags PartListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> PartListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "partId");
    names.insert(KindRole, "kind");
    names.insert(NameRole, "name");
    names.insert(FiguresRole, "figures");
    names.insert(SourceRole, "source");
    return names;
}

QStringList PartListModel::mimeTypes() const
{
    return {QString::fromLatin1(kPartMimeType)};
}

QMimeData *PartListModel::mimeData(const QModelIndexList &indexes) const
{
    // The palette is single-selection: one drag places one part.
    for (const QModelIndex &index : indexes) {
        if (checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
            const PartRow &row = mRows[static_cast<size_t>(index.row())];
            return encodePartReference({row.kind, row.id});
        }
    }
    return nullptr;
}

Qt::DropActions PartListModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace planner
