#include "ui/mainwindow.h"

#include "database/catalogue.h"
#include "database/planfile.h"
#include "database/wholefile.h"
#include "ui/canvas/topologyscene.h"
#include "ui/canvas/topologyview.h"
#include "ui/charts/analysispanel.h"
#include "ui/charts/sidebysidepanel.h"
#include "ui/deploy/launchexportdialog.h"
#include "ui/document/catalogueedits.h"
#include "ui/document/plandocument.h"
#include "ui/document/planedits.h"
#include "ui/format/money.h"
#include "ui/help/helpdialogs.h"
#include "ui/models/importmodeldialog.h"
#include "ui/models/modelversiontablemodel.h"
#include "ui/palette/partspalette.h"
#include "ui/panels/costpanel.h"
#include "ui/panels/focusedwheel.h"
#include "ui/panels/inspectorpanel.h"
#include "ui/panels/summarypanel.h"
#include "ui/panels/workloadpanel.h"
#include "ui/preferences/preferences.h"
#include "ui/preferences/preferencesdialog.h"
#include "ui/report/exportproposaldialog.h"
#include "ui/report/proposalexport.h"
#include "ui/search/findbuilddialog.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QUrl>

namespace planner {

namespace {

constexpr int kMaxRecentFiles = 8;
const QString kRecentFilesKey = QStringLiteral("recentFiles");
const QString kSamplesFolder = QStringLiteral(":/plans");

QDockWidget *dock(const QString &title, const QString &name, QWidget *content, QMainWindow *window)
{
    auto *d = new QDockWidget(title, window);
    d->setObjectName(name);
    d->setWidget(content);
    return d;
}

QScrollArea *scrolling(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

} // namespace

MainWindow::MainWindow(Catalogue &catalogue, QWidget *parent)
    : QMainWindow(parent)
    , mCatalogue(catalogue)
    , mDocument(new PlanDocument(catalogue, this))
{
    mScene = new TopologyScene(*mDocument, this);
    mView = new TopologyView(mScene, this);
    mView->setObjectName(QStringLiteral("topologyView"));
    setCentralWidget(mView);
    new FocusedWheel(this);
    createDocks();
    createActions();
    createToolBar();

    connect(mScene, &TopologyScene::message, this, &MainWindow::showMessage);
    connect(mDocument, &PlanDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(mDocument->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(mDocument, &PlanDocument::planChanged, this, [this](const PlanChange &change) {
        if (change.touches(PlanChange::Scenarios))
            updateScenarioBox();
    });
    connect(mDocument, &PlanDocument::currentScenarioChanged, this, &MainWindow::updateScenarioBox);
    connect(mDocument, &PlanDocument::catalogueChanged, this,
            [this] { mModelVersions->setModels(mCatalogue.list<ModelSpec>()); });
    connect(mDocument, &PlanDocument::catalogueEditFailed, this, [this](const QString &message) {
        QMessageBox::warning(this, tr("Catalogue"), tr("Your catalogue could not be changed: %1").arg(message));
    });

    mAutosaveTimer = new QTimer(this);
    connect(mAutosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    applyPreferences(Preferences::load());
    mDocument->reset(PlanDocument::emptyPlan(mCatalogue, Preferences::load().costDefaults), QString());

    updateScenarioBox();
    updateTitle();
    // 1600 x 1000, or what the screen offers.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1600, 1000);
    resize(std::min(1600, available.width()), std::min(1000, available.height()));
    readSettings();
    statusBar()->showMessage(tr("Drag servers, cloud instances or parts from the palette onto the canvas."));
}

MainWindow::~MainWindow()
{
    // The document goes with this window's children, after this destructor:
    // its undo stack then still signals (cleanChanged), and this window's
    // slots must not run on a half-destroyed window.
    disconnect(mDocument->undoStack(), nullptr, this, nullptr);
    disconnect(mDocument, nullptr, this, nullptr);
}

void MainWindow::createDocks()
{
    setDockNestingEnabled(true);
    mPalette = new PartsPalette(mCatalogue, this);
    QDockWidget *parts = dock(tr("Parts"), QStringLiteral("partsDock"), mPalette, this);
    addDockWidget(Qt::LeftDockWidgetArea, parts);

    mWorkload = new WorkloadPanel(*mDocument, this);
    QDockWidget *workload = dock(tr("Workload"), QStringLiteral("workloadDock"), scrolling(mWorkload), this);
    addDockWidget(Qt::RightDockWidgetArea, workload);
    mCosts = new CostPanel(*mDocument, this);
    QDockWidget *costs = dock(tr("Costs"), QStringLiteral("costsDock"), scrolling(mCosts), this);
    addDockWidget(Qt::RightDockWidgetArea, costs);
    tabifyDockWidget(workload, costs);
    mInspector = new InspectorPanel(*mDocument, this);
    // Tabbed with the Workload and Costs, so each has the right side's full
    // height; selecting an item on the canvas brings the Inspector forward.
    QDockWidget *inspector = dock(tr("Inspector"), QStringLiteral("inspectorDock"), scrolling(mInspector), this);
    addDockWidget(Qt::RightDockWidgetArea, inspector);
    tabifyDockWidget(workload, inspector);
    connect(mDocument, &PlanDocument::selectionChanged, this, [this, inspector] {
        if (!mDocument->selection().empty())
            inspector->raise();
    });

    mSummary = new SummaryPanel(*mDocument, this);
    QDockWidget *summary = dock(tr("Summary"), QStringLiteral("summaryDock"), mSummary, this);
    addDockWidget(Qt::BottomDockWidgetArea, summary);

    mModelVersions = new ModelVersionTableModel(mCatalogue.list<ModelSpec>(), this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(mModelVersions);
    sorted->setSortRole(Qt::UserRole);
    mModelTable = new QTableView(this);
    mModelTable->setModel(sorted);
    mModelTable->setSortingEnabled(true);
    mModelTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mModelTable->setAlternatingRowColors(true);
    mModelTable->verticalHeader()->hide();
    mModelTable->horizontalHeader()->setStretchLastSection(true);
    mModelTable->resizeColumnsToContents();
    QDockWidget *models = dock(tr("Model versions"), QStringLiteral("modelsDock"), mModelTable, this);
    mAnalysis = new AnalysisPanel(*mDocument, this);
    QDockWidget *analysis = dock(tr("Analysis"), QStringLiteral("analysisDock"), mAnalysis, this);
    // Every version's memory, speed and cost below the canvas: with this tab
    // raised, the what-if edits on the canvas and in the Workload dock show
    // in all three charts without another tab to switch to.
    mSideBySide = new SideBySidePanel(*mDocument, this);
    QDockWidget *sideBySide = dock(tr("Versions side by side"), QStringLiteral("sideBySideDock"), mSideBySide, this);
    for (QDockWidget *tab : {sideBySide, analysis, models}) {
        addDockWidget(Qt::BottomDockWidgetArea, tab);
        tabifyDockWidget(summary, tab);
    }
    // Charts need more height than the summary's table: raising a tab of
    // charts gives the bottom docks about 40% of the window if they have less.
    for (QDockWidget *charts : {analysis, sideBySide})
        connect(charts, &QDockWidget::visibilityChanged, this, [this, charts](bool visible) {
            if (visible && !charts->isFloating() && charts->height() < height() * 35 / 100)
                resizeDocks({charts}, {height() * 42 / 100}, Qt::Vertical);
        });
    summary->raise();

    auto *history = new QUndoView(mDocument->undoStack(), this);
    // One line per step: without this the list measures every step's text
    // after each edit, which grows with the history.
    history->setUniformItemSizes(true);
    history->setEmptyLabel(tr("<opened plan>"));
    QDockWidget *historyDock = dock(tr("History"), QStringLiteral("historyDock"), history, this);
    tabifyDockWidget(inspector, historyDock);
    workload->raise();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Once the frame is known: the title bar must not push the status bar
    // (where refusals and "proposal written" appear) below the screen.
    QTimer::singleShot(0, this, &MainWindow::fitOnScreen);
    if (mLayoutDone)
        return;
    mLayoutDone = true;
    // Without a saved layout, share the window out by proportion once it has its real size.
    QTimer::singleShot(0, this, [this] {
        const auto named = [this](const char *name) { return findChild<QDockWidget *>(QLatin1String(name)); };
        resizeDocks({named("partsDock"), named("workloadDock")},
                    {width() * kLeftDockPercent / 100, width() * kRightDockPercent / 100}, Qt::Horizontal);
        resizeDocks({named("summaryDock")}, {height() * 24 / 100}, Qt::Vertical);
        mView->zoomToFit();
    });
}

void MainWindow::fitOnScreen()
{
    if (!screen() || isMaximized() || isFullScreen())
        return;
    const QRect available = screen()->availableGeometry();
    const QRect frame = frameGeometry();
    if (available.contains(frame))
        return;
    const QSize decoration = frame.size() - size();
    resize(std::min(width(), available.width() - decoration.width()),
           std::min(height(), available.height() - decoration.height()));
    move(std::clamp(frame.x(), available.left(),
                    std::max(available.left(), available.right() - frameGeometry().width())),
         std::clamp(frame.y(), available.top(),
                    std::max(available.top(), available.bottom() - frameGeometry().height())));
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Plan"), QKeySequence::New, this, &MainWindow::newPlan);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
    mRecentMenu = file->addMenu(tr("Open &Recent"));
    QMenu *samples = file->addMenu(tr("Open &Sample"));
    for (QDirIterator it(kSamplesFolder, {QStringLiteral("*.llmplan")}); it.hasNext();) {
        const QString path = it.next();
        samples->addAction(QFileInfo(path).completeBaseName(), this, [this, path] {
            if (maybeSave() && openPlan(path))
                mDocument->setFilePath(QString()); // a sample is saved under a name of the user's
        });
    }
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Import Model…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this,
                    &MainWindow::importModel);
    file->addAction(tr("&Export Proposal (PDF)…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    &MainWindow::exportProposal);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mDocument->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = mDocument->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Cu&t"), QKeySequence::Cut, this, &MainWindow::cutSelection);
    edit->addAction(tr("&Copy"), QKeySequence::Copy, this, &MainWindow::copySelection);
    edit->addAction(tr("&Paste"), QKeySequence::Paste, this, &MainWindow::paste);
    edit->addAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), this, &MainWindow::duplicateSelection);
    edit->addAction(tr("&Delete"), QKeySequence::Delete, this, &MainWindow::deleteSelection);
    edit->addSeparator();
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this, &MainWindow::selectAll);
    edit->addAction(tr("Arrange Servers in a &Grid"), this, [this] { edits::arrangeInGrid(*mDocument); });
    edit->addSeparator();
    // Ctrl+, where the platform names no key for Preferences (Linux desktops).
    const QKeySequence preferencesKey = QKeySequence::keyBindings(QKeySequence::Preferences).isEmpty()
                                            ? QKeySequence(Qt::CTRL | Qt::Key_Comma)
                                            : QKeySequence(QKeySequence::Preferences);
    edit->addAction(tr("&Preferences…"), preferencesKey, this, &MainWindow::editPreferences)
        ->setMenuRole(QAction::PreferencesRole);

    mViewMenu = menuBar()->addMenu(tr("&View"));
    mViewMenu->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, mView, &TopologyView::zoomIn);
    mViewMenu->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, mView, &TopologyView::zoomOut);
    mViewMenu->addAction(tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), mView, &TopologyView::zoomToFit);
    mViewMenu->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        mViewMenu->addAction(d->toggleViewAction());
    addFocusActions(mViewMenu->addMenu(tr("&Go To")));

    QMenu *scenario = menuBar()->addMenu(tr("&Scenario"));
    scenario->addAction(tr("&Add Scenario (copy of this one)…"), this, &MainWindow::addScenario);
    scenario->addAction(tr("&Rename Scenario…"), this, &MainWindow::renameScenario);
    scenario->addAction(tr("Re&move Scenario"), this, &MainWindow::removeScenario);
    scenario->addSeparator();
    scenario->addAction(tr("&Find a Build…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, [this] {
        FindBuildDialog dialog(*mDocument, this);
        dialog.exec();
    });
    scenario->addAction(tr("Export &Launch Command…"), this, &MainWindow::exportLaunchCommand);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&How the Numbers Are Computed"), QKeySequence::HelpContents, this,
                    [this] { showNumbersHelp(this); });
    help->addSeparator();
    help->addAction(tr("&About LLM Deployment Planner"), this, [this] { showAboutBox(this, mCatalogue); });
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Tools"));
    bar->setObjectName(QStringLiteral("toolsBar"));
    bar->addAction(tr("New"), this, &MainWindow::newPlan);
    bar->addAction(tr("Open"), this, &MainWindow::open);
    bar->addAction(tr("Save"), this, &MainWindow::save);
    bar->addSeparator();
    mToolGroup = new QActionGroup(this);
    QAction *select = bar->addAction(tr("Select"), this, [this] { mScene->setMode(TopologyScene::Mode::Select); });
    select->setCheckable(true);
    select->setChecked(true);
    select->setShortcut(QKeySequence(Qt::Key_S));
    select->setToolTip(tr("Select and move (S)"));
    QAction *connectTool = bar->addAction(tr("Connect"), this,
                                          [this] { mScene->setMode(TopologyScene::Mode::Connect); });
    connectTool->setCheckable(true);
    connectTool->setShortcut(QKeySequence(Qt::Key_L));
    connectTool->setToolTip(tr("Draw a link from one part to another (L)"));
    mToolGroup->addAction(select);
    mToolGroup->addAction(connectTool);
    // Enter on a palette row: a link kind arms the connect tool with it,
    // any other part is added to the canvas.
    connect(mPalette, &PartsPalette::partChosen, this, [this, connectTool](const PartReference &part) {
        if (part.kind != PaletteKind::Link) {
            if (mScene->addPart(part))
                showMessage(tr("Added to the canvas; Ctrl+Z takes it back."));
            return;
        }
        mLinkBox->setCurrentIndex(std::max(0, mLinkBox->findData(part.id)));
        connectTool->trigger();
        showMessage(tr("Drag from one part or server to another to draw a %1 link.").arg(mLinkBox->currentText()));
    });
    mLinkBox = new QComboBox(this);
    mLinkBox->setObjectName(QStringLiteral("linkKindBox"));
    mLinkBox->setToolTip(tr("The kind of link the connect tool draws"));
    mLinkBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mLinkBox->setMinimumContentsLength(28);
    for (const LinkSpec &link : mCatalogue.list<LinkSpec>())
        mLinkBox->addItem(QString::fromStdString(link.name), QString::fromStdString(link.id));
    mLinkBox->setCurrentIndex(std::max(0, mLinkBox->findData(QStringLiteral("nvlink4"))));
    mScene->setConnectLinkId(mLinkBox->currentData().toString());
    connect(mLinkBox, &QComboBox::currentIndexChanged, this,
            [this] { mScene->setConnectLinkId(mLinkBox->currentData().toString()); });
    bar->addWidget(mLinkBox);
    bar->addSeparator();
    bar->addAction(tr("Fit"), mView, &TopologyView::zoomToFit);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Scenario "), this));
    mScenarioBox = new QComboBox(this);
    mScenarioBox->setObjectName(QStringLiteral("scenarioBox"));
    mScenarioBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(mScenarioBox, &QComboBox::activated, this,
            [this](int index) { mDocument->setCurrentScenario(static_cast<size_t>(index)); });
    bar->addWidget(mScenarioBox);
    bar->addAction(tr("+ Scenario"), this, &MainWindow::addScenario);
}

// Keyboard navigation between the panels: Ctrl+1 the canvas, Ctrl+2… each
// dock in turn (shown and raised if it was hidden or tabbed away); Tab then
// moves within the panel.
void MainWindow::addFocusActions(QMenu *menu)
{
    const auto focusIn = [](QWidget *panel) {
        if (panel->focusPolicy() & Qt::TabFocus)
            return panel->setFocus(Qt::ShortcutFocusReason);
        const QList<QWidget *> children = panel->findChildren<QWidget *>();
        for (QWidget *child : children)
            if ((child->focusPolicy() & Qt::TabFocus) && child->isVisibleTo(panel) && child->isEnabled())
                return child->setFocus(Qt::ShortcutFocusReason);
    };
    menu->addAction(tr("&Canvas"), QKeySequence(Qt::CTRL | Qt::Key_1), this, [this, focusIn] { focusIn(mView); });
    // Eight keys for nine docks: the Model versions table, for browsing
    // the catalogue, is the one left to the View menu.
    const char *const docks[] = {"partsDock",   "workloadDock",   "costsDock",    "inspectorDock",
                                 "summaryDock", "sideBySideDock", "analysisDock", "historyDock"};
    int key = Qt::Key_2;
    for (const char *name : docks) {
        QDockWidget *d = findChild<QDockWidget *>(QLatin1String(name));
        if (!d || key > Qt::Key_9)
            continue;
        menu->addAction(d->windowTitle(), QKeySequence(Qt::CTRL | key++), this, [d, focusIn] {
            d->show();
            d->raise();
            focusIn(d->widget());
        });
    }
}

void MainWindow::updateScenarioBox()
{
    mScenarioBox->clear();
    for (const Scenario &s : mDocument->plan().scenarios)
        mScenarioBox->addItem(QString::fromStdString(s.name));
    mScenarioBox->setCurrentIndex(static_cast<int>(mDocument->currentScenario()));
}

void MainWindow::updateTitle()
{
    const QString path = mDocument->filePath();
    const QString name = path.isEmpty() ? QString::fromStdString(mDocument->plan().name) : QFileInfo(path).fileName();
    setWindowTitle(tr("%1[*] — LLM Deployment Planner").arg(name));
    setWindowModified(mDocument->isModified());
}

void MainWindow::newPlan()
{
    if (!maybeSave())
        return;
    mDocument->reset(PlanDocument::emptyPlan(mCatalogue, Preferences::load().costDefaults), QString());
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Plan"), QString(),
                                                      tr("Plans (*.%1)").arg(QLatin1String(kPlanFileSuffix)));
    if (!path.isEmpty())
        openPlan(path);
}

bool MainWindow::openPlan(const QString &path)
{
    const PlanFileResult result = readPlanFile(path);
    if (!result.ok()) {
        QMessageBox::warning(this, tr("Cannot open plan"),
                             tr("%1\n\n%2").arg(QDir::toNativeSeparators(path), result.error));
        return false;
    }
    mDocument->reset(*result.plan, path);
    if (!path.startsWith(QLatin1Char(':')))
        addRecentFile(path);
    QTimer::singleShot(0, mView, &TopologyView::zoomToFit);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::save()
{
    return mDocument->filePath().isEmpty() ? saveAs() : savePlanTo(mDocument->filePath());
}

bool MainWindow::saveAs()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save Plan As"),
                                                QString::fromStdString(mDocument->plan().name),
                                                tr("Plans (*.%1)").arg(QLatin1String(kPlanFileSuffix)));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + QLatin1String(kPlanFileSuffix);
    return savePlanTo(path);
}

bool MainWindow::savePlanTo(const QString &path)
{
    const QString error = writePlanFile(mDocument->plan(), path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot save plan"), error);
        return false;
    }
    mDocument->setFilePath(path);
    mDocument->markSaved();
    forgetAutosave();
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (mDocument->isModified()) {
        const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                                 tr("The plan has unsaved changes. Save them?"),
                                                 QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Save)
            return save();
        if (answer != QMessageBox::Discard)
            return false;
    }
    forgetAutosave(); // saved, discarded or never changed: nothing to recover
    return true;
}

QString MainWindow::autosavePath()
{
    // Beside the user's catalogue (database/catalogue.h), in the planner's one data folder.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/llm-planner/autosave.llmplan");
}

// The file the autosaved plan belongs to, so that a recovered plan saves
// back to it; none for a new plan or a shipped sample (":/plans/…").
const QString kAutosaveFileKey = QStringLiteral("autosave/planFile");

void MainWindow::autosave()
{
    if (!mDocument->isModified()) {
        forgetAutosave(); // undone back to what is saved
        return;
    }
    QDir().mkpath(QFileInfo(autosavePath()).absolutePath());
    const QString error = writePlanFile(mDocument->plan(), autosavePath());
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 10000);
        return;
    }
    const QString file = mDocument->filePath();
    QSettings().setValue(kAutosaveFileKey, file.startsWith(QLatin1Char(':')) ? QString() : file);
}

void MainWindow::forgetAutosave()
{
    QFile::remove(autosavePath());
    QSettings().remove(kAutosaveFileKey);
}

// An autosave that cannot be read is kept under a name of its own (never
// over an older one) and the user is told: their last changes may be in it.
void MainWindow::setAsideDamagedAutosave(const QString &reason)
{
    const QString path = autosavePath();
    const QString aside = setAsideName(path);
    const bool moved = QFile::rename(path, aside);
    QSettings().remove(kAutosaveFileKey);
    const QString kept = moved ? tr("It was kept as %1.").arg(QDir::toNativeSeparators(aside))
                               : tr("It could not be moved aside and stays at %1.").arg(QDir::toNativeSeparators(path));
    QMessageBox::warning(this, tr("Recover plan"),
                         tr("The planner did not close normally, but the plan it autosaved cannot be read (%1), so "
                            "nothing was recovered. %2")
                             .arg(reason, kept));
}

void MainWindow::offerRecovery()
{
    const QString path = autosavePath();
    if (!QFileInfo::exists(path))
        return;
    const PlanFileResult result = readPlanFile(path);
    if (!result.ok()) {
        setAsideDamagedAutosave(result.error);
        return;
    }
    const QString file = QSettings().value(kAutosaveFileKey).toString();
    const QString when = QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat);
    const auto answer = QMessageBox::question(
        this, tr("Recover plan"),
        file.isEmpty() ? tr("The planner did not close normally. Recover the plan autosaved at %1?").arg(when)
                       : tr("The planner did not close normally. Recover the changes to %1 autosaved at %2?")
                             .arg(QDir::toNativeSeparators(file), when));
    if (answer == QMessageBox::Yes) {
        mDocument->reset(*result.plan, file); // Save writes the recovered plan back to its file
        mDocument->undoStack()->resetClean(); // recovered work is unsaved
        updateTitle();
    } else {
        forgetAutosave();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentFilesKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kRecentFilesKey, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    mRecentMenu->clear();
    const QStringList files = QSettings().value(kRecentFilesKey).toStringList();
    for (const QString &path : files)
        mRecentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave())
                                openPlan(path);
                        })
            ->setToolTip(path);
    mRecentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::copySelection()
{
    mClipboard = mDocument->scenario().topology;
    mClipboardServers.clear();
    for (int id : mDocument->selection())
        if (const TopologyNode *n = mClipboard.node(id))
            mClipboardServers.insert(n->kind == NodeKind::Server ? n->id : n->parent);
    mPasteCount = 0;
    const std::size_t copied = mClipboardServers.size();
    showMessage(copied == 1 ? tr("Copied 1 server") : tr("Copied %1 servers").arg(copied));
}

void MainWindow::cutSelection()
{
    copySelection();
    edits::remove(*mDocument, mClipboardServers);
}

void MainWindow::paste()
{
    if (mClipboardServers.empty())
        return;
    ++mPasteCount;
    edits::pasteServers(*mDocument, mClipboard, mClipboardServers, QPointF(40.0 * mPasteCount, 40.0 * mPasteCount));
}

void MainWindow::duplicateSelection()
{
    copySelection();
    paste();
}

void MainWindow::deleteSelection()
{
    edits::remove(*mDocument, mDocument->selection());
}

void MainWindow::selectAll()
{
    std::set<int> all;
    for (const TopologyNode *server : mDocument->scenario().topology.servers())
        all.insert(server->id);
    for (const TopologyLink &link : mDocument->scenario().topology.links)
        all.insert(link.id);
    mDocument->setSelection(all);
}

void MainWindow::addScenario()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Scenario"),
                                               tr("Name of the new scenario (a copy of this one):"), QLineEdit::Normal,
                                               tr("Scenario %1").arg(mDocument->plan().scenarios.size() + 1), &ok);
    if (ok && !name.trimmed().isEmpty())
        edits::addScenario(*mDocument, name.trimmed(), true);
}

void MainWindow::renameScenario()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Scenario"), tr("Name:"), QLineEdit::Normal,
                                               QString::fromStdString(mDocument->scenario().name), &ok);
    if (ok)
        edits::renameScenario(*mDocument, mDocument->currentScenario(), name);
}

void MainWindow::removeScenario()
{
    if (mDocument->plan().scenarios.size() < 2) {
        showMessage(tr("A plan keeps at least one scenario."));
        return;
    }
    edits::removeScenario(*mDocument, mDocument->currentScenario());
}

void MainWindow::exportProposal()
{
    const QString base = mDocument->filePath().isEmpty() ? QString::fromStdString(mDocument->plan().name)
                                                         : QFileInfo(mDocument->filePath()).completeBaseName();
    const QString folder = mDocument->filePath().isEmpty() ? QDir::homePath()
                                                           : QFileInfo(mDocument->filePath()).absolutePath();
    ExportProposalDialog dialog(QString::fromStdString(mDocument->plan().name), Preferences::load().author,
                                QDir(folder).filePath(base + QStringLiteral(".pdf")), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = dialog.path();
    if (!exportProposalTo(path, dialog.options()))
        return;
    // Where it went, with a way to look at it.
    QMessageBox done(QMessageBox::Information, tr("Proposal exported"),
                     tr("The proposal is written to\n%1").arg(QDir::toNativeSeparators(path)), QMessageBox::Close,
                     this);
    QPushButton *open = done.addButton(tr("&Open"), QMessageBox::AcceptRole);
    done.setDefaultButton(open);
    done.exec();
    if (done.clickedButton() == open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

bool MainWindow::exportProposalTo(const QString &path)
{
    ProposalOptions options;
    options.author = Preferences::load().author;
    return exportProposalTo(path, options);
}

bool MainWindow::exportProposalTo(const QString &path, const ProposalOptions &options)
{
    const ProposalExport result = exportProposalWithProgress(this, mDocument->plan(), mCatalogue, options, path);
    if (result.cancelled) {
        statusBar()->showMessage(tr("Export cancelled: %1 was not written").arg(QDir::toNativeSeparators(path)), 8000);
        return false;
    }
    if (!result.written) {
        QMessageBox::warning(this, tr("Cannot export the proposal"), result.error);
        return false;
    }
    statusBar()->showMessage(tr("Wrote the proposal to %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

void MainWindow::exportLaunchCommand()
{
    LaunchExportDialog dialog(mDocument->plan(), mDocument->currentScenario(), this);
    dialog.exec();
}

void MainWindow::importModel()
{
    const auto describeExisting = [this](const QString &id) -> QString {
        const std::optional<PartOrigin> origin = mCatalogue.origin<ModelSpec>(id);
        const std::optional<ModelSpec> existing = mCatalogue.find<ModelSpec>(id);
        if (!origin || !existing)
            return {};
        const QString name = QString::fromStdString(existing->displayName);
        return *origin == PartOrigin::Shipped
                   ? tr("the built-in model %1 (it shows again if you remove yours)").arg(name)
                   : tr("your model %1").arg(name);
    };
    ImportModelDialog dialog(modelStores(QProcessEnvironment::systemEnvironment()), describeExisting, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::optional<ModelSpec> spec = dialog.importedModel();
    if (!spec)
        return;
    if (const QString error = edits::importModel(*mDocument, mCatalogue, *spec, dialog.compareInScenario());
        !error.isEmpty()) {
        QMessageBox::warning(this, tr("Import Model"),
                             tr("The model could not be stored in your catalogue: %1").arg(error));
        return;
    }
    showMessage(tr("Imported %1 into your catalogue as '%2'.")
                    .arg(QString::fromStdString(spec->displayName), QString::fromStdString(spec->id)));
}

void MainWindow::editPreferences()
{
    PreferencesDialog dialog(Preferences::load(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences before = Preferences::load();
    const Preferences chosen = dialog.preferences();
    chosen.save();
    applyPreferences(chosen);
    if (chosen.language != before.language)
        QMessageBox::information(this, tr("Language"), tr("The planner shows the new language when it starts again."));
    showMessage(tr("Preferences saved; new plans and scenarios use the cost defaults."));
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    mAutosaveTimer->start(preferences.autosaveMinutes * 60'000);
    if (preferences.memoryUnit != memoryUnit() || preferences.currency != displayCurrency()) {
        setMemoryUnit(preferences.memoryUnit);
        setDisplayCurrency(preferences.currency);
        mPalette->reload(mCatalogue);
        emit mDocument->planChanged(PlanChange::everything()); // every view redraws, in the new units
    }
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::readSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    mLayoutDone = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace planner
