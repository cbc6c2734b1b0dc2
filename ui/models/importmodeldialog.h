#pragma once
// Model ▸ Import Model: a model already on this computer (found in the
// Hugging Face cache, Ollama's store or LM Studio's folder,
// database/localmodelstores.h) or any config.json, model folder, safetensors
// file or GGUF file the user picks. The dialog shows what the planner reads
// from it (architecture, layer pattern, exact parameter counts, what the
// weights' header holds) before anything is stored, and refuses with the
// importer's reason when it cannot read the model. Only headers are read.
//
// The dialog edits nothing itself: accepted, the caller stores
// importedModel() through an undo command (ui/document/catalogueedits.h).

#include "core/model/modelspec.h"
#include "database/localmodelstores.h"
#include "database/modelimport.h"

#include <QDialog>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace planner {

class ImportModelDialog : public QDialog
{
    Q_OBJECT

public:
    // `describeExisting` says what an id already names in the catalogue
    // ("your model …", "the built-in …"), empty when it is new.
    ImportModelDialog(std::vector<ModelStore> stores, std::function<QString(const QString &id)> describeExisting,
                      QWidget *parent = nullptr);

    // Reads `path` and shows the result (what a pick in the list or a Browse does).
    void choosePath(const QString &path);
    // The model to store, with the family as typed; nullopt when nothing
    // importable is chosen.
    std::optional<ModelSpec> importedModel() const;
    bool compareInScenario() const;

    QTreeWidget *localModels() const { return mLocal; }
    QString previewText() const;
    QPushButton *importButton() const { return mImport; }
    QLineEdit *familyEdit() const { return mFamily; }

private:
    void scan();
    void browseFile();
    void browseFolder();
    void showPreview();

    std::vector<ModelStore> mStores;
    std::function<QString(const QString &)> mDescribeExisting;
    ModelImport mResult;
    QString mPath;
    QTreeWidget *mLocal = nullptr;
    QLabel *mPathLabel = nullptr;
    QLabel *mPreview = nullptr;
    QLineEdit *mFamily = nullptr;
    QCheckBox *mCompare = nullptr;
    QPushButton *mImport = nullptr;
};

} // namespace planner
