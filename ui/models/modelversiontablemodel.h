#pragma once
// Table of model versions with the parameter counts core/ derives for them.

#include "core/model/modelspec.h"

#include <QAbstractTableModel>

#include <vector>

namespace planner {

// "8.03 B (8,030,261,248)": the short form to read, the exact count to check.
QString parameterLabel(qint64 count);

class ModelVersionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Family,
        Version,
        TotalParameters,
        ActiveParameters,
        Attention,
        Layers,
        MaxContext,
        Source,
        ColumnCount
    };

    explicit ModelVersionTableModel(std::vector<ModelSpec> models, QObject *parent = nullptr);
    // The catalogue's versions after it changed (an imported model).
    void setModels(std::vector<ModelSpec> models);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        ModelSpec spec;
        qint64 total = 0;
        qint64 active = 0;
    };
    std::vector<Row> mRows;
};

} // namespace planner
