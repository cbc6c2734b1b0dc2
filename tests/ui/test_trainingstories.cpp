// User stories 4 and 5 (fine-tuning budget, training cluster) walked through
// the desktop's real widgets, offscreen: the workload panel's Task switches a
// scenario between serving and training and shows only that task's rows;
// each training field is one undo step; the Summary, the analysis charts and
// the problem marks follow what the engine says about the run.

#include "database/catalogue.h"
#include "support/testcatalogue.h"
#include "ui/charts/analysispanel.h"
#include "ui/charts/chartview.h"
#include "ui/document/plandocument.h"
#include "ui/mainwindow.h"
#include "ui/panels/summarypanel.h"
#include "ui/panels/trainingfields.h"
#include "ui/panels/workloadpanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace planner;

namespace {

QString summaryCell(MainWindow &window, int row, int column)
{
    const QTableWidgetItem *item = window.summary()->table()->item(row, column);
    return item ? item->text() : QString();
}

// Lets the panels' queued refreshes run.
void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

// What a form row's label shows for a field (with a ⚠ when the field is at fault).
QString labelOf(QWidget *field)
{
    auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout());
    auto *label = form ? qobject_cast<QLabel *>(form->labelForField(field)) : nullptr;
    return label ? label->text() : QString();
}

} // namespace

class TestTrainingStories : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

private slots:
    void initTestCase()
    {
        QVERIFY(mDir.isValid());
        mCatalogue = testsupport::testCatalogue(mDir);
    }

    // Story 4: the fine-tuning sample opens as training runs; the panel shows
    // the run's settings, not the serving load.
    void fineTuningSampleShowsItsRun()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/fine-tuning-r1-distill-llama-8b.llmplan")));
        window.show();
        settle();
        WorkloadPanel *panel = window.workload();
        QCOMPARE(panel->taskBox()->currentIndex(), 1);
        TrainingFields *fields = panel->trainingFields();
        QVERIFY(fields->methodBox()->isVisible());
        QCOMPARE(fields->methodBox()->currentText(), QStringLiteral("QLoRA adapters (4-bit base)"));
        QVERIFY(!panel->weightsBox()->isVisible());
        QVERIFY(!panel->concurrencyBox()->isVisible());
        QCOMPARE(fields->tokensBox()->value(), 0.1); // 100 million tokens, in billions

        // Every scenario's row: it fits, trains, and its note gives the time and the run's cost.
        for (int row = 0; row < 4; ++row) {
            QCOMPARE(summaryCell(window, row, SummaryPanel::Fits), QStringLiteral("yes"));
            QCOMPARE(summaryCell(window, row, SummaryPanel::ServesLoad), QStringLiteral("trains"));
            QCOMPARE(summaryCell(window, row, SummaryPanel::Ttft), QStringLiteral("—"));
            QVERIFY(summaryCell(window, row, SummaryPanel::TokensPerSecond) != QStringLiteral("—"));
            const QString note = summaryCell(window, row, SummaryPanel::Note);
            QVERIFY2(note.contains(QStringLiteral("GPU-hours")) && note.contains(QStringLiteral("run ")),
                     qPrintable(note));
        }
        // The dev box's QLoRA run takes hours, not days.
        QVERIFY(summaryCell(window, 0, SummaryPanel::Note).contains(QStringLiteral(" hours (")));
    }

    // Story 4's question "does a full fine-tune fit the 3090?": one edit of
    // the method, one undo step, and the Summary says by how much it is short.
    void aFullFineTuneOnOneCardDoesNotFit()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/fine-tuning-r1-distill-llama-8b.llmplan")));
        window.show();
        settle();
        QUndoStack *undo = window.document()->undoStack();
        const int steps = undo->count();
        QComboBox *method = window.workload()->trainingFields()->methodBox();
        method->setCurrentIndex(method->findText(QStringLiteral("Full training or fine-tuning")));
        settle();
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Change training settings"));
        QVERIFY(window.document()->scenario().training->method == TrainingMethod::Full);
        QCOMPARE(summaryCell(window, 0, SummaryPanel::Fits), QStringLiteral("no"));
        QCOMPARE(summaryCell(window, 0, SummaryPanel::ServesLoad), QStringLiteral("does not fit"));
        QVERIFY(summaryCell(window, 0, SummaryPanel::Note).startsWith(QStringLiteral("does not fit: ")));
        undo->undo();
        settle();
        QCOMPARE(method->currentText(), QStringLiteral("QLoRA adapters (4-bit base)"));
        QCOMPARE(summaryCell(window, 0, SummaryPanel::Fits), QStringLiteral("yes"));
    }

    // Story 5: the 30-day deadline is missed on the drawn eight servers; the
    // note says how many would make it; a looser deadline is met; the Speed
    // tab draws the days against servers.
    void theClusterSizesItselfForTheDeadline()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/training-33b-a100-cluster.llmplan")));
        window.show();
        settle();
        QCOMPARE(summaryCell(window, 0, SummaryPanel::ServesLoad), QStringLiteral("misses the deadline"));
        const QString note = summaryCell(window, 0, SummaryPanel::Note);
        QVERIFY2(note.contains(QStringLiteral("servers like these finish within 30 days")), qPrintable(note));

        QDoubleSpinBox *deadline = window.workload()->trainingFields()->deadlineBox();
        QCOMPARE(deadline->value(), 30.0);
        deadline->setValue(400);
        settle();
        QCOMPARE(window.document()->scenario().training->deadlineDays, 400.0);
        QCOMPARE(summaryCell(window, 0, SummaryPanel::ServesLoad), QStringLiteral("meets the deadline"));

        AnalysisPanel *analysis = window.analysis();
        analysis->tabs()->setCurrentIndex(AnalysisPanel::SpeedTab);
        analysis->refreshCurrentTab();
        QVERIFY(analysis->chartView(AnalysisPanel::Throughput)
                    ->chart()
                    ->title()
                    .startsWith(QStringLiteral("Days to train against servers")));
        QVERIFY(!analysis->chartView(AnalysisPanel::Throughput)->chart()->series().isEmpty());
        analysis->tabs()->setCurrentIndex(AnalysisPanel::LoadTab);
        analysis->refreshCurrentTab();
        QVERIFY(analysis->chartView(AnalysisPanel::LatencyByRate)
                    ->chart()
                    ->title()
                    .contains(QStringLiteral("A training scenario serves no load")));
    }

    // A tensor-parallel size that does not divide the GPUs is marked on its
    // row, with the engine's reason as the tool tip; fixing it clears the mark.
    void aBadLayoutIsMarkedOnItsField()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/training-33b-a100-cluster.llmplan")));
        window.show();
        settle();
        QSpinBox *tensor = window.workload()->trainingFields()->tensorParallelBox();
        tensor->setValue(3);
        settle();
        QCOMPARE(summaryCell(window, 0, SummaryPanel::Fits), QStringLiteral("unknown"));
        QVERIFY2(labelOf(tensor).startsWith(QStringLiteral("⚠ ")), qPrintable(labelOf(tensor)));
        QVERIFY(tensor->toolTip().contains(QStringLiteral("DeepSeek-Coder 33B")));
        tensor->setValue(8);
        settle();
        QVERIFY(!labelOf(tensor).startsWith(QStringLiteral("⚠ ")));
    }

    // The Task box turns a serving scenario into a training run and back: one
    // undo step each, the rows follow, and the serving settings survive.
    void taskSwitchesBetweenServingAndTraining()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        window.show();
        settle();
        const DeploymentSettings serving = window.document()->scenario().deployment;
        WorkloadPanel *panel = window.workload();
        QVERIFY(panel->concurrencyBox()->isVisible());
        QVERIFY(!panel->trainingFields()->methodBox()->isVisible());
        QUndoStack *undo = window.document()->undoStack();
        const int steps = undo->count();

        panel->taskBox()->setCurrentIndex(1);
        settle();
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Train the model versions"));
        QVERIFY(window.document()->scenario().training);
        QVERIFY(panel->trainingFields()->methodBox()->isVisible());
        QVERIFY(!panel->concurrencyBox()->isVisible());
        const QString verdict = summaryCell(window, 0, SummaryPanel::ServesLoad);
        QVERIFY2(verdict == QStringLiteral("trains") || verdict == QStringLiteral("does not fit")
                     || verdict == QStringLiteral("unknown"),
                 qPrintable(verdict));

        panel->taskBox()->setCurrentIndex(0);
        settle();
        QCOMPARE(undo->undoText(), QStringLiteral("Serve the model versions"));
        QVERIFY(!window.document()->scenario().training);
        QVERIFY(window.document()->scenario().deployment == serving);
        QVERIFY(panel->concurrencyBox()->isVisible());
        undo->undo();
        settle();
        QCOMPARE(panel->taskBox()->currentIndex(), 1);
    }
};

QTEST_MAIN(TestTrainingStories)
#include "test_trainingstories.moc"
