#pragma once
// One palette tab's list of catalogue parts, and the drag source of each row.
//
// Rows are plain display data built once from the catalogue: the part's name,
// one line of key figures with their units (GB = 10^9 bytes, as datasheets
// print them; GB/s likewise decimal), and the source and price date as the
// tooltip. Nothing here estimates anything: the figures are the catalogue's own
// numbers, only converted for display by core/units.
//
// Dragging a row produces encodePartReference({kind, id}); the drop target
// looks the part up in the catalogue again.

#include "ui/palette/partmimedata.h"

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace planner {

class Catalogue;
struct CloudInstance;
struct CpuSpec;
struct GpuSpec;
struct LinkSpec;
struct MemoryModuleSpec;
struct ServerTemplate;
struct StorageSpec;

struct PartRow {
    PaletteKind kind = PaletteKind::Gpu;
    QString id;
    QString name;
    QString figures;   // "80 GB HBM3 · 3,350 GB/s · 989 TFLOPS BF16 · 700 W · 30,000 USD"
    QString source;    // the catalogue row's source, verbatim
    QString priceDate; // empty where the part has no price
};

class PartListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole, // QString catalogue id
        KindRole,              // int(PaletteKind)
        NameRole,              // QString
        FiguresRole,           // QString, the key-figures line
        SourceRole,            // QString, the source verbatim
        SearchTextRole,        // QString: name, id and figures, what the search box matches
    };

    explicit PartListModel(PaletteKind kind, QObject *parent = nullptr);

    PaletteKind kind() const { return mKind; }

    // Rebuilds every row of this model's kind from the catalogue.
    void reload(const Catalogue &catalogue);
    void setRows(std::vector<PartRow> rows);
    const std::vector<PartRow> &rows() const { return mRows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    PaletteKind mKind;
    std::vector<PartRow> mRows;
};

// The rows of one kind, in catalogue order. Servers and instances show their
// GPU by name, so those need the GPU list as well.
std::vector<PartRow> partRows(PaletteKind kind, const Catalogue &catalogue);

// One row per spec; exposed so tests can check the figures of a hand-made part.
PartRow partRow(const GpuSpec &gpu);
PartRow partRow(const CpuSpec &cpu);
PartRow partRow(const MemoryModuleSpec &module);
PartRow partRow(const StorageSpec &storage);
PartRow partRow(const LinkSpec &link);
PartRow partRow(const ServerTemplate &server, const QString &gpuName);
PartRow partRow(const CloudInstance &instance, const QString &gpuName);

} // namespace planner
