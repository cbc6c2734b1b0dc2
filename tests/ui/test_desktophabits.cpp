// The desktop habits a user expects, offscreen: the window stays within the
// screen whatever tab is shown, the status bar is on screen, the wheel edits
// only a focused field, Enter on a palette row adds the part, and the
// proposal export asks for its title and author.

#include "database/catalogue.h"
#include "support/testcatalogue.h"
#include "ui/canvas/topologyscene.h"
#include "ui/canvas/topologyview.h"
#include "ui/charts/analysispanel.h"
#include "ui/document/plandocument.h"
#include "ui/mainwindow.h"
#include "ui/palette/partlistmodel.h"
#include "ui/palette/partspalette.h"
#include "ui/panels/workloadpanel.h"
#include "ui/report/exportproposaldialog.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest>

#include <memory>

using namespace planner;

namespace {

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// A wheel notch up over the middle of `widget`, as the window system delivers it.
void wheelUp(QWidget *widget)
{
    const QPointF centre(widget->width() / 2.0, widget->height() / 2.0);
    QWheelEvent wheel(centre, widget->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QSpontaneKeyEvent::setSpontaneous(&wheel);
    QApplication::sendEvent(widget, &wheel);
}

} // namespace

class TestDesktopHabits : public QObject
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

    // Every sample, every Analysis tab: the window keeps its width and stays
    // inside the screen, and the status bar is on screen.
    void theWindowStaysOnScreen_data()
    {
        QTest::addColumn<QString>("sample");
        for (const QString &file : QDir(QStringLiteral(":/plans")).entryList({QStringLiteral("*.llmplan")}))
            QTest::newRow(qPrintable(file)) << QStringLiteral(":/plans/") + file;
    }

    void theWindowStaysOnScreen()
    {
        QFETCH(QString, sample);
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(sample));
        window.show();
        settle();
        const QRect screen = window.screen()->availableGeometry();
        QVERIFY2(screen.contains(window.frameGeometry()),
                 qPrintable(QStringLiteral("%1x%2").arg(window.width()).arg(window.height())));
        const int width = window.width();
        AnalysisPanel *analysis = window.analysis();
        for (int tab = 0; tab < AnalysisPanel::TabCount; ++tab) {
            analysis->tabs()->setCurrentIndex(tab);
            analysis->refreshCurrentTab();
            settle();
            QVERIFY2(window.width() <= width, qPrintable(QStringLiteral("tab %1 widened the window from %2 to %3 px")
                                                             .arg(analysis->tabs()->tabText(tab))
                                                             .arg(width)
                                                             .arg(window.width())));
        }
        const QRect bar(window.statusBar()->mapToGlobal(QPoint(0, 0)), window.statusBar()->size());
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(screen.contains(bar));
    }

    // At 1280x800 the Workload dock's fields fit its width (no sideways
    // scrolling), whichever rows the scenario shows.
    void theWorkloadFitsASmallScreen_data() { theWindowStaysOnScreen_data(); }

    void theWorkloadFitsASmallScreen()
    {
        QFETCH(QString, sample);
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(sample));
        window.show();
        settle();
        QWidget *panel = window.workload();
        auto *area = qobject_cast<QScrollArea *>(panel->parentWidget()->parentWidget());
        QVERIFY(area);
        // The dock's share of a 1280 px window (MainWindow::showEvent), less
        // its scroll bar and frame. (The offscreen screen is smaller than
        // 1280 px, so the share is computed rather than measured.)
        const int budget = 1280 * MainWindow::kRightDockPercent / 100 - area->verticalScrollBar()->sizeHint().width()
                           - 8;
        QVERIFY2(panel->minimumSizeHint().width() <= budget,
                 qPrintable(QStringLiteral("the fields need %1 px, the dock gives %2")
                                .arg(panel->minimumSizeHint().width())
                                .arg(budget)));
    }

    // Over an unfocused field the wheel changes nothing (no undo step);
    // once the field has the focus, it edits.
    void theWheelEditsOnlyAFocusedField()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        window.show();
        settle();
        QSpinBox *concurrency = window.workload()->concurrencyBox();
        const int before = concurrency->value();
        const int steps = window.document()->undoStack()->count();
        window.view()->setFocus();
        wheelUp(concurrency);
        settle();
        QCOMPARE(concurrency->value(), before);
        QCOMPARE(window.document()->undoStack()->count(), steps);
        QVERIFY(!concurrency->hasFocus());

        concurrency->setFocus();
        wheelUp(concurrency);
        settle();
        QCOMPARE(concurrency->value(), before + 1);
        QCOMPARE(window.document()->undoStack()->count(), steps + 1);
    }

    // Enter on a palette row: a server template lands on the canvas as one
    // undo step; a GPU goes into the selected server; a link kind arms the
    // connect tool.
    void enterOnThePaletteAddsThePart()
    {
        MainWindow window(*mCatalogue);
        window.show();
        settle();
        PlanDocument *doc = window.document();
        const auto enterOn = [&](PaletteKind kind, const QString &id) {
            window.palette()->tabs()->setCurrentIndex(static_cast<int>(kind));
            QListView *view = window.palette()->view(kind);
            const QModelIndexList found = view->model()->match(view->model()->index(0, 0), PartListModel::IdRole, id, 1,
                                                               Qt::MatchExactly);
            QVERIFY2(!found.isEmpty(), qPrintable(id));
            view->setCurrentIndex(found.front());
            view->setFocus();
            QTest::keyClick(view, Qt::Key_Return);
            settle();
        };
        const int steps = doc->undoStack()->count();
        enterOn(PaletteKind::Server, QStringLiteral("dgx-h100"));
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        const std::vector<const TopologyNode *> servers = doc->scenario().topology.servers();
        QCOMPARE(servers.size(), size_t(1));
        // A second template goes beside the first, not on top of it.
        enterOn(PaletteKind::Server, QStringLiteral("dgx-h100"));
        const std::vector<const TopologyNode *> two = doc->scenario().topology.servers();
        QCOMPARE(two.size(), size_t(2));
        QVERIFY(two[1]->x > two[0]->x);

        doc->setSelection({two[0]->id});
        const size_t nodes = doc->scenario().topology.nodes.size();
        enterOn(PaletteKind::Storage, QStringLiteral("samsung-pm9a3-3.84tb"));
        QCOMPARE(doc->scenario().topology.nodes.size(), nodes + 1);
        QCOMPARE(doc->scenario().topology.nodes.back().parent, two[0]->id);
        QCOMPARE(doc->scenario().topology.servers().size(), size_t(2));

        enterOn(PaletteKind::Link, QStringLiteral("ib-ndr"));
        QVERIFY(window.scene()->mode() == TopologyScene::Mode::Connect);
        QCOMPARE(window.scene()->connectLinkId(), QStringLiteral("ib-ndr"));
    }

    // The export dialog starts from the plan's name and Preferences' author,
    // adds the .pdf a typed name lacks, and the proposal is written with them.
    void theExportAsksForTitleAndAuthor()
    {
        ExportProposalDialog dialog(QStringLiteral("Plan A"), QStringLiteral("Wei Zhang"),
                                    mDir.filePath(QStringLiteral("proposal.pdf")));
        QCOMPARE(dialog.titleEdit()->text(), QStringLiteral("Plan A"));
        QCOMPARE(dialog.authorEdit()->text(), QStringLiteral("Wei Zhang"));
        dialog.titleEdit()->setText(QStringLiteral("  GPU budget 2027  "));
        dialog.authorEdit()->clear();
        dialog.pathEdit()->setText(mDir.filePath(QStringLiteral("budget")));
        QCOMPARE(dialog.path(), mDir.filePath(QStringLiteral("budget.pdf")));
        QCOMPARE(dialog.options().title, QStringLiteral("GPU budget 2027"));
        QVERIFY(dialog.options().author.isEmpty());

        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/r1-distill-qwen-32b-2x-rtx4090.llmplan")));
        QVERIFY(window.exportProposalTo(dialog.path(), dialog.options()));
        QVERIFY(QFileInfo(dialog.path()).size() > 10000);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("budget.pdf")));
    }
};

QTEST_MAIN(TestDesktopHabits)
#include "test_desktophabits.moc"
