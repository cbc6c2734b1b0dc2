#include "ui/models/modelversiontablemodel.h"

#include "core/model/parametercount.h"
#include "ui/format/coremessage.h"

#include <QLocale>

namespace planner {

namespace {

QString attentionLabel(AttentionKind kind)
{
    switch (kind) {
    case AttentionKind::MultiHead: return ModelVersionTableModel::tr("MHA");
    case AttentionKind::GroupedQuery: return ModelVersionTableModel::tr("GQA");
    case AttentionKind::MultiQuery: return ModelVersionTableModel::tr("MQA");
    case AttentionKind::MultiHeadLatent: return ModelVersionTableModel::tr("MLA");
    }
    return {};
}

} // namespace

QString parameterLabel(qint64 count)
{
    const QLocale locale;
    return ModelVersionTableModel::tr("%1 B (%2)").arg(locale.toString(count / 1e9, 'f', 2), locale.toString(count));
}

ModelVersionTableModel::ModelVersionTableModel(std::vector<ModelSpec> models, QObject *parent)
    : QAbstractTableModel(parent)
{
    setModels(std::move(models));
}

void ModelVersionTableModel::setModels(std::vector<ModelSpec> models)
{
    beginResetModel();
    mRows.clear();
    mRows.reserve(models.size());
    for (ModelSpec &spec : models) {
        const ParameterBreakdown p = countParameters(spec);
        mRows.push_back({std::move(spec), p.total(), p.active()});
    }
    endResetModel();
}

int ModelVersionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mRows.size());
}

int ModelVersionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelVersionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = mRows[static_cast<size_t>(index.row())];
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == TotalParameters || index.column() == ActiveParameters
                             || index.column() == MaxContext;
        return QVariant::fromValue(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole) { // raw values for sorting and tests
        switch (index.column()) {
        case TotalParameters: return row.total;
        case ActiveParameters: return row.active;
        case Layers: return static_cast<qlonglong>(row.spec.numLayers);
        default: break;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case Family: return QString::fromStdString(row.spec.family);
    case Version: return QString::fromStdString(row.spec.displayName);
    case TotalParameters: return parameterLabel(row.total);
    case ActiveParameters: return parameterLabel(row.active);
    case Attention: return attentionLabel(row.spec.attentionKind()) + (row.spec.isMoe() ? tr(" + MoE") : QString());
    case Layers: return translated(describeLayers(row.spec));
    case MaxContext: return locale.toString(row.spec.maxContext);
    case Source: return QString::fromStdString(row.spec.source);
    default: return {};
    }
}

QVariant ModelVersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Family: return tr("Family");
    case Version: return tr("Version");
    case TotalParameters: return tr("Total parameters");
    case ActiveParameters: return tr("Active per token");
    case Attention: return tr("Architecture");
    case Layers: return tr("Layers");
    case MaxContext: return tr("Max context (tokens)");
    case Source: return tr("Source");
    default: return {};
    }
}

} // namespace planner
