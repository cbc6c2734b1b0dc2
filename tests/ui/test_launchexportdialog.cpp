// Scenario ▸ Export Launch Command: the preview follows the model version,
// engine and output kind the user picks, shows why a choice cannot be
// exported, and saves exactly what it shows.

#include "core/deploy/launchexport.h"
#include "database/planfile.h"
#include "ui/deploy/launchexportdialog.h"

#include "support/sampleplans.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace planner;
using planner::testsupport::samplePlan;

class TestLaunchExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void previewIsTheCoreExport()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        LaunchExportDialog dialog(plan, 0);
        QVERIFY(dialog.problem().isEmpty());
        QCOMPARE(dialog.engineBox()->currentData().toString(), QStringLiteral("vllm"));
        const LaunchExportResult vllm = exportLaunch(plan, 0, "deepseek-r1", "vllm");
        QVERIFY(vllm.ok());
        QCOMPARE(dialog.text(), QString::fromStdString(vllm.launch->script));
        QVERIFY(dialog.text().contains(QStringLiteral("--tensor-parallel-size 8")));

        dialog.engineBox()->setCurrentIndex(dialog.engineBox()->findData(QStringLiteral("sglang")));
        const LaunchExportResult sglang = exportLaunch(plan, 0, "deepseek-r1", "sglang");
        QCOMPARE(dialog.text(), QString::fromStdString(sglang.launch->script));
        QVERIFY(dialog.text().contains(QStringLiteral("--tp-size 8")));

        dialog.kindBox()->setCurrentIndex(1);
        QCOMPARE(dialog.text(), QString::fromStdString(sglang.launch->kubernetesManifest));
        QVERIFY(dialog.text().contains(QStringLiteral("nvidia.com/gpu: \"8\"")));
    }

    void aChoiceThatCannotBeExportedSaysWhy()
    {
        // AWQ INT4 weights are not a GGUF file: llama.cpp cannot load them.
        const Plan plan = samplePlan("r1-distill-qwen-32b-2x-rtx4090");
        LaunchExportDialog dialog(plan, 0);
        QVERIFY(dialog.problem().isEmpty());
        dialog.engineBox()->setCurrentIndex(dialog.engineBox()->findData(QStringLiteral("llama.cpp")));
        QVERIFY(dialog.problem().contains(QStringLiteral("GGUF")));
        QVERIFY(dialog.text().isEmpty());
        const auto buttons = dialog.findChildren<QPushButton *>();
        for (QPushButton *button : buttons)
            if (button->text().contains(QStringLiteral("Save")) || button->text().contains(QStringLiteral("Copy")))
                QVERIFY(!button->isEnabled());
    }

    void savesWhatItShows()
    {
        const Plan plan = samplePlan("deepseek-r1-8x-h200");
        LaunchExportDialog dialog(plan, 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("serve.sh"));
        QCOMPARE(dialog.saveTo(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), dialog.text());
        QVERIFY(file.permissions() & QFileDevice::ExeOwner);

        // A folder that does not exist: a message naming the path, nothing written.
        const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/serve.sh"));
        QVERIFY(dialog.saveTo(nowhere).contains(QStringLiteral("serve.sh")));
        QVERIFY(!QFile::exists(nowhere));
    }
};

QTEST_MAIN(TestLaunchExportDialog)
#include "test_launchexportdialog.moc"
