#include "app/cli/reportcommand.h"

#include "app/cli/clisupport.h"
#include "database/planfile.h"
#include "ui/format/money.h"
#include "ui/preferences/preferences.h"
#include "ui/report/proposalwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>

namespace planner::cli {

namespace {

// The desktop application's Preferences (author, memory unit, currency),
// which live in its own settings (organisation and application
// "llm-planner"): by default the report is the document File > Export
// Proposal writes.
Preferences desktopPreferences()
{
    const QString organisation = QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName();
    QCoreApplication::setOrganizationName(QStringLiteral("llm-planner"));
    QCoreApplication::setApplicationName(QStringLiteral("llm-planner"));
    const Preferences preferences = Preferences::load();
    QCoreApplication::setOrganizationName(organisation);
    QCoreApplication::setApplicationName(application);
    return preferences;
}

MemoryUnit memoryUnitOption(const QCommandLineParser &parser, MemoryUnit fallback)
{
    if (!parser.isSet(QStringLiteral("memory-unit")))
        return fallback;
    const QString unit = parser.value(QStringLiteral("memory-unit"));
    if (unit != QLatin1String("GB") && unit != QLatin1String("GiB"))
        throw UsageError(QStringLiteral("--memory-unit expects GB or GiB, got \"%1\"").arg(unit));
    return memoryUnitFromKey(unit);
}

// --currency and --rate, else the desktop's currency. A rate given here is
// dated today.
Currency currencyOption(const QCommandLineParser &parser, const Currency &fallback)
{
    if (!parser.isSet(QStringLiteral("currency")) && !parser.isSet(QStringLiteral("rate")))
        return fallback;
    Currency currency;
    currency.code = parser.isSet(QStringLiteral("currency"))
                        ? parser.value(QStringLiteral("currency")).toUpper().toStdString()
                        : fallback.code;
    if (!currency.isUsd()) {
        if (!parser.isSet(QStringLiteral("rate"))) {
            if (currency.code != fallback.code)
                throw UsageError(QStringLiteral("--currency %1 needs --rate, how many %1 one USD buys")
                                     .arg(QString::fromStdString(currency.code)));
            currency = fallback;
        } else {
            currency.perUsd = parseNumber(QStringLiteral("rate"), parser.value(QStringLiteral("rate")));
            currency.rateDate = QDate::currentDate().toString(Qt::ISODate).toStdString();
        }
    } else if (parser.isSet(QStringLiteral("rate"))) {
        throw UsageError(QStringLiteral("--rate is for a currency other than USD"));
    }
    if (const std::optional<std::string> problem = currencyProblem(currency))
        throw UsageError(QString::fromStdString(*problem));
    return currency;
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
         QStringLiteral("The PDF to write; it is replaced only once completely written."),
         QStringLiteral("FILE")},
        {QStringLiteral("author"), QStringLiteral("Author on the title page (default: the desktop's Preferences)."),
         QStringLiteral("NAME")},
        {QStringLiteral("title"), QStringLiteral("Title (default: the plan's name)."), QStringLiteral("TEXT")},
        {QStringLiteral("currency"),
         QStringLiteral("Currency of the amounts, an ISO 4217 code such as CNY (default: the desktop's Preferences); "
                        "the catalogue's prices stay in USD."),
         QStringLiteral("CODE")},
        {QStringLiteral("rate"),
         QStringLiteral("How many of --currency one USD buys, as you budget; the planner ships no rates."),
         QStringLiteral("PER_USD")},
        {QStringLiteral("memory-unit"),
         QStringLiteral("GB (10^9 bytes) or GiB (2^30 bytes) (default: the desktop's Preferences)."),
         QStringLiteral("UNIT")},
    });
    parseOptions(parser, arguments);
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("report needs exactly one PLAN file (*.llmplan)"));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        throw UsageError(QStringLiteral("report needs -o OUT.pdf, the file to write"));

    const Preferences desktop = desktopPreferences();
    setDisplayCurrency(currencyOption(parser, desktop.currency));
    setMemoryUnit(memoryUnitOption(parser, desktop.memoryUnit));

    const QString planPath = parser.positionalArguments().first();
    const PlanFileResult read = readPlanFile(planPath);
    if (!read.ok())
        throw UsageError(read.error.contains(planPath)
                             ? read.error
                             : QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(planPath), read.error));

    ProposalOptions options;
    options.title = parser.value(QStringLiteral("title"));
    options.author = parser.isSet(QStringLiteral("author")) ? parser.value(QStringLiteral("author")) : desktop.author;
    const QString error = writeProposalPdf(*read.plan, catalogue(), options, output);
    if (!error.isEmpty())
        throw UsageError(error);
    printLine(QStringLiteral("Wrote %1").arg(QDir::toNativeSeparators(output)));
    return 0;
}

} // namespace planner::cli
