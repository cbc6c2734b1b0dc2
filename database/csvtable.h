#pragma once
// RFC 4180 CSV: a header row naming the columns, then one record per row.
// Quoted fields may hold commas, quotes ("") and line breaks. Errors name the
// line so a user can find the bad row in a spreadsheet.

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace planner {

struct CsvTable {
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<int> rowLines; // the line each row starts on (1-based), for messages
};

struct CsvParseResult {
    std::optional<CsvTable> table;
    QString error; // "line 7: unterminated quoted field"
};

CsvParseResult parseCsv(const QString &text);
QString toCsv(const CsvTable &table);

} // namespace planner
