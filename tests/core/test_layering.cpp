// Guards the layering rules of DESIGN.md (app/ -> ui/ -> database/ -> core/):
//   - core/ is standard C++ and Boost.Units only, so that the engine builds and
//     tests without Qt. CMake enforces the link side (planner_core links no Qt,
//     and PLANNER_CORE_ONLY builds it with no Qt at all); this test catches an
//     include of a Qt header that would only fail on a machine without Qt.
//   - only database/ runs SQL: no QtSql header elsewhere;
//   - only ui/ and app/ draw: no QtGui, QtWidgets, QtCharts, QtPrintSupport,
//     QtSvg or QtOpenGL header in core/ or database/;
//   - only core/ does sizing arithmetic: no hard-coded bandwidth, latency,
//     efficiency, FLOP/s, overhead or utilisation figures in database/, ui/ or app/.
// tests/ is exempt from all of them. Each detector is checked against its own
// rows first, so that a regex slip cannot make a check over the tree vacuous.

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

namespace {

// The header names an #include line refers to, or an empty string.
QString includedName(const QString &line)
{
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])"));
    const QRegularExpressionMatch match = include.match(line);
    return match.hasMatch() ? match.captured(1) + match.captured(2) : QString();
}

// Whether an include target (with its opening < or ") is a Qt header:
//   <QString>, <QtCore/QObject>, "QObject"   - Qt's class headers start with Q;
//   <qtconcurrentrun.h>, <qtcoreexports.h>    - the qt* helper headers;
//   <qstring.h>, <qglobal.h>                  - lower-case q*.h headers, recognised
//                                               by looking them up in Qt's own
//                                               include directory, so that a
//                                               non-Qt <quadmath.h> passes.
bool isQtHeader(const QString &target)
{
    if (target.size() < 2)
        return false;
    const QString name = target.mid(1);
    const QString first = name.section(QLatin1Char('/'), 0, 0);
    if (first.startsWith(QLatin1Char('Q')) || first.startsWith(QLatin1String("qt")))
        return true;
    if (name.startsWith(QLatin1Char('q')) && name.endsWith(QLatin1String(".h")) && !name.contains(QLatin1Char('/'))) {
        const QString headers = QLibraryInfo::path(QLibraryInfo::HeadersPath);
        for (const char *module : {"QtCore", "QtGui", "QtWidgets", "QtSql", "QtTest"})
            if (QFileInfo::exists(headers + QLatin1Char('/') + QLatin1String(module) + QLatin1Char('/') + name))
                return true;
    }
    return false;
}

// Whether an include target (with its opening < or ") is a header of one of
// the Qt modules: <QtSql/QSqlQuery> by its module path, <QSqlQuery> and
// <qsqlquery.h> by looking the name up in each module's include directory,
// which is robust to class names that carry no module prefix (QPdfWriter is
// QtGui's, QPrinter QtPrintSupport's, QChartView QtCharts').
bool isModuleHeader(const QString &target, const QStringList &modules)
{
    if (target.size() < 2)
        return false;
    const QString name = target.mid(1);
    if (!name.startsWith(QLatin1Char('Q')) && !name.startsWith(QLatin1Char('q')))
        return false;
    if (name.contains(QLatin1Char('/')))
        return modules.contains(name.section(QLatin1Char('/'), 0, 0));
    const QString headers = QLibraryInfo::path(QLibraryInfo::HeadersPath);
    for (const QString &module : modules)
        if (QFileInfo::exists(headers + QLatin1Char('/') + module + QLatin1Char('/') + name))
            return true;
    return false;
}

const QStringList sqlModules{QStringLiteral("QtSql")};
// The GUI toolkit: everything that paints, lays out, prints or shows a chart.
const QStringList guiModules{QStringLiteral("QtGui"),    QStringLiteral("QtWidgets"),
                             QStringLiteral("QtCharts"), QStringLiteral("QtPrintSupport"),
                             QStringLiteral("QtSvg"),    QStringLiteral("QtSvgWidgets"),
                             QStringLiteral("QtOpenGL"), QStringLiteral("QtOpenGLWidgets")};

bool includesQtSql(const QString &line)
{
    const QString target = includedName(line);
    return !target.isEmpty() && isModuleHeader(target, sqlModules);
}

bool includesGuiToolkit(const QString &line)
{
    const QString target = includedName(line);
    return !target.isEmpty() && isModuleHeader(target, guiModules);
}

// Whether a line hard-codes a figure that sizing arithmetic uses, which
// belongs in core/ (with its source) and nowhere above it:
//   - a constexpr floating-point (or units::) constant, or a const one set
//     from a bare number (or a units:: quantity of one), whose name mentions
//     bandwidth, latency, efficiency, FLOPs, overhead or utilisation:
//     `constexpr double kLinkLatency = 5e-6;`
//   - a non-zero decimal or exponent literal given to units::seconds,
//     units::gigabytesPerSecond or units::teraflopsPerSecond:
//     `units::seconds(5e-6)`, `units::seconds(0.5 * hops)` (the argument
//     starting with the literal). Integers and zero stay allowed: they are
//     counts and empty defaults rather than measured figures.
// What follows // is ignored, so comments may quote such code.
bool isSizingConstant(const QString &line)
{
    static const QRegularExpression declaration(QStringLiteral(
        R"(\b(constexpr|const)\s+(?:(?:static|inline)\s+)*(double|float|long\s+double|qreal|auto|units::\w+)\s+(\w+)\s*[={]\s*([^;]*))"));
    static const QRegularExpression sizingName(
        QStringLiteral("bandwidth|latency|efficiency|flops|overhead|utili[sz]ation"),
        QRegularExpression::CaseInsensitiveOption);
    // A number, an arithmetic of numbers, or a units:: quantity of one.
    static const QRegularExpression bareNumber(
        QStringLiteral(R"(^\s*(?:units::\w+\s*\()?[-+(\s]*[0-9.][0-9.eE+\-*/()'\s]*[fFlL]?[)\s]*\}?\s*$)"));
    static const QRegularExpression unitsLiteral(QStringLiteral(
        R"(\bunits::(?:seconds|gigabytesPerSecond|teraflopsPerSecond)\s*\(\s*([-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?)[fFlL]?(?![\w.]))"));

    const QString code = line.section(QStringLiteral("//"), 0, 0);
    const QRegularExpressionMatch decl = declaration.match(code);
    if (decl.hasMatch() && sizingName.match(decl.captured(3)).hasMatch()) {
        const bool constexprValue = decl.captured(1) == QLatin1String("constexpr")
                                    && decl.captured(2) != QLatin1String("auto");
        if (constexprValue || bareNumber.match(decl.captured(4)).hasMatch())
            return true;
    }
    QRegularExpressionMatchIterator literals = unitsLiteral.globalMatch(code);
    while (literals.hasNext()) {
        const QString literal = literals.next().captured(1);
        const bool decimalOrExponent = literal.contains(QLatin1Char('.'))
                                       || literal.contains(QLatin1Char('e'), Qt::CaseInsensitive);
        if (decimalOrExponent && literal.toDouble() != 0)
            return true;
    }
    return false;
}

bool isSourceFile(const QString &path)
{
    static const QStringList suffixes{QStringLiteral("h"),  QStringLiteral("hpp"), QStringLiteral("cpp"),
                                      QStringLiteral("cc"), QStringLiteral("cxx"), QStringLiteral("inl")};
    return suffixes.contains(QFileInfo(path).suffix());
}

// The lines of the source files under PLANNER_SOURCE_DIR/<layer> that break
// `rule`, as "path:line: text"; an unreadable file counts as a violation. The
// files read go to `scanned`, so that a caller can tell an empty scan from a
// clean one.
QStringList violationsUnder(const QStringList &layers, bool (*rule)(const QString &), QStringList *scanned)
{
    QStringList violations;
    for (const QString &layer : layers) {
        QDirIterator it(QStringLiteral(PLANNER_SOURCE_DIR "/") + layer, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!isSourceFile(path))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
                violations << path + QStringLiteral(": cannot read");
                continue;
            }
            *scanned << path;
            int lineNumber = 0;
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine());
                ++lineNumber;
                if (rule(line))
                    violations << QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(line.trimmed());
            }
        }
    }
    return violations;
}

// A file each layer is known to have: if it was not scanned, the root or the
// file filter is wrong and the check would pass with nothing checked.
QString knownFile(const QString &layer)
{
    static const QHash<QString, QString> files{
        {QStringLiteral("core"), QStringLiteral("core/model/modelspec.h")},
        {QStringLiteral("database"), QStringLiteral("database/catalogue.cpp")},
        {QStringLiteral("ui"), QStringLiteral("ui/mainwindow.cpp")},
        {QStringLiteral("app"), QStringLiteral("app/cli/main.cpp")},
    };
    return QStringLiteral(PLANNER_SOURCE_DIR "/") + files.value(layer);
}

void checkLayers(const QStringList &layers, bool (*rule)(const QString &), const QString &what)
{
    QStringList scanned;
    const QStringList violations = violationsUnder(layers, rule, &scanned);
    for (const QString &layer : layers)
        QVERIFY2(scanned.contains(knownFile(layer)), qPrintable(knownFile(layer) + QStringLiteral(" was not scanned")));
    const QString found = QStringLiteral("only %1 files found under ").arg(scanned.size())
                          + layers.join(QLatin1Char(' '));
    QVERIFY2(scanned.size() >= 10 * layers.size(), qPrintable(found));
    QVERIFY2(violations.isEmpty(), qPrintable(what + QStringLiteral(":\n") + violations.join(QLatin1Char('\n'))));
}

bool includesQt(const QString &line)
{
    const QString target = includedName(line);
    return !target.isEmpty() && isQtHeader(target);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void detectsQtHeaders_data();
    void detectsQtHeaders();
    void detectsModuleHeaders_data();
    void detectsModuleHeaders();
    void detectsSizingConstants_data();
    void detectsSizingConstants();

    void coreIncludesNoQtHeader();
    void onlyDatabaseIncludesQtSql();
    void onlyUiAndAppIncludeGuiToolkit();
    void onlyCoreHasSizingConstants();
};

void TestLayering::detectsQtHeaders_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("qt");

    // The detector itself, so that a regex slip cannot make the real check vacuous.
    QTest::newRow("class header") << QStringLiteral("#include <QString>") << true;
    QTest::newRow("module path") << QStringLiteral("#include <QtCore/QObject>") << true;
    QTest::newRow("quoted class header") << QStringLiteral("#include \"QObject\"") << true;
    QTest::newRow("qt helper header") << QStringLiteral("#include <qtconcurrentrun.h>") << true;
    QTest::newRow("lower-case q header") << QStringLiteral("#include <qstring.h>") << true;
    QTest::newRow("spaced directive") << QStringLiteral("  #  include   <QVector>") << true;
    QTest::newRow("std queue") << QStringLiteral("#include <queue>") << false;
    QTest::newRow("quadmath") << QStringLiteral("#include <quadmath.h>") << false;
    QTest::newRow("boost") << QStringLiteral("#include <boost/units/quantity.hpp>") << false;
    QTest::newRow("project header") << QStringLiteral("#include \"core/model/precision.h\"") << false;
    QTest::newRow("not an include") << QStringLiteral("// QString is not used here") << false;
}

void TestLayering::detectsQtHeaders()
{
    QFETCH(QString, line);
    QFETCH(bool, qt);
    QCOMPARE(includesQt(line), qt);
}

void TestLayering::detectsModuleHeaders_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("sql");
    QTest::addColumn<bool>("gui");

    QTest::newRow("QSqlQuery") << QStringLiteral("#include <QSqlQuery>") << true << false;
    QTest::newRow("QtSql module path") << QStringLiteral("#include <QtSql/QSqlDatabase>") << true << false;
    QTest::newRow("QtSql module header") << QStringLiteral("#include <QtSql>") << true << false;
    QTest::newRow("lower-case qsqlquery.h") << QStringLiteral("#include <qsqlquery.h>") << true << false;
    QTest::newRow("QWidget") << QStringLiteral("#include <QWidget>") << false << true;
    QTest::newRow("QtWidgets module path") << QStringLiteral("#include <QtWidgets/QLabel>") << false << true;
    QTest::newRow("QApplication") << QStringLiteral("#include <QApplication>") << false << true;
    QTest::newRow("QGraphicsScene") << QStringLiteral("#include <QGraphicsScene>") << false << true;
    QTest::newRow("QAbstractButton") << QStringLiteral("#include <QAbstractButton>") << false << true;
    QTest::newRow("QDialog") << QStringLiteral("#include \"QDialog\"") << false << true;
    QTest::newRow("QMainWindow") << QStringLiteral("#include <QMainWindow>") << false << true;
    QTest::newRow("QChartView") << QStringLiteral("#include <QChartView>") << false << true;
    QTest::newRow("QtCharts module path") << QStringLiteral("#include <QtCharts/QLineSeries>") << false << true;
    QTest::newRow("QPdfWriter (QtGui)") << QStringLiteral("#include <QPdfWriter>") << false << true;
    QTest::newRow("QPrinter") << QStringLiteral("#include <QPrinter>") << false << true;
    QTest::newRow("QColor") << QStringLiteral("#include <QColor>") << false << true;
    QTest::newRow("QSvgRenderer") << QStringLiteral("#include <QSvgRenderer>") << false << true;
    QTest::newRow("lower-case qwidget.h") << QStringLiteral("#include <qwidget.h>") << false << true;
    QTest::newRow("QString (QtCore)") << QStringLiteral("#include <QString>") << false << false;
    QTest::newRow("QJsonObject (QtCore)") << QStringLiteral("#include <QJsonObject>") << false << false;
    QTest::newRow("QtCore module path") << QStringLiteral("#include <QtCore/QVariant>") << false << false;
    QTest::newRow("std queue") << QStringLiteral("#include <queue>") << false << false;
    QTest::newRow("project header") << QStringLiteral("#include \"ui/format/money.h\"") << false << false;
    QTest::newRow("not an include") << QStringLiteral("QSqlQuery query(db); // QWidget") << false << false;
}

void TestLayering::detectsModuleHeaders()
{
    QFETCH(QString, line);
    QFETCH(bool, sql);
    QFETCH(bool, gui);
    QCOMPARE(includesQtSql(line), sql);
    QCOMPARE(includesGuiToolkit(line), gui);
}

void TestLayering::detectsSizingConstants_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("sizing");

    QTest::newRow("constexpr latency") << QStringLiteral("constexpr double kDefaultScaleOutLatencySeconds = 5e-6;")
                                       << true;
    QTest::newRow("static constexpr bandwidth")
        << QStringLiteral("    static constexpr double kPcieBandwidthGBps = 64.0;") << true;
    QTest::newRow("inline constexpr efficiency")
        << QStringLiteral("inline constexpr float kComputeEfficiency{0.6f};") << true;
    QTest::newRow("constexpr tflops") << QStringLiteral("constexpr double kPeakTflops = 989;") << true;
    QTest::newRow("const overhead from a number")
        << QStringLiteral("const double engineOverhead = 1.5 * 1024;") << true;
    QTest::newRow("const utilisation") << QStringLiteral("const double gpuUtilisation = 0.9;") << true;
    QTest::newRow("const utilization") << QStringLiteral("const qreal utilization = .85;") << true;
    QTest::newRow("constexpr auto from a number") << QStringLiteral("constexpr auto kFlopsPerToken = 2e9;") << true;
    QTest::newRow("const units quantity of a number")
        << QStringLiteral("static const units::BytesPerSecond kNicBandwidth = units::gigabytesPerSecond(50);") << true;
    QTest::newRow("const float with suffix") << QStringLiteral("const float hostOverhead = (2.0f);") << true;
    QTest::newRow("seconds exponent") << QStringLiteral("o.latency = units::seconds(5e-6);") << true;
    QTest::newRow("seconds decimal") << QStringLiteral("return units::seconds(0.25);") << true;
    QTest::newRow("seconds literal times hops") << QStringLiteral("units::seconds(1.5e-6 * hops)") << true;
    QTest::newRow("bandwidth decimal") << QStringLiteral("link.bandwidth = units::gigabytesPerSecond(25.0);") << true;
    QTest::newRow("teraflops exponent") << QStringLiteral("gpu.bf16 = units::teraflopsPerSecond(1E3);") << true;
    QTest::newRow("seconds integer") << QStringLiteral("units::seconds(0)") << false;
    QTest::newRow("seconds zero decimal") << QStringLiteral("units::seconds(0.0)") << false;
    QTest::newRow("bandwidth integer") << QStringLiteral("units::gigabytesPerSecond(0)") << false;
    QTest::newRow("seconds of a variable") << QStringLiteral("units::seconds(latencyUs * 1e-6)") << false;
    QTest::newRow("seconds of a float variable") << QStringLiteral("units::seconds(value.toDouble())") << false;
    QTest::newRow("const latency from a result")
        << QStringLiteral("const double latencyMs = units::inSeconds(p.tpot) * 1000;") << false;
    QTest::newRow("const auto efficiency from a call")
        << QStringLiteral("const auto efficiency = efficiencyFor(e, g);") << false;
    QTest::newRow("constexpr auto overhead names")
        << QStringLiteral("constexpr auto kOverheadNames = std::array{\"runtime\", \"reserve\"};") << false;
    QTest::newRow("constexpr GiB") << QStringLiteral("constexpr double kGiB = units::kGiB;") << false;
    QTest::newRow("constexpr int bandwidth") << QStringLiteral("constexpr int kBandwidthColumn = 3;") << false;
    QTest::newRow("parameter") << QStringLiteral("QString latencyText(const double latency)") << false;
    QTest::newRow("comment") << QStringLiteral("// was: constexpr double kLatency = 5e-6; units::seconds(5e-6)")
                             << false;
    QTest::newRow("gibibytes decimal") << QStringLiteral("units::gibibytes(0.5)") << false;
}

void TestLayering::detectsSizingConstants()
{
    QFETCH(QString, line);
    QFETCH(bool, sizing);
    QCOMPARE(isSizingConstant(line), sizing);
}

void TestLayering::coreIncludesNoQtHeader()
{
    checkLayers({QStringLiteral("core")}, includesQt, QStringLiteral("core/ must not include Qt headers"));
}

void TestLayering::onlyDatabaseIncludesQtSql()
{
    checkLayers({QStringLiteral("app"), QStringLiteral("core"), QStringLiteral("ui")}, includesQtSql,
                QStringLiteral("only database/ may include QtSql headers (SQL stays behind database/)"));
}

void TestLayering::onlyUiAndAppIncludeGuiToolkit()
{
    checkLayers({QStringLiteral("core"), QStringLiteral("database")}, includesGuiToolkit,
                QStringLiteral("only ui/ and app/ may include GUI toolkit headers (QtGui, QtWidgets, QtCharts, ...)"));
}

void TestLayering::onlyCoreHasSizingConstants()
{
    checkLayers({QStringLiteral("app"), QStringLiteral("database"), QStringLiteral("ui")}, isSizingConstant,
                QStringLiteral("sizing figures (bandwidth, latency, efficiency, FLOPs, overhead, utilisation) "
                               "belong in core/ with their source"));
}

QTEST_APPLESS_MAIN(TestLayering)

#include "test_layering.moc"
