#include "app/cli/reportcommand.h"

#include "app/cli/clisupport.h"
#include "database/planfile.h"
#include "ui/preferences/preferences.h"
#include "ui/report/proposalwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace planner::cli {

namespace {

// The author in the desktop application's Preferences, which live in its
// own settings (organisation and application "llm-planner").
QString desktopAuthor()
{
    const QString organisation = QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName();
    QCoreApplication::setOrganizationName(QStringLiteral("llm-planner"));
    QCoreApplication::setApplicationName(QStringLiteral("llm-planner"));
    const QString author = Preferences::load().author;
    QCoreApplication::setOrganizationName(organisation);
    QCoreApplication::setApplicationName(application);
    return author;
}

} // namespace

int runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the PDF proposal of PLAN: title page, executive summary (the recommended scenario, what it serves "
        "and costs, the break-even), bill of materials per scenario, topology pictures, the analysis charts, the "
        "model-version table and every assumption with its source - the same document as the desktop's File > Export Proposal."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("plan"), QStringLiteral("a plan file (*.llmplan)"));
    parser.addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The PDF to write; it is replaced only once completely written."), QStringLiteral("FILE")},
        {QStringLiteral("author"), QStringLiteral("Author on the title page (default: the desktop's Preferences)."),
         QStringLiteral("NAME")},
        {QStringLiteral("title"), QStringLiteral("Title (default: the plan's name)."), QStringLiteral("TEXT")},
    });
    parseOptions(parser, arguments);
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("report needs exactly one PLAN file (*.llmplan)"));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        throw UsageError(QStringLiteral("report needs -o OUT.pdf, the file to write"));

    const QString planPath = parser.positionalArguments().first();
    const PlanFileResult read = readPlanFile(planPath);
    if (!read.ok())
        throw UsageError(read.error.contains(planPath) ? read.error
                                                        : QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(planPath), read.error));

    ProposalOptions options;
    options.title = parser.value(QStringLiteral("title"));
    options.author = parser.isSet(QStringLiteral("author")) ? parser.value(QStringLiteral("author")) : desktopAuthor();
    const QString error = writeProposalPdf(*read.plan, catalogue(), options, output);
    if (!error.isEmpty())
        throw UsageError(error);
    printLine(QStringLiteral("Wrote %1").arg(QDir::toNativeSeparators(output)));
    return 0;
}

} // namespace planner::cli
