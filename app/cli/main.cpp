// llm-planner-cli: the planner's engine from the shell. Each command parses
// its own options; errors print one line and exit non-zero.

#include "app/cli/calibratecommand.h"
#include "app/cli/catalogcommand.h"
#include "app/cli/clisupport.h"
#include "app/cli/costcommand.h"
#include "app/cli/evaluatecommand.h"
#include "app/cli/exportlaunchcommand.h"
#include "app/cli/fitcommand.h"
#include "app/cli/listcommands.h"
#include "app/cli/perfcommand.h"
#include "app/cli/recommendcommand.h"
#include "app/cli/reportcommand.h"
#include "app/cli/simulatecommand.h"
#include "app/cli/traincommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>
#include <map>
#include <memory>

namespace {

const char *const kUsage = "Usage: llm-planner-cli COMMAND [OPTIONS]\n"
                           "\n"
                           "Commands:\n"
                           "  fit       Per-GPU memory of a model on a deployment: does it fit?\n"
                           "  perf      Serving speed: time to first token, time per token, tokens/s.\n"
                           "  simulate  Serving under a request stream: latency percentiles, goodput, max QPS.\n"
                           "  train     Training or fine-tuning time: tokens/s, MFU, days, GPU-hours.\n"
                           "  calibrate Fit the efficiency factors to your own measurements (CSV).\n"
                           "  cost      On-prem vs cloud: capital, monthly cost, cost per token, break-even.\n"
                           "  recommend The cheapest builds that serve a load within a latency target.\n"
                           "  evaluate  A plan file's verdicts and figures, as the desktop's Summary shows them.\n"
                           "  report    The PDF proposal of a plan file (-o OUT.pdf).\n"
                           "  models    List the built-in model versions.\n"
                           "  gpus      List the catalogue's GPUs (same as 'catalog gpus').\n"
                           "  formats   List the weight and KV-cache formats.\n"
                           "  engines   List the serving-engine profiles.\n"
                           "  catalog   List catalogue parts; export or import a part table as CSV.\n"
                           "  import-model  Read a config.json, safetensors or GGUF header; --add stores it.\n"
                           "  export-launch The launch command or Kubernetes manifest of a plan's scenario.\n"
                           "\n"
                           "Run 'llm-planner-cli COMMAND --help' for a command's options.\n"
                           "Options: --help, --version\n";

} // namespace

int main(int argc, char *argv[])
{
    // `report` paints a PDF with the canvas's QGraphicsScene: it needs a
    // QApplication, offscreen unless a platform is named. Everything else
    // stays a plain QCoreApplication.
    const bool painting = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (painting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a login session (CI, cron, ssh as root) Qt's GUI start-up warns
    // that XDG_RUNTIME_DIR is unset and makes one itself; a private one made
    // here keeps stderr to the command's own one-line messages.
    QTemporaryDir runtimeDir;
    if (painting && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR") && runtimeDir.isValid())
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir.path()));
    const std::unique_ptr<QCoreApplication> app = painting ? std::make_unique<QApplication>(argc, argv)
                                                           : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("llm-planner-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLANNER_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (arguments.size() < 2) {
        err << kUsage;
        return 2;
    }
    if (arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h")) {
        planner::cli::printText(QString::fromUtf8(kUsage));
        return planner::cli::finishOutput(0);
    }
    if (arguments.at(1) == QLatin1String("--version")) {
        planner::cli::printLine(QStringLiteral("llm-planner-cli " PLANNER_VERSION));
        return planner::cli::finishOutput(0);
    }

    using Command = std::function<int(const QStringList &)>;
    const std::map<QString, Command> commands{
        {QStringLiteral("fit"), planner::cli::runFit},
        {QStringLiteral("perf"), planner::cli::runPerf},
        {QStringLiteral("simulate"), planner::cli::runSimulate},
        {QStringLiteral("train"), planner::cli::runTrain},
        {QStringLiteral("calibrate"), planner::cli::runCalibrate},
        {QStringLiteral("cost"), planner::cli::runCost},
        {QStringLiteral("recommend"), planner::cli::runRecommend},
        {QStringLiteral("evaluate"), planner::cli::runEvaluate},
        {QStringLiteral("report"), planner::cli::runReport},
        {QStringLiteral("models"), planner::cli::runModels},
        // `gpus` is short for `catalog gpus`.
        {QStringLiteral("gpus"),
         [](const QStringList &a) {
             return planner::cli::runCatalog(QStringList(a).mid(0, 1) + QStringList{QStringLiteral("gpus")} + a.mid(1));
         }},
        {QStringLiteral("formats"), planner::cli::runFormats},
        {QStringLiteral("engines"), planner::cli::runEngines},
        {QStringLiteral("catalog"), planner::cli::runCatalog},
        {QStringLiteral("import-model"), planner::cli::runImportModel},
        {QStringLiteral("export-launch"), planner::cli::runExportLaunch},
    };
    const QString name = arguments.takeAt(1);
    arguments[0] = QStringLiteral("llm-planner-cli ") + name; // for the command's --help
    const auto command = commands.find(name);
    if (command == commands.end()) {
        planner::cli::printError(QStringLiteral("unknown command '%1' (try --help)").arg(name));
        return 2;
    }
    try {
        return planner::cli::finishOutput(command->second(arguments));
    } catch (const planner::cli::UsageError &error) {
        planner::cli::finishOutput(2);
        planner::cli::printError(QString::fromUtf8(error.what()));
        return 2;
    }
}
