#include "database/csvtable.h"

namespace planner {

namespace {

QString quoted(const QString &field)
{
    const bool needsQuotes = field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"'))
                             || field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return field;
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

CsvParseResult parseCsv(const QString &text)
{
    std::vector<QStringList> records;
    std::vector<int> lines;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int recordLine = 1;

    const auto endField = [&] {
        record << (fieldWasQuoted ? field : field.trimmed());
        field.clear();
        fieldWasQuoted = false;
    };
    const auto endRecord = [&] {
        endField();
        const bool blank = record.size() == 1 && record.first().isEmpty();
        if (!blank) {
            records.push_back(record);
            lines.push_back(recordLine);
        }
        record.clear();
    };

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.trimmed().isEmpty())
                return {std::nullopt, QStringLiteral("line %1: a quote inside an unquoted field").arg(line)};
            field.clear();
            inQuotes = true;
            fieldWasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else if (fieldWasQuoted) {
            if (!c.isSpace())
                return {std::nullopt, QStringLiteral("line %1: text after a closing quote").arg(line)};
        } else {
            field += c;
        }
    }
    if (inQuotes)
        return {std::nullopt, QStringLiteral("line %1: unterminated quoted field").arg(recordLine)};
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (records.empty())
        return {std::nullopt, QStringLiteral("the file has no header row")};

    CsvTable table;
    table.header = records.front();
    for (size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header.size())
            return {std::nullopt, QStringLiteral("line %1: %2 fields, the header has %3")
                                      .arg(lines[r])
                                      .arg(records[r].size())
                                      .arg(table.header.size())};
        table.rows.push_back(records[r]);
        table.rowLines.push_back(lines[r]);
    }
    return {std::move(table), {}};
}

QString toCsv(const CsvTable &table)
{
    QString out;
    const auto writeRecord = [&out](const QStringList &fields) {
        QStringList cells;
        cells.reserve(fields.size());
        for (const QString &f : fields)
            cells << quoted(f);
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    };
    writeRecord(table.header);
    for (const QStringList &row : table.rows)
        writeRecord(row);
    return out;
}

} // namespace planner
