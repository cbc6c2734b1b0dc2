#include "ui/document/catalogueedits.h"

#include "database/catalogue.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"

#include <QCoreApplication>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <optional>

namespace planner::edits {

namespace {

class CatalogueEdits
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueEdits)
};

// The model row is written before the command is pushed (so a failed write
// pushes nothing); the first redo therefore has nothing to do.
class ImportModelCommand : public QUndoCommand
{
public:
    ImportModelCommand(PlanDocument &doc, Catalogue &catalogue, ModelSpec imported, std::optional<ModelSpec> replaced)
        : QUndoCommand(CatalogueEdits::tr("Import model %1").arg(QString::fromStdString(imported.displayName)))
        , mDoc(doc)
        , mCatalogue(catalogue)
        , mImported(std::move(imported))
        , mReplaced(std::move(replaced))
    {
    }

    void redo() override
    {
        if (mWritten) {
            mWritten = false;
            return;
        }
        report(mCatalogue.save(mImported));
    }

    void undo() override
    {
        report(mReplaced ? mCatalogue.save(*mReplaced)
                         : mCatalogue.remove<ModelSpec>(QString::fromStdString(mImported.id)));
    }

private:
    void report(const CatalogueStatus &status)
    {
        if (!status.ok())
            mDoc.notifyCatalogueEditFailed(status.error);
        mDoc.notifyCatalogueChanged();
    }

    PlanDocument &mDoc;
    Catalogue &mCatalogue;
    ModelSpec mImported;
    std::optional<ModelSpec> mReplaced; // the user's own row with this id, if there was one
    bool mWritten = true;
};

} // namespace

QString importModel(PlanDocument &doc, Catalogue &catalogue, const ModelSpec &spec, bool compare)
{
    const QString id = QString::fromStdString(spec.id);
    std::optional<ModelSpec> replaced;
    if (const std::optional<PartOrigin> origin = catalogue.origin<ModelSpec>(id);
        origin && *origin != PartOrigin::Shipped)
        replaced = catalogue.find<ModelSpec>(id);
    const CatalogueStatus written = catalogue.save(spec);
    if (!written.ok())
        return written.error;

    QUndoStack *stack = doc.undoStack();
    stack->beginMacro(CatalogueEdits::tr("Import model %1").arg(QString::fromStdString(spec.displayName)));
    stack->push(new ImportModelCommand(doc, catalogue, spec, std::move(replaced)));
    doc.notifyCatalogueChanged();
    if (compare) {
        std::vector<std::string> ids = doc.plan().modelFamily == spec.family ? doc.plan().modelIds
                                                                             : std::vector<std::string>{};
        if (std::find(ids.begin(), ids.end(), spec.id) == ids.end())
            ids.push_back(spec.id);
        setModels(doc, spec.family, ids);
    }
    stack->endMacro();
    return {};
}

} // namespace planner::edits
