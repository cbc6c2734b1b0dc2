// The Simplified Chinese translation: every string of the interface is in the
// .ts file (lupdate over the sources finds nothing it lacks), every one is
// translated with the same placeholders and a keyboard accelerator where the
// English has one, and the compiled-in translation loads and applies.

#include "core/cost/costmodel.h"
#include "core/topology/cluster.h"
#include "ui/format/coremessage.h"
#include "ui/preferences/language.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <map>

using namespace planner;

namespace {

const QString kTsFile = QStringLiteral(PLANNER_SOURCE_DIR "/resources/translations/llm-planner_zh_CN.ts");

struct TsMessage {
    QString context;
    QString source;
    QString comment;
    QString translationType;  // "unfinished", "vanished", "obsolete" or empty
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

std::vector<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    std::vector<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name"))
            context = xml.readElementText();
        else if (name == QLatin1String("message")) {
            current = TsMessage{context, {}, {},
                                {},      {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            messages.push_back(current);
        } else if (name == QLatin1String("source"))
            messages.back().source = xml.readElementText();
        else if (name == QLatin1String("comment"))
            messages.back().comment = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            messages.back().translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (!messages.back().numerus)
                messages.back().translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform"))
            messages.back().translations << xml.readElementText();
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:L?[1-9]|n)"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : pattern.globalMatch(text))
        found.insert(m.captured().remove(QLatin1Char('L')));
    return found;
}

// A keyboard accelerator: "&" before a letter or digit ("&&" is a literal ampersand).
bool hasAccelerator(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("(?<!&)&[\\p{L}\\p{N}]"));
    return pattern.match(text).hasMatch();
}

QString key(const TsMessage &m)
{
    return m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everyStringIsTranslated()
    {
        QString error;
        const std::vector<TsMessage> messages = readTs(kTsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 400);
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
            if (!m.translationType.isEmpty()) {
                problems << QStringLiteral("%1 is %2").arg(where, m.translationType);
                continue;
            }
            if (m.translations.isEmpty()
                || std::any_of(m.translations.begin(), m.translations.end(),
                               [](const QString &t) { return t.trimmed().isEmpty(); })) {
                problems << where + QStringLiteral(" has no translation");
                continue;
            }
            for (const QString &t : m.translations) {
                if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("%1: the translation \"%2\" has other placeholders").arg(where, t);
                if (hasAccelerator(m.source) && !hasAccelerator(t))
                    problems << QStringLiteral("%1: the translation \"%2\" lost its accelerator").arg(where, t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // lupdate over today's sources into a scratch file: every message it
    // finds must already be in the shipped .ts (else the interface shows
    // English there). Run `cmake --build build --target update_translations`.
    void theTsFileIsUpToDate()
    {
        QTemporaryDir dir;
        const QString scratch = dir.filePath(QStringLiteral("llm-planner_zh_CN.ts"));
        QVERIFY(QFile::copy(kTsFile, scratch));
        QFile::setPermissions(scratch, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(PLANNER_LUPDATE),
                      {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-I"), QStringLiteral(PLANNER_SOURCE_DIR),
                       QStringLiteral(PLANNER_SOURCE_DIR "/ui"), QStringLiteral(PLANNER_SOURCE_DIR "/core"),
                       QStringLiteral(PLANNER_SOURCE_DIR "/app/gui/main.cpp"), QStringLiteral("-ts"), scratch});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);

        QString error;
        const std::vector<TsMessage> shipped = readTs(kTsFile, &error);
        const std::vector<TsMessage> current = readTs(scratch, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> known;
        for (const TsMessage &m : shipped)
            known.insert(key(m));
        QStringList missing;
        for (const TsMessage &m : current)
            if (!known.contains(key(m)))
                missing << m.context + QStringLiteral(": \"") + m.source + QLatin1Char('"');
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in the .ts file (run the update_translations target):\n")
                            + missing.join(QLatin1Char('\n'))));
        QCOMPARE(current.size(), shipped.size()); // nothing stale left behind either
    }

    void theTranslationLoadsAndApplies()
    {
        const QLocale before;
        QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QStringLiteral("zh_CN"))));
        QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));
        const QString file = QCoreApplication::translate("planner::MainWindow", "&File");
        QVERIFY2(file != QLatin1String("&File") && hasAccelerator(file), qPrintable(file));
        // A sentence from core/ (a canvas badge): its pattern translated, the
        // part's name filled in as core fills it.
        const PartSnapshot parts;
        Topology topology;
        topology.nodes.push_back({});
        topology.nodes.back().id = 1;
        topology.nodes.back().kind = NodeKind::Server;
        topology.nodes.back().name = "node-a";
        const std::vector<TopologyIssue> issues = checkTopology(topology, parts);
        QVERIFY(!issues.empty());
        QCOMPARE(issues.front().message.text(), std::string("node-a has no CPU: a server needs a host processor"));
        QCOMPARE(translated(issues.front().message), QStringLiteral("node-a 没有 CPU：服务器需要主机处理器"));
        // A validation problem: its pattern is translated too, and it names its field.
        CostAssumptions costs;
        costs.pue.value = 7;
        const std::vector<Problem> problems = validate(costs);
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems.front().field, std::string("pue"));
        QCOMPARE(translated(problems.front().message), QStringLiteral("PUE 必须在 1 到 5 之间，当前为 7"));
        QLocale::setDefault(before);
    }

    void languagesOffered()
    {
        const std::vector<InterfaceLanguage> languages = interfaceLanguages();
        QCOMPARE(languages.front().code, QString()); // the system's first
        QCOMPARE(interfaceLocale(QStringLiteral("zh_CN")).name(), QStringLiteral("zh_CN"));
        QCOMPARE(interfaceLocale(QStringLiteral("xx_YY")), QLocale::system());
        QCOMPARE(interfaceLocale(QString()), QLocale::system());
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"
