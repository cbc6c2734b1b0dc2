// The desktop application, offscreen: palette drops, links drawn with the
// connect tool, moves, undo, plan files, validation badges and the live
// summary, each through the paths a user's gestures take.

#include "core/model/parametercount.h"
#include "core/perf/perfmodel.h"
#include "core/plan/userprices.h"
#include "database/catalogue.h"
#include "database/planfile.h"
#include "ui/canvas/canvasitems.h"
#include "ui/canvas/topologyscene.h"
#include "ui/canvas/topologyview.h"
#include "ui/charts/analysischarts.h"
#include "ui/charts/chartview.h"
#include "ui/charts/sidebysidepanel.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/money.h"
#include "ui/mainwindow.h"
#include "ui/models/modelversiontablemodel.h"
#include "ui/palette/partmimedata.h"
#include "ui/panels/costpanel.h"
#include "ui/panels/inspectorpanel.h"
#include "ui/panels/summarypanel.h"
#include "ui/panels/workloadpanel.h"
#include "ui/preferences/preferences.h"
#include "ui/report/proposalcontent.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGraphicsSceneDragDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>

#include <memory>

using namespace planner;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDir;
    std::unique_ptr<Catalogue> mCatalogue;

    // Drops a palette part at a scene position through the scene's own drop path.
    static void drop(TopologyScene *scene, const PartReference &part, QPointF at)
    {
        std::unique_ptr<QMimeData> mime(encodePartReference(part));
        QGraphicsSceneDragDropEvent event(QEvent::GraphicsSceneDrop);
        event.setMimeData(mime.get());
        event.setScenePos(at);
        event.setProposedAction(Qt::CopyAction);
        event.setPossibleActions(Qt::CopyAction);
        QCoreApplication::sendEvent(scene, &event);
    }

    // Two single-H100 GPU groups in one server with CPU and memory, Llama-3.1-70B in FP8.
    Plan twoGpuPlan() const
    {
        Plan plan = PlanDocument::emptyPlan(*mCatalogue);
        Topology &t = plan.scenarios.front().topology;
        t.nodes = {{1, NodeKind::Server, 0, "", "", "Box", 1, "", 0, 0},
                   {2, NodeKind::Gpu, 1, "h100-sxm", "", "H100 A", 1, "", 0, 0},
                   {3, NodeKind::Gpu, 1, "h100-sxm", "", "H100 B", 1, "", 0, 0},
                   {4, NodeKind::Cpu, 1, "xeon-platinum-8480c", "", "CPU", 2, "", 0, 0},
                   {5, NodeKind::Memory, 1, "ddr5-4800-rdimm-64gb", "", "DIMM", 16, "", 0, 0}};
        plan.parts.gpus = {*mCatalogue->find<GpuSpec>(QStringLiteral("h100-sxm"))};
        if (auto cpu = mCatalogue->find<CpuSpec>(QStringLiteral("xeon-platinum-8480c")))
            plan.parts.cpus = {*cpu};
        for (const MemoryModuleSpec &m : mCatalogue->list<MemoryModuleSpec>())
            if (m.id == "ddr5-4800-rdimm-64gb")
                plan.parts.memory = {m};
        plan.parts.models = {*mCatalogue->find<ModelSpec>(QStringLiteral("llama-3.1-70b"))};
        plan.modelIds = {"llama-3.1-70b"};
        plan.scenarios.front().deployment.weightFormat = "fp8";
        return plan;
    }

    // What a canvas shows, item by item, in a stable order: kind, id, where
    // it is drawn and its tooltip; badges with their owner and messages.
    static QStringList canvasDescription(const TopologyScene &scene)
    {
        QStringList lines;
        for (const QGraphicsItem *item : scene.items()) {
            const QRectF r = item->sceneBoundingRect();
            const QString where = QStringLiteral("%1,%2 %3x%4")
                                      .arg(qRound(r.x()))
                                      .arg(qRound(r.y()))
                                      .arg(qRound(r.width()))
                                      .arg(qRound(r.height()));
            switch (item->type()) {
            case ServerItemType:
                lines << QStringLiteral("%1 #%2 %3 %4")
                             .arg(item->type())
                             .arg(canvasId(item))
                             .arg(where, static_cast<const ServerItem *>(item)->header());
                break;
            case PartItemType:
            case LinkItemType:
                lines
                    << QStringLiteral("%1 #%2 %3 %4").arg(item->type()).arg(canvasId(item)).arg(where, item->toolTip());
                break;
            case BadgeItemType:
                lines << QStringLiteral("badge of #%1 %2 %3")
                             .arg(canvasId(item->parentItem()))
                             .arg(where, static_cast<const BadgeItem *>(item)->text());
                break;
            default: break;
            }
        }
        lines.sort();
        return lines;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Catalogue::OpenResult opened = Catalogue::open(mDir.filePath(QStringLiteral("catalogue.sqlite")));
        QVERIFY2(opened.catalogue, qPrintable(opened.error));
        mCatalogue = std::move(opened.catalogue);
    }

    void opensWithEveryModelVersion()
    {
        MainWindow window(*mCatalogue);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModel *model = window.modelTable()->model();
        QCOMPARE(model->rowCount(), static_cast<int>(mCatalogue->list<ModelSpec>().size()));
        window.modelTable()->sortByColumn(ModelVersionTableModel::TotalParameters, Qt::DescendingOrder);
        // The largest catalogue version is DeepSeek-V4-Pro (1,572,997,201,763 parameters).
        const QModelIndex top = model->index(0, ModelVersionTableModel::TotalParameters);
        QCOMPARE(model->data(top, Qt::UserRole).toLongLong(), Q_INT64_C(1572997201763));
    }

    void dropFromThePaletteAndUndo()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        QCOMPARE(doc->scenario().topology.nodes.size(), size_t(0));

        drop(window.scene(), {PaletteKind::Server, QStringLiteral("hgx-h200-8gpu")}, QPointF(100, 80));
        const Topology &t = doc->scenario().topology;
        QCOMPARE(t.servers().size(), size_t(1));
        const int server = t.servers().front()->id;
        const auto parts = t.partsOf(server);
        QVERIFY(std::any_of(parts.begin(), parts.end(), [](const TopologyNode *n) {
            return n->kind == NodeKind::Gpu && n->count == 8 && n->catalogueId == "h200" && !n->fabricLinkId.empty();
        }));
        QVERIFY(window.scene()->itemFor(server));
        QCOMPARE(doc->selection(), std::set<int>{server});
        QVERIFY(doc->plan().parts.gpu("h200")); // snapshotted into the plan

        // A GPU dropped onto the server joins it; one dropped on empty canvas makes a server around it.
        const QPointF inside = window.scene()->itemFor(server)->sceneBoundingRect().center();
        drop(window.scene(), {PaletteKind::Gpu, QStringLiteral("l40s")}, inside);
        QCOMPARE(doc->scenario().topology.partsOf(server).size(), parts.size() + 1);
        drop(window.scene(), {PaletteKind::Gpu, QStringLiteral("rtx-4090")}, QPointF(900, 900));
        QCOMPARE(doc->scenario().topology.servers().size(), size_t(2));

        // Each drop is one undo step.
        QCOMPARE(doc->undoStack()->count(), 3);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().topology.partsOf(server).size(), parts.size());
        doc->undoStack()->undo();
        QVERIFY(doc->scenario().topology.nodes.empty());
        QCOMPARE(window.scene()->items().size(), 0);
        doc->undoStack()->redo();
        QCOMPARE(doc->scenario().topology.servers().size(), size_t(1));

        // An unknown id is refused with a message and changes nothing.
        drop(window.scene(), {PaletteKind::Gpu, QStringLiteral("no-such-gpu")}, QPointF(0, 0));
        QCOMPARE(doc->undoStack()->index(), 1);
    }

    void drawingAnNvlinkChangesTheEstimate()
    {
        MainWindow window(*mCatalogue);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        const VersionEstimate before = doc->estimates().front().versions.front();
        QVERIFY2(before.speed, before.verdict.reason.text().c_str());
        const QString tpotBefore = window.summary()->table()->item(0, SummaryPanel::Tpot)->text();

        // The connect tool: press on one GPU, release on the other.
        window.scene()->setMode(TopologyScene::Mode::Connect);
        window.scene()->setConnectLinkId(QStringLiteral("nvlink4"));
        TopologyView *view = window.view();
        view->centerOn(window.scene()->itemFor(2));
        const QPoint a = view->mapFromScene(window.scene()->itemFor(2)->sceneBoundingRect().center());
        const QPoint b = view->mapFromScene(window.scene()->itemFor(3)->sceneBoundingRect().center());
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
        QTest::mouseMove(view->viewport(), b);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
        QCOMPARE(doc->scenario().topology.links.size(), size_t(1));
        QCOMPARE(doc->scenario().topology.links.front().linkId, std::string("nvlink4"));

        const VersionEstimate after = doc->estimates().front().versions.front();
        QVERIFY(after.speed);
        QCOMPARE(after.parallel.tensor, 2);
        QVERIFY(after.speed->nominal.tpot < before.speed->nominal.tpot);
        QVERIFY(window.summary()->table()->item(0, SummaryPanel::Tpot)->text() != tpotBefore);

        // A link the parts cannot take is refused: InfiniBand between two GPUs.
        QString error;
        QCOMPARE(edits::addLink(*doc, 2, 3, QStringLiteral("ib-ndr"), &error), 0);
        QVERIFY(error.contains(QLatin1String("not GPUs")));
    }

    void moveIsOneUndoStep()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        // A drag sends several moves; they merge into one step.
        edits::moveServers(*doc, {{1, QPointF(50, 0)}}, 7);
        edits::moveServers(*doc, {{1, QPointF(120, 40)}}, 7);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(window.scene()->itemFor(1)->pos(), QPointF(120, 40));
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().topology.node(1)->x, 0.0);
        QCOMPARE(window.scene()->itemFor(1)->pos(), QPointF(0, 0));
        // A drag that ends where it began leaves no step (the undone move is
        // dropped from the stack by the new push, as always).
        edits::moveServers(*doc, {{1, QPointF(30, 30)}}, 8);
        edits::moveServers(*doc, {{1, QPointF(0, 0)}}, 8);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->undoStack()->canUndo());

        // Dragging the server item with the mouse: one step, and undo puts it back.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TopologyView *view = window.view();
        QGraphicsItem *item = window.scene()->itemFor(1);
        view->centerOn(item);
        const QPoint grab = view->mapFromScene(item->sceneBoundingRect().topLeft() + QPointF(40, 12));
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, grab);
        for (int step = 1; step <= 5; ++step)
            QTest::mouseMove(view->viewport(), grab + QPoint(12 * step, 6 * step));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, grab + QPoint(60, 30));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(doc->scenario().topology.node(1)->x > 0);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().topology.node(1)->x, 0.0);
    }

    void saveAndLoadGiveTheSameDocument()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        PlanDocument *doc = window.document();
        QVERIFY(!doc->scenario().topology.nodes.empty());
        edits::arrangeInGrid(*doc);
        QVERIFY(doc->isModified());
        const QString path = mDir.filePath(QStringLiteral("saved.llmplan"));
        QVERIFY(window.savePlanTo(path));
        QVERIFY(!doc->isModified());
        const QByteArray saved = serializePlan(doc->plan());

        MainWindow other(*mCatalogue);
        QVERIFY(other.openPlan(path));
        QCOMPARE(serializePlan(other.document()->plan()), saved);
        QCOMPARE(other.document()->estimates().size(), doc->estimates().size());
        QCOMPARE(other.summary()->table()->rowCount(), window.summary()->table()->rowCount());

        // A damaged file is refused whole; the open plan stays.
        QFile broken(mDir.filePath(QStringLiteral("broken.llmplan")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"format\": \"llm-planner-plan\", \"version\": 1, \"name\": ");
        broken.close();
        QTimer::singleShot(0, [] {
            if (QWidget *box = QApplication::activeModalWidget())
                box->close();
        });
        QVERIFY(!other.openPlan(broken.fileName()));
        QCOMPARE(serializePlan(other.document()->plan()), saved);
    }

    // File ▸ Export Proposal writes the open plan's PDF, named after the
    // author in Preferences; the plan itself is not touched.
    void exportsTheProposal()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        const QByteArray before = serializePlan(window.document()->plan());
        const QString path = mDir.filePath(QStringLiteral("proposal.pdf"));
        QVERIFY(window.exportProposalTo(path));
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 10'000);
        QCOMPARE(serializePlan(window.document()->plan()), before);
        QVERIFY(!window.document()->isModified());
    }

    // The export runs its simulations and its page layout off the GUI
    // thread: a 10 ms timer keeps firing throughout (on the GUI thread the
    // window froze for the whole export, and the timer fired once after it).
    void exportingTheProposalKeepsTheWindowTurning()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        QTimer heartbeat;
        int beats = 0;
        connect(&heartbeat, &QTimer::timeout, this, [&beats] { ++beats; });
        heartbeat.start(10);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(window.exportProposalTo(mDir.filePath(QStringLiteral("turning.pdf"))));
        const qint64 ms = clock.elapsed();
        QVERIFY2(beats >= 5 && beats >= ms / 10 / 4,
                 qPrintable(QStringLiteral("%1 beats in %2 ms").arg(beats).arg(ms)));
    }

    // Cancel in the progress dialog: nothing is written, an earlier file at
    // the path stays as it was, and the status bar says so.
    void aCancelledExportWritesNothing()
    {
        MainWindow window(*mCatalogue);
        QVERIFY(window.openPlan(QStringLiteral(":/plans/deepseek-r1-8x-h200.llmplan")));
        const QString path = mDir.filePath(QStringLiteral("cancelled.pdf"));
        QFile earlier(path);
        QVERIFY(earlier.open(QIODevice::WriteOnly));
        earlier.write("an earlier file");
        earlier.close();
        QTimer::singleShot(50, &window, [&window] {
            auto *progress = window.findChild<QProgressDialog *>();
            QVERIFY(progress);
            progress->findChild<QPushButton *>()->click(); // the dialog's Cancel
        });
        QVERIFY(!window.exportProposalTo(path));
        QVERIFY(earlier.open(QIODevice::ReadOnly));
        QCOMPARE(earlier.readAll(), QByteArray("an earlier file"));
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
    }

    // Each edit redraws only what it touched (core/plan/planchange.h), and
    // what the canvas then shows is exactly what a rebuild from the plan shows,
    // after every edit, undo and redo.
    void canvasRedrawsOnlyWhatAnEditTouched()
    {
        PlanDocument doc(*mCatalogue);
        TopologyScene scene(doc);
        const auto matchesARebuild = [&](const char *step) {
            TopologyScene rebuilt(doc);
            QCOMPARE(canvasDescription(scene), canvasDescription(rebuilt));
            QVERIFY2(scene.itemCount() == rebuilt.itemCount(), step);
        };
        QString error;
        const int a = edits::dropPart(doc, {PaletteKind::Server, QStringLiteral("dgx-h100")}, {0, 0}, 0, &error);
        const int b = edits::dropPart(doc, {PaletteKind::Server, QStringLiteral("dgx-h100")}, {420, 0}, 0, &error);
        const int c = edits::dropPart(doc, {PaletteKind::Gpu, QStringLiteral("h100-sxm")}, {0, 400}, 0, &error);
        QVERIFY2(a && b && c, qPrintable(error));
        matchesARebuild("three servers");
        const int link = edits::addLink(doc, a, b, QStringLiteral("ib-ndr"), &error);
        QVERIFY2(link, qPrintable(error));
        matchesARebuild("a link");

        // A count in server a: a keeps its parts, so its items and its link's
        // take the new texts in place; b's item is not touched.
        QGraphicsItem *serverB = scene.itemFor(b);
        int gpusOfA = 0;
        for (const TopologyNode *n : doc.scenario().topology.partsOf(a))
            if (n->kind == NodeKind::Gpu)
                gpusOfA = n->id;
        QGraphicsItem *shownA = scene.itemFor(a);
        QGraphicsItem *shownGpus = scene.itemFor(gpusOfA);
        QGraphicsItem *shownLink = scene.itemFor(link);
        edits::setCount(doc, gpusOfA, 4);
        QCOMPARE(scene.itemFor(b), serverB);
        QCOMPARE(scene.itemFor(a), shownA);
        QCOMPARE(scene.itemFor(gpusOfA), shownGpus);
        QCOMPARE(scene.itemFor(link), shownLink);
        QVERIFY(shownGpus->toolTip().startsWith(QStringLiteral("4× ")));
        matchesARebuild("a count");
        const QLineF before = static_cast<LinkItem *>(scene.itemFor(link))->line();
        QGraphicsItem *serverA = scene.itemFor(a);
        edits::moveServers(doc, {{a, QPointF(0, 200)}}, 1);
        QCOMPARE(scene.itemFor(a), serverA); // moved, not recreated
        QCOMPARE(serverA->pos(), QPointF(0, 200));
        QVERIFY(static_cast<LinkItem *>(scene.itemFor(link))->line() != before);
        matchesARebuild("a move");

        edits::rename(doc, doc.scenario().topology.node(c)->parent, QStringLiteral("Bench box"));
        matchesARebuild("a rename");
        edits::remove(doc, {gpusOfA});
        QVERIFY(!scene.itemFor(gpusOfA));
        matchesARebuild("a part removed");
        edits::remove(doc, {b});
        QVERIFY(!scene.itemFor(b) && !scene.itemFor(link));
        matchesARebuild("a server and its link removed");
        edits::setFabric(doc, c, QStringLiteral("nvlink4")); // c is the GPU group the drop made
        QCOMPARE(doc.scenario().topology.node(c)->fabricLinkId, std::string("nvlink4"));
        matchesARebuild("a fabric");
        PlanWorkload w = doc.plan().workload;
        w.contextTokens = 131072;
        edits::setWorkload(doc, w);
        matchesARebuild("a workload");

        QUndoStack *stack = doc.undoStack();
        while (stack->canUndo()) {
            stack->undo();
            matchesARebuild("undo");
        }
        while (stack->canRedo()) {
            stack->redo();
            matchesARebuild("redo");
        }
        edits::addScenario(doc, QStringLiteral("Second"), true);
        matchesARebuild("a copied scenario");
        doc.setCurrentScenario(0);
        edits::removeScenario(doc, 1);
        matchesARebuild("a scenario removed");
    }

    // With nothing selected the Inspector summarises the cluster; an edit that
    // changes a figure updates the label in place (no new widgets, no new
    // layout) and a selection replaces the summary.
    void inspectorSummaryFollowsAnEditInPlace()
    {
        PlanDocument doc(*mCatalogue);
        InspectorPanel inspector(doc);
        inspector.show(); // it follows edits while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QString error;
        const int server = edits::dropPart(doc, {PaletteKind::Server, QStringLiteral("dgx-h100")}, {0, 0}, 0, &error);
        QVERIFY2(server, qPrintable(error));
        doc.setSelection({}); // a drop selects what it made
        QCoreApplication::processEvents();
        const auto gpusLabel = [&]() -> QLabel * {
            for (QLabel *label : inspector.findChildren<QLabel *>())
                if (label->text().contains(QStringLiteral("H100")) && label->text().contains(QStringLiteral("×")))
                    return label;
            return nullptr;
        };
        QLabel *before = gpusLabel();
        QVERIFY(before);
        QVERIFY2(before->text().startsWith(QStringLiteral("8 ×")), qPrintable(before->text()));
        QVERIFY2(before->text().endsWith(QStringLiteral(" in 1 server")), qPrintable(before->text()));
        int gpus = 0;
        for (const TopologyNode *n : doc.scenario().topology.partsOf(server))
            if (n->kind == NodeKind::Gpu)
                gpus = n->id;
        edits::setCount(doc, gpus, 4);
        QCoreApplication::processEvents();
        QStringList shown;
        for (QLabel *label : inspector.findChildren<QLabel *>())
            shown << label->text();
        QVERIFY2(gpusLabel() == before, qPrintable(shown.join(QStringLiteral(" | "))));
        QVERIFY2(before->text().startsWith(QStringLiteral("4 ×")), qPrintable(before->text()));

        doc.setSelection({server});
        QCoreApplication::processEvents();
        QVERIFY(inspector.findChild<QLineEdit *>(QStringLiteral("serverName")));
        doc.setSelection({});
        QCoreApplication::processEvents();
        QVERIFY(!inspector.findChild<QLineEdit *>(QStringLiteral("serverName")));
        QVERIFY(gpusLabel());

        // Two servers (the R1 sample's 2x HGX H100): the count and the servers each in their place.
        const PlanFileResult sample = readPlanFile(
            QStringLiteral(PLANNER_SOURCE_DIR "/resources/plans/deepseek-r1-8x-h200.llmplan"));
        QVERIFY(sample.ok());
        doc.reset(*sample.plan, QString());
        doc.setCurrentScenario(2);
        QCoreApplication::processEvents();
        QVERIFY(gpusLabel());
        QVERIFY2(gpusLabel()->text().startsWith(QStringLiteral("16 ×")), qPrintable(gpusLabel()->text()));
        QVERIFY2(gpusLabel()->text().endsWith(QStringLiteral(" in 2 servers")), qPrintable(gpusLabel()->text()));
    }

    void badgesAppearAndClear()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        drop(window.scene(), {PaletteKind::Gpu, QStringLiteral("h100-sxm")}, QPointF(0, 0));
        // A bare server around one GPU: no CPU, no memory.
        QVERIFY(window.scene()->badgeCount() >= 1);
        const int server = doc->scenario().topology.servers().front()->id;
        const QPointF inside = window.scene()->itemFor(server)->sceneBoundingRect().center();
        drop(window.scene(), {PaletteKind::Cpu, QStringLiteral("xeon-platinum-8480c")}, inside);
        QVERIFY(window.scene()->badgeCount() >= 1); // still no memory
        drop(window.scene(), {PaletteKind::Memory, QStringLiteral("ddr5-4800-rdimm-64gb")}, inside);
        QCOMPARE(window.scene()->badgeCount(), 0);
        doc->undoStack()->undo();
        QVERIFY(window.scene()->badgeCount() >= 1);
    }

    // A chart dock whose tab is behind the Summary is not redrawn by an edit
    // (Qt keeps such a tab "visible"; every chart dock redrew after every
    // edit); raising its tab draws what the edit changed.
    void aChartTabBehindTheSummaryWaitsUntilRaised()
    {
        MainWindow window(*mCatalogue);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        const auto raise = [&window](const char *dock) {
            window.findChild<QDockWidget *>(QLatin1String(dock))->raise();
        };
        ChartView *memory = window.sideBySide()->chartView(SideBySidePanel::Memory);
        raise("sideBySideDock");
        QTRY_VERIFY(memory->chart() && !memory->chart()->series().isEmpty());
        const int draws = memory->draws();
        raise("summaryDock");
        QCoreApplication::processEvents();
        PlanWorkload busier = doc->plan().workload;
        busier.concurrency *= 2;
        edits::setWorkload(*doc, busier);
        for (int turn = 0; turn < 3; ++turn)
            QCoreApplication::processEvents();
        QCOMPARE(memory->draws(), draws);
        raise("sideBySideDock");
        QTRY_VERIFY(memory->draws() > draws);
    }

    void summaryFollowsTheWorkload()
    {
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        const QString note = window.summary()->table()->item(0, SummaryPanel::Note)->text();
        QVERIFY2(note.contains(QLatin1String("16 sequences")), qPrintable(note));
        // The workload panel's concurrency box, as a user types 4 and presses Enter.
        QSpinBox *concurrency = window.workload()->concurrencyBox();
        concurrency->setValue(4);
        QCOMPARE(doc->plan().workload.concurrency, 4);
        QVERIFY(window.summary()->table()->item(0, SummaryPanel::Note)->text().contains(QLatin1String("4 sequences")));
        doc->undoStack()->undo();
        QCOMPARE(doc->plan().workload.concurrency, 16);
        QCoreApplication::processEvents();
        QCOMPARE(concurrency->value(), 16);
    }

    // A dock tab behind another does no work for an edit (Qt keeps it
    // "visible", only moved off the window: the Summary, Costs, Inspector
    // and Workload checks cost an edit at 4,096 GPUs some 4 ms); raised, it
    // shows the figures of the latest edit.
    void aDockBehindAnotherCatchesUpWhenRaised()
    {
        MainWindow window(*mCatalogue);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        const auto note = [&] { return window.summary()->table()->item(0, SummaryPanel::Note)->text(); };
        QVERIFY2(note().contains(QLatin1String("16 sequences")), qPrintable(note()));
        window.findChild<QDockWidget *>(QStringLiteral("analysisDock"))->raise();
        QCoreApplication::processEvents();
        window.workload()->concurrencyBox()->setValue(4);
        QCoreApplication::processEvents();
        QCOMPARE(doc->plan().workload.concurrency, 4);
        QVERIFY2(note().contains(QLatin1String("16 sequences")), qPrintable(note())); // not redrawn behind
        window.findChild<QDockWidget *>(QStringLiteral("summaryDock"))->raise();
        QTRY_VERIFY2(note().contains(QLatin1String("4 sequences")), qPrintable(note()));
    }

    // Preferences ▸ Memory sizes in GiB: the summary shows the estimate's bytes
    // over 2^30 (nvidia-smi's unit), and its footer says so.
    void memoryFollowsTheUnitPreference()
    {
        Preferences gib = Preferences::load();
        gib.memoryUnit = MemoryUnit::GiB;
        gib.save();
        {
            MainWindow window(*mCatalogue);
            window.show(); // the panels show figures while on screen
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.document()->reset(twoGpuPlan(), QString());
            QCoreApplication::processEvents();
            const VersionEstimate &v = window.document()->estimates().front().versions.front();
            const QLocale locale;
            QCOMPARE(window.summary()->table()->item(0, SummaryPanel::MemoryPerGpu)->text(),
                     QStringLiteral("%1 of %2 GiB")
                         .arg(locale.toString(units::inGiB(v.memory.perGpu.total()), 'f', 1),
                              locale.toString(units::inGiB(v.memory.capacity), 'f', 1)));
            QVERIFY(window.summary()->footer()->text().startsWith(QStringLiteral("GiB = 2³⁰ bytes.")));
        }
        Preferences gb = gib;
        gb.memoryUnit = MemoryUnit::GB;
        gb.save();
        setMemoryUnit(MemoryUnit::GB);
    }

    // The costs panel edits the scenario's assumptions: the power bill follows
    // the tariff, the value's source says the user set it, one undo restores both.
    void costAssumptionsAreEditedAndUndone()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        const CostAssumption before = doc->scenario().costs.electricityUsdPerKwh;
        const double powerBefore = doc->estimates().front().cost.monthlyPowerUsd;
        QVERIFY(powerBefore > 0);

        QDoubleSpinBox *tariff = window.costs()->assumptionBoxes().front(); // electricity comes first
        tariff->setValue(before.value * 2);
        const CostAssumption &after = doc->scenario().costs.electricityUsdPerKwh;
        QCOMPARE(after.value, before.value * 2);
        QVERIFY2(after.source.find("set by the user") != std::string::npos, after.source.c_str());
        QCOMPARE(doc->scenario().costs.pue.source, CostAssumptions{}.pue.source); // untouched values keep theirs
        QVERIFY(qAbs(doc->estimates().front().cost.monthlyPowerUsd - 2 * powerBefore) < 1e-6 * powerBefore);

        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().costs.electricityUsdPerKwh.value, before.value);
        QCOMPARE(doc->scenario().costs.electricityUsdPerKwh.source, before.source);
        QCOMPARE(doc->estimates().front().cost.monthlyPowerUsd, powerBefore);
    }

    // Preferences ▸ Currency: the summary and the costs panel show yuan at the
    // user's rate; a tariff typed in yuan is kept in USD, one undo away.
    void moneyFollowsTheCurrencyPreference()
    {
        Preferences yuan = Preferences::load();
        yuan.currency = {"CNY", 8.0, "2026-11-20"};
        yuan.save();
        const auto restore = qScopeGuard([yuan] {
            Preferences dollars = yuan;
            dollars.currency = Currency{};
            dollars.save();
            setDisplayCurrency(Currency{});
        });
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        const ScenarioEstimate &e = doc->estimates().front();
        QTableWidget *table = window.summary()->table();
        QCOMPARE(table->horizontalHeaderItem(SummaryPanel::MonthlyCost)->text(), QStringLiteral("CNY / month"));
        const QLocale locale;
        QCOMPARE(table->item(0, SummaryPanel::MonthlyCost)->text().remove(QStringLiteral("≥ ")),
                 locale.toString(e.cost.monthlyTotalUsd * 8.0, 'f', 0));
        QCOMPARE(table->item(0, SummaryPanel::CostPerMillion)->text().remove(QStringLiteral("≥ ")),
                 locale.toString(*e.versions.front().usdPerMillionOutputTokens * 8.0, 'f', 2));
        QVERIFY(window.summary()->footer()->text().contains(
            QStringLiteral("Amounts in CNY at the user's rate of 8 CNY per USD")));

        QDoubleSpinBox *tariff = window.costs()->assumptionBoxes().front();
        QCOMPARE(tariff->suffix(), QStringLiteral(" CNY/kWh"));
        QCOMPARE(tariff->value(), std::round(CostAssumptions{}.electricityUsdPerKwh.value * 8.0 * 1e4) / 1e4);
        tariff->setValue(1.2); // 1.2 CNY/kWh = 0.15 USD/kWh
        QCOMPARE(doc->scenario().costs.electricityUsdPerKwh.value, 0.15);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().costs.electricityUsdPerKwh.value, CostAssumptions{}.electricityUsdPerKwh.value);
    }

    // Tensor parallelism chosen in the workload panel drives the estimate.
    void tensorParallelismFromThePanel()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        window.workload()->tensorParallelBox()->setValue(1);
        QCOMPARE(doc->scenario().deployment.tensorParallel, 1);
        const VersionEstimate &single = doc->estimates().front().versions.front();
        QCOMPARE(single.parallel.tensor, 1);
        // 70B in FP8 (~70 GB of weights) and one 4k sequence fit one 80 GB H100, so the automatic
        // pipeline keeps one stage and the two GPUs serve as two replicas.
        QCOMPARE(single.parallel.pipeline, 1);
        QCOMPARE(single.replicas, 2);
        QVERIFY(single.verdict.fits == Answer::Yes);
        doc->undoStack()->undo();
        QCOMPARE(doc->scenario().deployment.tensorParallel, 0);
        // auto: tensor parallel over the server's two GPUs, where it fits.
        QCOMPARE(doc->estimates().front().versions.front().parallel.tensor, 2);
        QVERIFY(doc->estimates().front().versions.front().memory.fits);
    }

    // An input that makes the request invalid is pointed at in the panel: its
    // row is marked and its tool tip gives the engine's reason; the mark goes
    // with the fault.
    void theFaultyInputIsMarked()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        QSpinBox *tensor = window.workload()->tensorParallelBox();
        auto *form = qobject_cast<QFormLayout *>(window.workload()->layout());
        QVERIFY(form);
        auto *label = qobject_cast<QLabel *>(form->labelForField(tensor));
        QVERIFY(label);
        const QString plainLabel = label->text();
        QVERIFY(!tensor->property("problem").toBool());

        tensor->setValue(3); // TP 3 on a two-GPU server
        QCoreApplication::processEvents();
        const VersionEstimate &v = doc->estimates().front().versions.front();
        QVERIFY(v.verdict.serves == Answer::Unknown);
        QCOMPARE(v.problemField, std::string("tp"));
        QVERIFY(tensor->property("problem").toBool());
        QVERIFY2(label->text().startsWith(QStringLiteral("⚠")), qPrintable(label->text()));
        QVERIFY2(tensor->toolTip().contains(QStringLiteral("TP 3")), qPrintable(tensor->toolTip()));
        QVERIFY(!window.workload()->fieldWidget("context")->property("problem").toBool());

        doc->undoStack()->undo();
        QCoreApplication::processEvents();
        QVERIFY(!tensor->property("problem").toBool());
        QCOMPARE(label->text(), plainLabel);
        QVERIFY(!tensor->toolTip().contains(QStringLiteral("TP 3")));
    }

    // A speculative draft and a prefix cache, set as a user sets them: each
    // one undo step that the estimate follows; a draft the model cannot run
    // marks its input with the reason.
    void speculativeDraftAndPrefixCacheAreEdits()
    {
        MainWindow window(*mCatalogue);
        PlanDocument *doc = window.document();
        doc->reset(twoGpuPlan(), QString());
        QCoreApplication::processEvents();
        const auto version = [doc] { return doc->estimates().front().versions.front(); };
        const double coldTtft = units::inSeconds(version().speed->nominal.ttft);
        auto *draft = window.workload()->findChild<QComboBox *>(QStringLiteral("speculativeBox"));
        auto *accepted = window.workload()->findChild<QDoubleSpinBox *>(QStringLiteral("acceptedBox"));
        auto *prefix = window.workload()->findChild<QDoubleSpinBox *>(QStringLiteral("prefixHitBox"));
        QVERIFY(draft && accepted && prefix);
        QVERIFY(!accepted->isEnabled());

        draft->setCurrentIndex(draft->findData(static_cast<int>(DraftKind::Ngram)));
        QCoreApplication::processEvents();
        QCOMPARE(doc->scenario().deployment.speculative, std::string("ngram"));
        QVERIFY(accepted->isEnabled());
        QCOMPARE(accepted->value(), SpeculativeDecoding::ngramDefault().acceptedTokens);
        QVERIFY(version().request->speculative.kind == DraftKind::Ngram);
        accepted->setValue(2.2);
        QCoreApplication::processEvents();
        QCOMPARE(doc->scenario().deployment.speculative, std::string("ngram:3:2.2"));
        QCOMPARE(version().request->speculative.acceptedTokens, 2.2);
        doc->undoStack()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(doc->scenario().deployment.speculative, std::string("ngram"));
        QCOMPARE(accepted->value(), SpeculativeDecoding::ngramDefault().acceptedTokens);

        // Llama has no MTP module: the input is marked with why.
        draft->setCurrentIndex(draft->findData(static_cast<int>(DraftKind::Mtp)));
        QCoreApplication::processEvents();
        QCOMPARE(version().problemField, std::string("speculative"));
        QVERIFY(draft->property("problem").toBool());
        QVERIFY2(draft->toolTip().contains(QStringLiteral("multi-token-prediction")), qPrintable(draft->toolTip()));
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCoreApplication::processEvents();
        QVERIFY(doc->scenario().deployment.speculative.empty());
        QVERIFY(!draft->property("problem").toBool());

        prefix->setValue(50);
        QCoreApplication::processEvents();
        QCOMPARE(doc->plan().workload.prefixCacheHitRate, 0.5);
        QVERIFY(units::inSeconds(version().speed->nominal.ttft) < coldTtft);
        doc->undoStack()->undo();
        QCOMPARE(doc->plan().workload.prefixCacheHitRate, 0.0);
    }

    // The layout and a prefill pool, set as a user sets them: each input one
    // undo step the estimate follows; showing the plan again adds none; a
    // pool that leaves no GPU to decode marks its input with the reason.
    void layoutAndPrefillPoolAreEdits()
    {
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        Plan plan = twoGpuPlan();
        plan.parts.models = {*mCatalogue->find<ModelSpec>(QStringLiteral("llama-3.1-8b"))};
        plan.modelIds = {"llama-3.1-8b"};
        doc->reset(plan, QString());
        QCoreApplication::processEvents();
        const auto version = [doc] { return doc->estimates().front().versions.front(); };
        auto *pool = window.workload()->findChild<QSpinBox *>(QStringLiteral("prefillGpusBox"));
        auto *poolTensor = window.workload()->findChild<QSpinBox *>(QStringLiteral("prefillTensorBox"));
        auto *running = window.workload()->findChild<QSpinBox *>(QStringLiteral("runningLimitBox"));
        QVERIFY(pool && poolTensor && running);
        QVERIFY(!poolTensor->isEnabled());
        const int steps = doc->undoStack()->count();

        pool->setValue(1);
        QCoreApplication::processEvents();
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->scenario().deployment.prefillPool.gpus, 1);
        QVERIFY(poolTensor->isEnabled());
        QCOMPARE(version().prefillGpus, 1);
        QVERIFY(version().request && version().request->prefillPool);
        const QString note = window.summary()->table()->item(0, SummaryPanel::Note)->text();
        QVERIFY2(note.contains(QStringLiteral("prefill pool of 1 GPU")), qPrintable(note));
        window.workload()->refresh();
        QCOMPARE(doc->undoStack()->count(), steps + 1);

        pool->setValue(2); // no GPU left to decode
        QCoreApplication::processEvents();
        QCOMPARE(version().problemField, std::string("prefill-gpus"));
        QVERIFY(pool->property("problem").toBool());
        QVERIFY2(pool->toolTip().contains(QStringLiteral("leaves at least 1 to decode")), qPrintable(pool->toolTip()));
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(doc->scenario().deployment.prefillPool.gpus, 0);
        QVERIFY(!poolTensor->isEnabled());
        QVERIFY(!version().request->prefillPool);

        running->setValue(4);
        QCoreApplication::processEvents();
        QCOMPARE(doc->scenario().deployment.maxRunningSequences, 4LL);
        QVERIFY(version().sequencesHeld <= 4 * version().replicas);
    }

    // A quote typed in the Inspector for the selected GPUs replaces the
    // catalogue's price everywhere: one undo step, the Costs dock's totals
    // and the Summary's monthly cost follow, and 0 goes back.
    void aTypedPriceReplacesTheCatalogues()
    {
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPlan(QStringLiteral(":/plans/cloud-vs-onprem-llama-3.1-70b.llmplan")));
        PlanDocument *doc = window.document();
        QCoreApplication::processEvents();
        const double capital = doc->estimates().front().cost.capexUsd;
        const QString totals = window.costs()->totalsLabel()->text();
        QVERIFY2(totals.contains(QStringLiteral("over 36 months")), qPrintable(totals));
        int gpus = 0;
        for (const TopologyNode &n : doc->scenario().topology.nodes)
            if (n.kind == NodeKind::Gpu)
                gpus = n.id;
        doc->setSelection({gpus});
        QCoreApplication::processEvents();
        auto *price = window.findChild<QDoubleSpinBox *>(QStringLiteral("userPriceBox"));
        auto *note = window.findChild<QLineEdit *>(QStringLiteral("userPriceNote"));
        QVERIFY(price && note);
        QVERIFY(price->specialValueText().startsWith(QStringLiteral("catalogue's: 30,000")));
        const int steps = doc->undoStack()->count();
        price->setValue(20000);
        QCoreApplication::processEvents();
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set your price for h100-sxm"));
        QCOMPARE(doc->plan().userPrices.size(), size_t(1));
        QCOMPARE(doc->estimates().front().cost.capexUsd, capital - 8 * 10000.0);
        // The Costs tab, behind the Inspector, shows the new totals when raised.
        window.findChild<QDockWidget *>(QStringLiteral("costsDock"))->raise();
        QCoreApplication::processEvents();
        QVERIFY(window.costs()->totalsLabel()->text() != totals);
        // The note is kept with the price.
        note = window.findChild<QLineEdit *>(QStringLiteral("userPriceNote"));
        note->setText(QStringLiteral("vendor quote Q-77"));
        emit note->editingFinished();
        QCoreApplication::processEvents();
        QCOMPARE(doc->plan().userPrices.front().note, std::string("vendor quote Q-77"));
        QCOMPARE(doc->plan().userPrices.front().usd, 20000.0);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QCoreApplication::processEvents();
        QVERIFY(doc->plan().userPrices.empty());
        QCOMPARE(doc->estimates().front().cost.capexUsd, capital);
    }

    // A quote for the network parts a link is bought as: the Inspector of an
    // InfiniBand link offers a price for its adapter, cable and switch, and
    // the bill of materials takes the adapter's.
    void aLinksPartsTakeTypedPrices()
    {
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPlan(QStringLiteral(":/plans/training-33b-a100-cluster.llmplan")));
        PlanDocument *doc = window.document();
        QCoreApplication::processEvents();
        const TopologyLink &link = doc->scenario().topology.links.front();
        const LinkSpec *spec = doc->plan().parts.link(link.linkId);
        QVERIFY(spec && isScaleOut(spec->kind));
        const NicSpec *adapter = doc->plan().parts.adapterFor(*spec);
        QVERIFY(adapter);
        const double capital = doc->estimates().front().cost.capexUsd;
        doc->setSelection({link.id});
        QCoreApplication::processEvents();
        const QList<QDoubleSpinBox *> prices = window.findChildren<QDoubleSpinBox *>(QStringLiteral("userPriceBox"));
        QVERIFY2(prices.size() >= 2, "an adapter and a cable at least");
        prices.front()->setValue(prices.front()->value() + 1000);
        QCoreApplication::processEvents();
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Set your price for %1").arg(QString::fromStdString(adapter->id)));
        const OnPremBuild build = onPremBuildOf(doc->scenario().topology,
                                                withUserPrices(doc->plan().parts, doc->plan().userPrices));
        // The adapters of the servers' own ports and of the network bill are
        // lines of their own: every one takes the typed price.
        double adapters = 0;
        for (const BomLine &line : build.lines)
            if (line.id == adapter->id) {
                QCOMPARE(*line.unitUsd, 1000.0);
                QVERIFY(line.priceSource.starts_with(kUserPriceSource));
                adapters += line.quantity;
            }
        QVERIFY(adapters > 0);
        const double before = adapter->price ? adapter->price->usd : 0.0;
        QCOMPARE(doc->estimates().front().cost.capexUsd, capital + adapters * (1000.0 - before));
        doc->undoStack()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(doc->estimates().front().cost.capexUsd, capital);

        // The cable's field, under the adapter's, prices the cable.
        const CableSpec *cable = doc->plan().parts.cableFor(*spec);
        QVERIFY(cable);
        doc->setSelection({link.id});
        QCoreApplication::processEvents();
        QDoubleSpinBox *cablePrice = window.findChildren<QDoubleSpinBox *>(QStringLiteral("userPriceBox")).at(1);
        cablePrice->setValue(cablePrice->value() + 250);
        QCoreApplication::processEvents();
        QCOMPARE(doc->undoStack()->undoText(),
                 QStringLiteral("Set your price for %1").arg(QString::fromStdString(cable->id)));
        QVERIFY(findUserPrice(doc->plan().userPrices, PricedKind::Cable, cable->id));
    }

    // Three DGX H100 dropped without links are a fleet: no badge, the
    // Inspector says each is a replica of its own, the Summary gives the
    // servers the peak load needs, and the peak and spares are edits.
    void unlinkedServersServeAsAFleet()
    {
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        Plan plan = twoGpuPlan();
        plan.scenarios.front().topology = {};
        doc->reset(plan, QString());
        QString error;
        for (int i = 0; i < 3; ++i)
            QVERIFY2(edits::dropPart(*doc, {PaletteKind::Server, QStringLiteral("dgx-h100")}, QPointF(i * 700.0, 0), 0,
                                     &error),
                     qPrintable(error));
        QCoreApplication::processEvents();
        const ScenarioEstimate &e = doc->estimates().front();
        QVERIFY(e.cluster.fleet);
        QCOMPARE(window.scene()->badgeCount(), 0);
        const QString note = window.summary()->table()->item(0, SummaryPanel::Note)->text();
        QVERIFY2(note.contains(QStringLiteral("fleet: ")), qPrintable(note));

        auto *peak = window.workload()->findChild<QDoubleSpinBox *>(QStringLiteral("peakFactorBox"));
        auto *spares = window.workload()->findChild<QSpinBox *>(QStringLiteral("spareServersBox"));
        QVERIFY(peak && spares);
        const int steps = doc->undoStack()->count();
        peak->setValue(2);
        spares->setValue(1);
        QCoreApplication::processEvents();
        QCOMPARE(doc->undoStack()->count(), steps + 2);
        QCOMPARE(doc->plan().workload.peakFactor, 2.0);
        QCOMPARE(doc->scenario().deployment.spareServers, 1);
        const std::optional<int> needed = doc->estimates().front().versions.front().fleetServersNeeded;
        QVERIFY(needed && *needed >= 2);
        QVERIFY(window.summary()->table()->item(0, SummaryPanel::Note)->text().contains(QStringLiteral("× 2")));
        // The proposal's model-version table says the same.
        const ProposalContent content = buildProposalContent(doc->plan(), doc->estimates(), {}, {});
        bool inPdf = false;
        for (const ProposalBlock &block : content.blocks)
            for (const QStringList &row : block.table.rows)
                inPdf = inPdf || row.join(QLatin1Char('|')).contains(QStringLiteral("fleet: "));
        QVERIFY(inPdf);
    }

    // Story 3: Llama 3.1 70B in BF16 (about 141 GB) does not fit two 80 GB
    // H100s with the KV cache of one 64k-token sequence; "offload as many as it takes" keeps the
    // fewest layers in host RAM that make it fit, and the Summary says so;
    // one layer fewer does not fit, more layers than the model has is marked.
    void offloadRunsAModelThatDoesNotFit()
    {
        MainWindow window(*mCatalogue);
        window.show(); // the panels show figures while on screen
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PlanDocument *doc = window.document();
        Plan plan = twoGpuPlan();
        plan.scenarios.front().deployment.weightFormat = "bf16";
        plan.workload.contextTokens = 65536; // one 64k-token sequence's KV cache: 10.7 GB per GPU
        plan.workload.inputTokens = 8192;
        plan.workload.concurrency = 1;
        plan.workload.byRequestRate = false;
        doc->reset(plan, QString());
        QCoreApplication::processEvents();
        const auto version = [doc] { return doc->estimates().front().versions.front(); };
        QVERIFY(version().verdict.fits == Answer::No);
        // Limits explained: the panel and the blank speed chart say how long a sequence would fit.
        const QString longest = QLocale().toString(static_cast<qlonglong>(version().memory.maxContext));
        QVERIFY(version().memory.maxContext > 0 && version().memory.maxContext < 65536);
        const QString limits = window.workload()->limitsLabel()->text();
        QVERIFY2(limits.contains(QStringLiteral("one sequence fits up to %1 tokens").arg(longest)), qPrintable(limits));
        std::unique_ptr<QChart> blank(throughputChart(version(), doc->plan().workload));
        QVERIFY2(blank->title().contains(QStringLiteral("does not fit")) && blank->title().contains(longest),
                 qPrintable(blank->title()));
        auto *offload = window.workload()->findChild<QSpinBox *>(QStringLiteral("offloadBox"));
        auto *autoOffload = window.workload()->findChild<QCheckBox *>(QStringLiteral("autoOffloadBox"));
        QVERIFY(offload && autoOffload);
        const int steps = doc->undoStack()->count();

        autoOffload->setChecked(true);
        QCoreApplication::processEvents();
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QVERIFY(doc->scenario().deployment.autoOffload);
        QVERIFY(version().verdict.fits == Answer::Yes);
        const int layers = version().memory.offloadedLayers;
        QVERIFY(layers > 0 && layers < 80);
        const QString note = window.summary()->table()->item(0, SummaryPanel::Note)->text();
        QVERIFY2(note.contains(QStringLiteral("%1 layers in host RAM").arg(layers)), qPrintable(note));
        QVERIFY2(window.workload()->limitsLabel()->text().contains(
                     QStringLiteral("holds %1 sequences").arg(version().memory.maxConcurrency)),
                 qPrintable(window.workload()->limitsLabel()->text()));

        // One layer fewer than the fewest that fit does not fit.
        autoOffload->setChecked(false);
        offload->setValue(layers - 1);
        QCoreApplication::processEvents();
        QCOMPARE(doc->scenario().deployment.offloadLayers, layers - 1);
        QVERIFY(version().verdict.fits == Answer::No);
        offload->setValue(200); // more layers than the model has
        QCoreApplication::processEvents();
        QCOMPARE(version().problemField, std::string("offload"));
        QVERIFY(offload->property("problem").toBool());
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
