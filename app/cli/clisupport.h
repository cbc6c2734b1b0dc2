#pragma once
// Shared plumbing of the command-line tool's commands: a usage error type,
// strict number parsing, id look-ups with helpful messages, and output.

#include "core/model/modelspec.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>

#include <stdexcept>

namespace planner {
class Catalogue;
}

namespace planner::cli {

// Thrown for bad input; main() prints "llm-planner-cli: <message>" and exits 2.
class UsageError : public std::runtime_error
{
public:
    explicit UsageError(const QString &message)
        : std::runtime_error(message.toStdString())
    {
    }
};

// Parses a command's arguments (the first is "llm-planner-cli COMMAND", as
// main() passes it); --help prints the options under that name and exits 0,
// a parse error throws UsageError.
void parseOptions(QCommandLineParser &parser, const QStringList &arguments);

// The text of option --name as a positive (or, with allowZero, non-negative)
// integer / a positive, finite number, or UsageError.
long long parseInteger(const QString &name, const QString &text, bool allowZero = false);
double parseNumber(const QString &name, const QString &text);
// A positive (or, with allowZero, non-negative) integer option, or UsageError.
long long integerOption(const QCommandLineParser &parser, const QString &name, long long fallback,
                        bool allowZero = false);
// The same for a count held in an int (GPUs, servers, parallel sizes, token
// lengths): a value beyond int's range is refused, not wrapped or summed into
// an overflow.
int parseCount(const QString &name, const QString &text, bool allowZero = false);
int countOption(const QCommandLineParser &parser, const QString &name, int fallback, bool allowZero = false);
// A size the engine may choose (parallel sizes, scheduler limits): 0 when
// the option is not given, which the resolution reads as "automatic".
int automaticSizeOption(const QCommandLineParser &parser, const QString &name);
// A count of GPUs, servers or other parts: at most kMaxHardwareCount (core/util/countlimits.h).
int hardwareCountOption(const QCommandLineParser &parser, const QString &name, int fallback);
// A positive, finite number option (accepts 1e12), or UsageError.
double numberOption(const QCommandLineParser &parser, const QString &name, double fallback);

// The catalogue with the user's own layer, opened on first use; problems with
// the user's file are reported on stderr and the shipped catalogue is used.
Catalogue &catalogue();

// A catalogue model id, or a config.json file / model folder to import.
ModelSpec resolveModel(const QString &idOrPath);

// Everything the tool prints goes through these, into stdio's buffer on
// stdout; finishOutput() then tells whether all of it was written.
void printBytes(const QByteArray &bytes); // data as it is (JSON, CSV, scripts)
void printText(const QString &text);      // for people: control characters made visible
// One line on stderr, "llm-planner-cli: " first, control characters made
// visible: names read from files never reach the terminal as escape codes.
void printError(const QString &line);
// Text with every control character but line breaks and tabs (an escape
// sequence's ESC, a carriage return that hides the line before) replaced by U+FFFD.
QString terminalSafe(const QString &text);
void printLine(const QString &line);
void printJson(const QJsonObject &object);
// Flushes stdout. A write that failed (a full disk, /dev/full, a closed pipe)
// is reported on stderr and turns a successful status into 1, so a script
// never takes lost output for a result.
int finishOutput(int status);
QString formatBytes(double bytes); // "84.15 GB (78.37 GiB)"
QString formatCount(double value); // "8,030,261,248"

} // namespace planner::cli
