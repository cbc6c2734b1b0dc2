#pragma once
// The planner's main window: the topology canvas in the centre, the parts
// palette, workload and costs panels, inspector, live summary, analysis
// charts, model versions and undo history as docks; File/Edit/View/Scenario/
// Help menus with the standard shortcuts, the PDF proposal (File) and the
// launch command export (Scenario).
//
// The window owns one PlanDocument. Files go through database/planfile.h;
// every edit through ui/document/planedits.h. Window layout and recent files
// persist in QSettings; a modified plan is autosaved (every minute unless
// Preferences say otherwise) to the
// application-data folder and offered back after a crash.

#include "core/topology/topology.h"

#include <QMainWindow>

#include <set>

class QActionGroup;
class QComboBox;
class QMenu;
class QTableView;
class QTimer;

namespace planner {

class Catalogue;
class AnalysisPanel;
class CostPanel;
class InspectorPanel;
class ModelVersionTableModel;
class PartsPalette;
class PlanDocument;
struct Preferences;
struct ProposalOptions;
class SideBySidePanel;
class SummaryPanel;
class TopologyScene;
class TopologyView;
class WorkloadPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The first layout's share of the width for the palette (left) and for
    // the Workload, Costs, Inspector and History tabs (right).
    static constexpr int kLeftDockPercent = 20;
    static constexpr int kRightDockPercent = 28;

    explicit MainWindow(Catalogue &catalogue, QWidget *parent = nullptr);
    ~MainWindow() override;

    PlanDocument *document() const { return mDocument; }
    TopologyScene *scene() const { return mScene; }
    TopologyView *view() const { return mView; }
    PartsPalette *palette() const { return mPalette; }
    SummaryPanel *summary() const { return mSummary; }
    WorkloadPanel *workload() const { return mWorkload; }
    CostPanel *costs() const { return mCosts; }
    AnalysisPanel *analysis() const { return mAnalysis; }
    SideBySidePanel *sideBySide() const { return mSideBySide; }
    QTableView *modelTable() const { return mModelTable; }

    // Opens a plan file (or a sample from the resources); false with a message box on failure.
    bool openPlan(const QString &path);
    // Writes the plan; false (and a message) when it could not be written.
    bool savePlanTo(const QString &path);
    // Writes the PDF proposal (author from Preferences, or as given) with a
    // progress dialog, the window painting throughout; false (and a message)
    // on failure, false (and a status-bar note) when the user cancelled.
    bool exportProposalTo(const QString &path);
    bool exportProposalTo(const QString &path, const ProposalOptions &options);
    // After a crash: the autosaved plan, if there is one, offered back with
    // the file it belongs to.
    void offerRecovery();
    static QString autosavePath();
    // Writes a modified plan to autosavePath() and notes its file; the
    // autosave timer calls it.
    void autosave();
    // With unsaved changes, asks whether to save them first; false: the user cancelled.
    bool maybeSave();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void forgetAutosave(); // once saved, closed or declined
    // Shrinks and moves the window, frame included, into the screen's available area.
    void fitOnScreen();
    void setAsideDamagedAutosave(const QString &reason);
    void createDocks();
    void createActions();
    void createToolBar();
    void addFocusActions(QMenu *menu);
    void newPlan();
    void open();
    bool save();
    bool saveAs();
    void updateTitle();
    void updateScenarioBox();
    void addRecentFile(const QString &path);
    void updateRecentMenu();
    void copySelection();
    void cutSelection();
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void selectAll();
    void addScenario();
    void renameScenario();
    void removeScenario();
    void exportProposal();
    void exportLaunchCommand();
    void importModel();
    void editPreferences();
    void applyPreferences(const Preferences &preferences);
    void showMessage(const QString &text);
    void readSettings();
    void writeSettings() const;

    Catalogue &mCatalogue;
    PlanDocument *mDocument = nullptr;
    TopologyScene *mScene = nullptr;
    TopologyView *mView = nullptr;
    PartsPalette *mPalette = nullptr;
    WorkloadPanel *mWorkload = nullptr;
    CostPanel *mCosts = nullptr;
    AnalysisPanel *mAnalysis = nullptr;
    SideBySidePanel *mSideBySide = nullptr;
    InspectorPanel *mInspector = nullptr;
    SummaryPanel *mSummary = nullptr;
    ModelVersionTableModel *mModelVersions = nullptr;
    QTableView *mModelTable = nullptr;
    QMenu *mViewMenu = nullptr;
    QMenu *mRecentMenu = nullptr;
    QComboBox *mScenarioBox = nullptr;
    QComboBox *mLinkBox = nullptr;
    QActionGroup *mToolGroup = nullptr;
    QTimer *mAutosaveTimer = nullptr;
    // In-process clipboard: copied servers with their parts and links.
    Topology mClipboard;
    std::set<int> mClipboardServers;
    int mPasteCount = 0;
    bool mLayoutDone = false; // a saved layout was restored, or the first one applied
};

} // namespace planner
