#include "app/cli/clisupport.h"

#include "core/units/units.h"
#include "core/util/countlimits.h"
#include "database/catalogue.h"
#include "database/hfconfigimporter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace planner::cli {

void parseOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments))
        throw UsageError(parser.errorText());
    if (!parser.isSet(QStringLiteral("help")))
        return;
    // Qt's usage line names the binary's path; name the command as typed.
    QString text = parser.helpText();
    const QString qtUsage = QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
    if (text.startsWith(qtUsage))
        text.replace(0, qtUsage.size(), QStringLiteral("Usage: ") + arguments.constFirst());
    printText(text);
    std::exit(finishOutput(0));
}

long long parseInteger(const QString &name, const QString &text, bool allowZero)
{
    bool ok = false;
    const long long value = text.toLongLong(&ok);
    if (!ok || value < 0 || (value == 0 && !allowZero))
        throw UsageError(QStringLiteral("--%1 expects a %2 integer, got '%3'")
                             .arg(name, allowZero ? QStringLiteral("non-negative") : QStringLiteral("positive"), text));
    return value;
}

long long integerOption(const QCommandLineParser &parser, const QString &name, long long fallback, bool allowZero)
{
    return parser.isSet(name) ? parseInteger(name, parser.value(name), allowZero) : fallback;
}

int parseCount(const QString &name, const QString &text, bool allowZero)
{
    const long long value = parseInteger(name, text, allowZero);
    if (value > std::numeric_limits<int>::max())
        throw UsageError(QStringLiteral("--%1 expects an integer up to %2, got '%3'")
                             .arg(name, QString::number(std::numeric_limits<int>::max()), text));
    return static_cast<int>(value);
}

int countOption(const QCommandLineParser &parser, const QString &name, int fallback, bool allowZero)
{
    return parser.isSet(name) ? parseCount(name, parser.value(name), allowZero) : fallback;
}

int automaticSizeOption(const QCommandLineParser &parser, const QString &name)
{
    return parser.isSet(name) ? countOption(parser, name, 1) : 0;
}

int hardwareCountOption(const QCommandLineParser &parser, const QString &name, int fallback)
{
    const int count = countOption(parser, name, fallback);
    if (count > kMaxHardwareCount)
        throw UsageError(QStringLiteral("--%1 expects at most %2 (more than any cluster built), got %3")
                             .arg(name)
                             .arg(kMaxHardwareCount)
                             .arg(count));
    return count;
}

Catalogue &catalogue()
{
    static std::unique_ptr<Catalogue> opened = [] {
        Catalogue::OpenResult result = Catalogue::open(Catalogue::defaultUserDatabasePath());
        for (const QString &warning : result.warnings)
            printError(QStringLiteral("warning: ") + warning);
        if (!result.catalogue)
            throw UsageError(result.error);
        return std::move(result.catalogue);
    }();
    return *opened;
}

double parseNumber(const QString &name, const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value <= 0)
        throw UsageError(QStringLiteral("--%1 expects a positive number, got '%2'").arg(name, text));
    return value;
}

double numberOption(const QCommandLineParser &parser, const QString &name, double fallback)
{
    return parser.isSet(name) ? parseNumber(name, parser.value(name)) : fallback;
}

ModelSpec resolveModel(const QString &idOrPath)
{
    if (auto known = catalogue().find<ModelSpec>(idOrPath))
        return *known;
    if (!QFileInfo::exists(idOrPath))
        throw UsageError(QStringLiteral("unknown model '%1': not a catalogue id (see 'llm-planner-cli catalog models') "
                                        "and no such config.json file or model folder")
                             .arg(idOrPath));
    const ModelImportResult result = importHuggingFaceConfig(idOrPath);
    if (!result.ok()) {
        QStringList messages;
        for (const ImportError &error : result.errors)
            messages << error.message;
        throw UsageError(QStringLiteral("cannot import '%1': %2").arg(idOrPath, messages.join(QStringLiteral("; "))));
    }
    return *result.spec;
}

namespace {
int firstWriteError = 0; // errno of the first write to stdout that failed
}

void printBytes(const QByteArray &bytes)
{
    const size_t size = static_cast<size_t>(bytes.size());
    if (std::fwrite(bytes.constData(), 1, size, stdout) != size && firstWriteError == 0)
        firstWriteError = errno;
}

QString terminalSafe(const QString &text)
{
    QString safe = text;
    for (QChar &c : safe) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f);
        if (control)
            c = QChar::ReplacementCharacter;
    }
    return safe;
}

void printText(const QString &text)
{
    printBytes(terminalSafe(text).toUtf8());
}

void printError(const QString &line)
{
    QTextStream(stderr) << "llm-planner-cli: " << terminalSafe(line) << '\n';
}

void printLine(const QString &line)
{
    printText(line + QLatin1Char('\n'));
}

void printJson(const QJsonObject &object)
{
    printBytes(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

int finishOutput(int status)
{
    errno = 0;
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return status;
    const int error = firstWriteError != 0 ? firstWriteError : errno;
    QTextStream(stderr) << "llm-planner-cli: the output could not be written"
                        << (error != 0 ? QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(std::strerror(error)))
                                       : QString())
                        << '\n';
    return status == 0 ? 1 : status;
}

QString formatBytes(double bytes)
{
    const QLocale c = QLocale::c();
    return QStringLiteral("%1 GB (%2 GiB)")
        .arg(c.toString(bytes / units::kGB, 'f', 2), c.toString(bytes / units::kGiB, 'f', 2));
}

QString formatCount(double value)
{
    return QLocale(QLocale::English).toString(static_cast<qlonglong>(value));
}

} // namespace planner::cli
