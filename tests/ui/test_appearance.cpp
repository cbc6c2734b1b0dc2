// Appearance and keyboard use: under a dark palette (the system's dark mode)
// the canvas and the charts turn dark while the proposal stays on white
// paper; every panel is reachable from the keyboard (View ▸ Go To).
//
// With PLANNER_SCREENSHOTS=DIR set, the test also saves the main window in
// the light and dark palettes, in English and Chinese, for a person to look at.

#include "core/plan/planevaluation.h"
#include "database/catalogue.h"
#include "ui/canvas/canvascolours.h"
#include "ui/canvas/topologyscene.h"
#include "ui/canvas/topologyview.h"
#include "ui/charts/analysischarts.h"
#include "ui/charts/analysispanel.h"
#include "ui/charts/chartsupport.h"
#include "ui/charts/chartview.h"
#include "ui/charts/sidebysidepanel.h"
#include "ui/document/plandocument.h"
#include "ui/mainwindow.h"
#include "ui/preferences/language.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace planner;

namespace {

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;
    QPalette mLight;

    // The main window on a sample plan, with `dock` (tabbed at the bottom) on show.
    std::unique_ptr<MainWindow> window(const char *dock = "analysisDock")
    {
        auto w = std::make_unique<MainWindow>(*mCatalogue);
        w->resize(1600, 1000);
        w->openPlan(QStringLiteral(":/plans/cloud-vs-onprem-llama-3.1-70b.llmplan"));
        w->show();
        w->findChild<QDockWidget *>(QLatin1String(dock))->raise();
        QTest::qWait(50);
        return w;
    }

    void saveShot(QWidget *w, const char *name)
    {
        const QString dir = qEnvironmentVariable("PLANNER_SCREENSHOTS");
        if (!dir.isEmpty())
            QVERIFY(w->grab().save(QDir(dir).filePath(QLatin1String(name) + QStringLiteral(".png"))));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
        mLight = QApplication::palette();
        QVERIFY(!isDarkPalette(mLight));
    }

    void lightByDefault()
    {
        const auto w = window();
        QVERIFY(!isDarkPalette(w->QWidget::palette()));
        QCOMPARE(w->scene()->backgroundBrush().color(), canvasColours(mLight).paper);
        QCOMPARE(w->analysis()->chartView(AnalysisPanel::MemoryFit)->chart()->theme(), QChart::ChartThemeLight);
        saveShot(w.get(), "light-en");
        saveShot(window("sideBySideDock").get(), "light-en-side-by-side");
    }

    void darkPaletteReachesCanvasAndCharts()
    {
        QApplication::setPalette(darkPalette());
        const auto w = window();
        QVERIFY(isDarkPalette(w->QWidget::palette()));
        QVERIFY(w->scene()->backgroundBrush().color().lightness() < 64);
        QCOMPARE(w->analysis()->chartView(AnalysisPanel::MemoryFit)->chart()->theme(), QChart::ChartThemeDark);
        saveShot(w.get(), "dark-en");
        {
            const auto side = window("sideBySideDock");
            QTRY_COMPARE(side->sideBySide()->chartView(SideBySidePanel::Speed)->chart()->theme(),
                         QChart::ChartThemeDark);
            saveShot(side.get(), "dark-en-side-by-side");
        }

        // The proposal's charts stay light.
        const ScenarioEstimate estimate = w->document()->estimates().front();
        {
            const PrintedCharts onPaper;
            const std::unique_ptr<QChart> printed(memoryFitChart(estimate));
            QCOMPARE(printed->theme(), QChart::ChartThemeLight);
        }
        const std::unique_ptr<QChart> onScreen(memoryFitChart(estimate));
        QCOMPARE(onScreen->theme(), QChart::ChartThemeDark);

        // Switching back (the system leaves dark mode) redraws in the light theme.
        QApplication::setPalette(mLight);
        QTest::qWait(50);
        QCOMPARE(w->scene()->backgroundBrush().color(), canvasColours(mLight).paper);
        QTRY_COMPARE(w->analysis()->chartView(AnalysisPanel::MemoryFit)->chart()->theme(), QChart::ChartThemeLight);
    }

    void chineseInBothPalettes()
    {
        if (qEnvironmentVariableIsEmpty("PLANNER_SCREENSHOTS"))
            QSKIP("only for looking at: set PLANNER_SCREENSHOTS=DIR");
        QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))));
        {
            const auto w = window();
            saveShot(w.get(), "light-zh");
            saveShot(window("sideBySideDock").get(), "light-zh-side-by-side");
        }
        QApplication::setPalette(darkPalette());
        const auto w = window();
        saveShot(w.get(), "dark-zh");
        saveShot(window("sideBySideDock").get(), "dark-zh-side-by-side");
        QApplication::setPalette(mLight);
    }

    // View ▸ Go To: Ctrl+1 the canvas, Ctrl+2… each dock; focus lands inside it.
    void everyPanelIsReachableFromTheKeyboard()
    {
        const auto w = window();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QMenu *goTo = nullptr;
        for (QAction *a : w->menuBar()->actions())
            for (QAction *item : a->menu() ? a->menu()->actions() : QList<QAction *>())
                if (item->menu() && item->objectName().isEmpty() && item->menu()->actions().size() == 9)
                    goTo = item->menu();
        QVERIFY(goTo);
        const QList<QAction *> actions = goTo->actions();
        for (int i = 0; i < actions.size(); ++i) {
            QCOMPARE(actions[i]->shortcut(), QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
            actions[i]->trigger();
            QWidget *focused = QApplication::focusWidget();
            QVERIFY2(focused, qPrintable(actions[i]->text()));
            if (i == 0) {
                QCOMPARE(focused, static_cast<QWidget *>(w->view()));
                continue;
            }
            QWidget *dock = focused;
            while (dock && !qobject_cast<QDockWidget *>(dock))
                dock = dock->parentWidget();
            QVERIFY2(dock, qPrintable(actions[i]->text()));
            QCOMPARE(dock->windowTitle(), actions[i]->text());
        }
    }
};

QTEST_MAIN(TestAppearance)
#include "test_appearance.moc"
