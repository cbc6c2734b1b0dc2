// Guards the layering rule in CONVENTIONS.md: core/ is standard C++ and
// Boost.Units only, so that the engine builds and tests without Qt and the
// library targets cannot grow a dependency the wrong way. CMake enforces the
// link side (planner_core links no Qt); this test catches an include of a Qt
// header that would only fail on a machine without Qt.

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
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

bool isSourceFile(const QString &path)
{
    static const QStringList suffixes{QStringLiteral("h"), QStringLiteral("hpp"), QStringLiteral("cpp"),
                                      QStringLiteral("cc"), QStringLiteral("cxx"), QStringLiteral("inl")};
    return suffixes.contains(QFileInfo(path).suffix());
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT

private slots:
    void detectsQtHeaders_data();
    void detectsQtHeaders();
    void coreIncludesNoQtHeader();
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
    const QString target = includedName(line);
    QCOMPARE(!target.isEmpty() && isQtHeader(target), qt);
}

void TestLayering::coreIncludesNoQtHeader()
{
    const QString root = QStringLiteral(PLANNER_SOURCE_DIR "/core");
    QVERIFY2(QFileInfo(root).isDir(), qPrintable(QStringLiteral("no core directory at ") + root));

    QStringList violations;
    QStringList scanned;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!isSourceFile(path))
            continue;
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(QStringLiteral("cannot read ") + path));
        scanned << path;
        int lineNumber = 0;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine());
            ++lineNumber;
            const QString target = includedName(line);
            if (!target.isEmpty() && isQtHeader(target))
                violations << QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(line.trimmed());
        }
    }

    // A wrong root or a filter slip would otherwise pass with nothing checked.
    QVERIFY2(scanned.size() >= 10, qPrintable(QStringLiteral("only %1 files found under %2").arg(scanned.size()).arg(root)));
    QVERIFY2(scanned.contains(root + QStringLiteral("/model/modelspec.h")), "core/model/modelspec.h was not scanned");
    QVERIFY2(violations.isEmpty(),
             qPrintable(QStringLiteral("core/ must not include Qt headers:\n") + violations.join(QLatin1Char('\n'))));
}

QTEST_APPLESS_MAIN(TestLayering)

#include "test_layering.moc"
