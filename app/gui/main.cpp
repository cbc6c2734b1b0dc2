// llm-planner: the desktop application.

#include "database/catalogue.h"
#include "ui/mainwindow.h"
#include "ui/preferences/language.h"
#include "ui/preferences/preferences.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <cstring>

namespace {

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("llm-planner"));
    QCoreApplication::setOrganizationName(QStringLiteral("llm-planner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLANNER_VERSION));
}

// Options and arguments; process() prints --help or --version and exits.
void parseArguments(QCommandLineParser &parser, const QCoreApplication &app)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Plan the hardware for serving and training LLMs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("plan"),
                                 QCoreApplication::translate("main", "A plan file (.llmplan) to open."),
                                 QStringLiteral("[plan]"));
    parser.process(app);
}

// --help and --version answer without a display, as other Linux tools do:
// they need no GUI, so they get no QApplication (which would need a screen).
bool asksForInformationOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *option : {"-h", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksForInformationOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        planner::installTranslations(app, planner::interfaceLocale(planner::Preferences::load().language));
        QCommandLineParser parser;
        parseArguments(parser, app);
        return 0;
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QCoreApplication::translate("main", "LLM Deployment Planner"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/llm-planner.svg")));
    // The installed desktop file (packaging/linux): Wayland shells match the window to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.llm_planner.LLMPlanner"));
    planner::installTranslations(app, planner::interfaceLocale(planner::Preferences::load().language));
    QCommandLineParser parser;
    parseArguments(parser, app);

    planner::Catalogue::OpenResult opened = planner::Catalogue::open(planner::Catalogue::defaultUserDatabasePath());
    if (!opened.catalogue) {
        QMessageBox::critical(
            nullptr, QApplication::applicationDisplayName(),
            QCoreApplication::translate("main", "The catalogue cannot be opened:\n%1").arg(opened.error));
        return 1;
    }
    planner::MainWindow window(*opened.catalogue);
    window.show();
    for (const QString &warning : opened.warnings)
        QMessageBox::warning(&window, QCoreApplication::translate("main", "Catalogue"), warning);
    // Recovery comes first even when a plan file is named: opening it must
    // not cost the work autosaved before a crash (it is offered, and the
    // usual "save changes?" question comes before the named plan replaces it).
    window.offerRecovery();
    if (!parser.positionalArguments().isEmpty() && window.maybeSave())
        window.openPlan(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
