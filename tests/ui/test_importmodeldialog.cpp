// File ▸ Import Model: the dialog lists the models found in the local stores,
// previews exactly what the importer reads (or why it cannot), and the import
// is one undo step that also puts the model in the plan's comparison.

#include "core/model/parametercount.h"
#include "database/catalogue.h"
#include "ui/document/catalogueedits.h"
#include "ui/document/plandocument.h"
#include "ui/models/importmodeldialog.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace planner;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(PLANNER_FIXTURES "/") + name;
}

void copyTo(const QString &from, const QString &to)
{
    QVERIFY(QDir().mkpath(QFileInfo(to).path()));
    QVERIFY(QFile::copy(from, to));
}

// The first model row under the first store that has one.
QTreeWidgetItem *firstModel(QTreeWidget *tree)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->childCount() > 0)
            return tree->topLevelItem(i)->child(0);
    return nullptr;
}

} // namespace

class TestImportModelDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(mDir.isValid());
        const QString qwen = mDir.filePath(QStringLiteral("hub/models--Qwen--Qwen3-8B"));
        QFile ref(qwen + QStringLiteral("/refs/main"));
        QVERIFY(QDir().mkpath(qwen + QStringLiteral("/refs")));
        QVERIFY(ref.open(QIODevice::WriteOnly));
        ref.write("abc\n");
        ref.close();
        copyTo(fixture(QStringLiteral("hf/Qwen3-8B/config.json")), qwen + QStringLiteral("/snapshots/abc/config.json"));
        mStores = {{QStringLiteral("Hugging Face cache"), mDir.filePath(QStringLiteral("hub"))},
                   {QStringLiteral("Ollama"), mDir.filePath(QStringLiteral("no-ollama-here"))}};

        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void listsTheStoresAndPreviewsAPick()
    {
        ImportModelDialog dialog(mStores, {});
        QTreeWidget *tree = dialog.localModels();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QVERIFY(tree->topLevelItem(1)->text(0).contains(QStringLiteral("not on this computer")));
        QVERIFY(!dialog.importButton()->isEnabled());

        QTreeWidgetItem *qwen = firstModel(tree);
        QVERIFY(qwen);
        QCOMPARE(qwen->text(0), QStringLiteral("Qwen/Qwen3-8B"));
        tree->setCurrentItem(qwen);
        QVERIFY(dialog.importButton()->isEnabled());
        const std::optional<ModelSpec> spec = dialog.importedModel();
        QVERIFY(spec);
        QCOMPARE(spec->displayName, std::string("Qwen3-8B")); // the repository, not the snapshot's commit
        // The preview shows the importer's own exact count (Qwen3-8B: 8,190,735,360,
        // the figure tests/database/test_hfconfigimporter checks against the Hub).
        const qint64 total = countParameters(*spec).total();
        QCOMPARE(total, Q_INT64_C(8190735360));
        QVERIFY2(dialog.previewText().contains(QLocale().toString(total)), qPrintable(dialog.previewText()));
        QVERIFY(dialog.previewText().contains(QStringLiteral("36 layers")));
    }

    void aFileItCannotReadSaysWhyAndImportsNothing()
    {
        ImportModelDialog dialog(mStores, {});
        dialog.choosePath(fixture(QStringLiteral("hf/invalid/unsupported-model-type.json")));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(!dialog.importedModel());
        QVERIFY(dialog.previewText().contains(QStringLiteral("cannot import")));
        dialog.choosePath(mDir.filePath(QStringLiteral("missing/config.json")));
        QVERIFY(dialog.previewText().contains(QStringLiteral("no such file")));
    }

    void theFamilyTypedIsTheOneStoredAndAnExistingIdIsNamed()
    {
        ImportModelDialog dialog(mStores, [](const QString &id) {
            return id == QLatin1String("qwen3-8b") ? QStringLiteral("the built-in model Qwen3 8B") : QString();
        });
        dialog.choosePath(fixture(QStringLiteral("hf/Qwen3-8B/config.json")));
        const std::optional<ModelSpec> spec = dialog.importedModel();
        QVERIFY(spec);
        if (spec->id == "qwen3-8b")
            QVERIFY(dialog.previewText().contains(QStringLiteral("replaces the built-in model Qwen3 8B")));
        dialog.familyEdit()->setText(QStringLiteral("Ours"));
        QCOMPARE(dialog.importedModel()->family, std::string("Ours"));
    }

    void importIsOneUndoStepWithTheComparison()
    {
        PlanDocument doc(*mCatalogue);
        const std::vector<std::string> before = doc.plan().modelIds;
        ImportModelDialog dialog(mStores, {});
        dialog.choosePath(fixture(QStringLiteral("hf/Qwen3-8B/config.json")));
        ModelSpec spec = *dialog.importedModel();
        spec.id = "my-qwen3-8b";
        spec.family = "Mine";
        int changes = 0;
        connect(&doc, &PlanDocument::catalogueChanged, this, [&changes] { ++changes; });

        QVERIFY(edits::importModel(doc, *mCatalogue, spec, true).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(mCatalogue->find<ModelSpec>(QStringLiteral("my-qwen3-8b")));
        QCOMPARE(doc.plan().modelFamily, std::string("Mine"));
        QCOMPARE(doc.plan().modelIds, std::vector<std::string>{"my-qwen3-8b"});
        QVERIFY(changes >= 1);

        doc.undoStack()->undo();
        QVERIFY(!mCatalogue->find<ModelSpec>(QStringLiteral("my-qwen3-8b")));
        QCOMPARE(doc.plan().modelIds, before);
        doc.undoStack()->redo();
        QVERIFY(mCatalogue->find<ModelSpec>(QStringLiteral("my-qwen3-8b")));
        QCOMPARE(doc.plan().modelIds, std::vector<std::string>{"my-qwen3-8b"});

        // A second import under the same id replaces the user's row; undo brings it back.
        ModelSpec renamed = spec;
        renamed.displayName = "My Qwen3 8B, second import";
        QVERIFY(edits::importModel(doc, *mCatalogue, renamed, false).isEmpty());
        QCOMPARE(mCatalogue->find<ModelSpec>(QStringLiteral("my-qwen3-8b"))->displayName, renamed.displayName);
        doc.undoStack()->undo();
        QCOMPARE(mCatalogue->find<ModelSpec>(QStringLiteral("my-qwen3-8b"))->displayName, spec.displayName);
    }

    void aCatalogueThatCannotBeWrittenPushesNothing()
    {
        Catalogue::OpenResult shippedOnly = Catalogue::open(QString());
        QVERIFY(shippedOnly.catalogue);
        PlanDocument doc(*shippedOnly.catalogue);
        ModelSpec spec = *mCatalogue->find<ModelSpec>(QStringLiteral("qwen3-8b"));
        spec.id = "read-only-test";
        QVERIFY(!edits::importModel(doc, *shippedOnly.catalogue, spec, true).isEmpty());
        QCOMPARE(doc.undoStack()->count(), 0);
    }

private:
    QTemporaryDir mDir;
    std::vector<ModelStore> mStores;
    std::unique_ptr<Catalogue> mCatalogue;
};

QTEST_MAIN(TestImportModelDialog)
#include "test_importmodeldialog.moc"
