// Every error path of llm-planner-cli, command by command: bad options,
// unknown ids, impossible numbers, missing and malformed files. Each must
// exit with status 2, print nothing on stdout and exactly one line on stderr
// that names the problem. Then valid but extreme inputs (the largest and
// smallest figures the options take): whatever they answer, no output may
// contain NaN or infinity.

#include "support/clirun.h"
#include "support/jsonedit.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using planner::testsupport::CliResult;

class TestCliErrors : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir mDataHome;
    QTemporaryDir mFiles;

    CliResult run(const QStringList &arguments) const
    {
        return planner::testsupport::runCli(mDataHome.path(), arguments, 60000);
    }

    QString file(const char *name) const { return mFiles.filePath(QLatin1String(name)); }

    void write(const char *name, const QByteArray &bytes) const
    {
        QFile f(file(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }

    static QString samplePlan()
    {
        return QStringLiteral(PLANNER_SOURCE_DIR "/tests/fuzz/corpus/plan/r1-distill-qwen-32b-2x-rtx4090.llmplan");
    }

    // The sample plan with the value at one dotted path replaced.
    static QByteArray samplePlanWith(const QString &path, const QJsonValue &value)
    {
        QFile f(samplePlan());
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return planner::testsupport::edited(f.readAll(), {{path, value}});
    }

    static QStringList args(const char *line) { return QString::fromUtf8(line).split(u' ', Qt::SkipEmptyParts); }

private slots:
    void initTestCase()
    {
        QVERIFY(mDataHome.isValid());
        QVERIFY(mFiles.isValid());
        write("truncated.json", "{\"hidden_size\": ");
        write("not-a-trace.csv", "when,what\n1,2\n");
        write("bad-measurements.csv", "model,gpu\nllama-3.1-8b\n");
        write("random.safetensors", QByteArray::fromHex("ffffffffffffffff0123456789abcdef"));
        write("random.gguf", QByteArray("NOTGGUF\0\0\0\0\0", 12));
        write("no-id.csv", "name,memory_gb\nx,80\n");
        write("price-overflow.llmplan", samplePlanWith(QStringLiteral("parts.gpus.0.price_usd"), 1.5e308));
        write("tariff-overflow.llmplan",
              samplePlanWith(QStringLiteral("scenarios.0.costs.electricity_usd_per_kwh.value"), 1e300));
        write("negative-cores.llmplan", samplePlanWith(QStringLiteral("parts.cpus.0.cores"), -1));
    }

    void errorsAreOneLineAndNonZero_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QStringList &arguments, const char *message) {
            QTest::newRow(name) << arguments << QString::fromUtf8(message);
        };
        const QString fit = QStringLiteral("fit --model llama-3.1-8b --gpu h100-sxm ");
        const QString perf = QStringLiteral("perf --model llama-3.1-8b --gpu h100-sxm ");
        const QString simulate = QStringLiteral("simulate --model llama-3.1-8b --gpu h100-sxm --qps 1 ");
        const QString train = QStringLiteral("train --model llama-3.1-8b --gpu h100-sxm --mode lora ");
        const QString cost = QStringLiteral("cost --gpu h100-sxm ");
        const QString recommend = QStringLiteral("recommend --model llama-3.1-8b ");
        const auto split = [](const QString &line) { return line.split(u' ', Qt::SkipEmptyParts); };

        // The command line itself.
        row("no such command", args("bogus"), "unknown command 'bogus'");
        row("unknown option", split(fit + "--bogus"), "Unknown option 'bogus'");
        row("stray argument", args("formats extra"), "unexpected argument 'extra'");
        row("option without its value", args("fit --model"), "Missing value after '--model'");

        // fit
        row("fit: no model", args("fit"), "needs --model");
        row("fit: no gpu", args("fit --model llama-3.1-8b"), "needs --gpu");
        row("fit: unknown model", args("fit --model gpt-9 --gpu h100-sxm"), "unknown model 'gpt-9'");
        row("fit: unknown gpu", args("fit --model llama-3.1-8b --gpu h900"), "unknown gpu 'h900'");
        row("fit: 0 GPUs", split(fit + "--gpus 0"), "--gpus expects a positive integer, got '0'");
        row("fit: negative GPUs", split(fit + "--gpus -1"), "--gpus expects a positive integer, got '-1'");
        row("fit: GPUs as a word", split(fit + "--gpus eight"), "--gpus expects a positive integer, got 'eight'");
        row("fit: GPUs beyond int", split(fit + "--gpus 99999999999"), "--gpus expects an integer up to 2147483647");
        row("fit: TP not dividing", split(fit + "--gpus 8 --tp 3"), "must divide the number of GPUs (8)");
        row("fit: negative context", split(fit + "--context -5"), "--context expects a positive integer, got '-5'");
        row("fit: context in exponent form", split(fit + "--context 1e9"), "--context expects a positive integer");
        row("fit: context beyond the model", split(fit + "--context 200000"), "exceeds the model's maximum of 131072");
        row("fit: 0 concurrency", split(fit + "--concurrency 0"), "--concurrency expects a positive integer");
        row("fit: unknown weights", split(fit + "--weights fp3"), "unknown weights 'fp3'");
        row("fit: unknown KV format", split(fit + "--kv fp3"), "unknown kv 'fp3'");
        row("fit: unknown engine", split(fit + "--engine warp"), "unknown engine 'warp'");
        row("fit: negative offload", split(fit + "--offload -1"), "--offload expects a non-negative integer");
        row("fit: unknown mode", split(fit + "--mode pretrain"), "unknown --mode 'pretrain'");
        row("fit: ZeRO 7", split(fit + "--mode full --zero 7"), "ZeRO stage must be 0, 1, 2 or 3, got 7");
        row("fit: LoRA rank 0", split(fit + "--mode lora --lora-rank 0"), "--lora-rank expects a positive integer");
        row("fit: truncated config.json",
            {QStringLiteral("fit"), QStringLiteral("--model"), file("truncated.json"), QStringLiteral("--gpu"),
             QStringLiteral("h100-sxm")},
            "not valid JSON");

        // perf
        row("perf: 0 input tokens", split(perf + "--input-len 0"), "--input-len expects a positive integer, got '0'");
        row("perf: negative output", split(perf + "--output-len -1"), "--output-len expects a positive integer");
        row("perf: tokens beyond int", split(perf + "--input-len 9223372036854775807"),
            "--input-len expects an integer up to 2147483647");
        row("perf: efficiency above 1", split(perf + "--efficiency 2,0.5,0.5"), "--efficiency expects three fractions");
        row("perf: efficiency as a word", split(perf + "--efficiency fast"), "--efficiency expects three fractions");
        row("cost: more servers than any cluster", args("cost --server dgx-h100 --servers 2147483647"),
            "--servers expects at most 1048576 (more than any cluster built), got 2147483647");
        row("fit: more GPUs than any cluster", split(fit + "--gpus 2000000"),
            "--gpus expects at most 1048576 (more than any cluster built), got 2000000");
        row("perf: efficiency that divides to infinity", split(perf + "--efficiency 1e-320,0.5,0.5"),
            "--efficiency expects three fractions between 0.01 and 1");
        row("fit: more expert-parallel ranks than experts",
            args("fit --model mixtral-8x7b --gpu h100-sxm --gpus 16 --tp 1 --ep 16"),
            "expert parallel size 16 exceeds the model's 8 routed experts");
        row("perf: unknown network", split(perf + "--network carrier-pigeon"), "unknown --network 'carrier-pigeon'");
        row("perf: 0 ports", split(perf + "--nics-per-server 0"), "--nics-per-server expects a positive integer");
        row("perf: 0 GPUs per server", split(perf + "--gpus-per-server 0"),
            "--gpus-per-server expects a positive integer");
        row("perf: does not fit", args("perf --model llama-3.1-405b --gpu rtx-4090"), "does not fit in memory");

        // simulate
        row("simulate: no arrivals", args("simulate --model llama-3.1-8b --gpu h100-sxm"), "needs one of --qps R");
        row("simulate: rate 0", args("simulate --model llama-3.1-8b --gpu h100-sxm --qps 0"),
            "--qps expects a positive number");
        row("simulate: rate NaN", args("simulate --model llama-3.1-8b --gpu h100-sxm --qps nan"),
            "--qps expects a positive number");
        row("simulate: rate infinite", args("simulate --model llama-3.1-8b --gpu h100-sxm --qps inf"),
            "--qps expects a positive number");
        row("simulate: two arrival kinds", split(simulate + "--concurrency 4"),
            "give only one of --qps, --concurrency");
        row("simulate: 0 requests", split(simulate + "--requests 0"), "--requests expects a positive integer");
        row("simulate: too many requests", split(simulate + "--requests 99999999999999"),
            "the number of requests must be between 1 and 10000000");
        row("simulate: unknown distribution", split(simulate + "--input-dist zipf:2"), "--input-dist expects fixed:N");
        row("simulate: SLO 0", split(simulate + "--ttft-slo 0"), "--ttft-slo expects a positive number");
        row("simulate: seed as a word", split(simulate + "--seed lucky"),
            "--seed expects a non-negative 64-bit integer");
        row("simulate: missing trace",
            {QStringLiteral("simulate"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
             QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--trace"), file("absent.csv")},
            "No such file or directory");
        row("simulate: not a trace",
            {QStringLiteral("simulate"), QStringLiteral("--model"), QStringLiteral("llama-3.1-8b"),
             QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--trace"), file("not-a-trace.csv")},
            "expected the header arrival_s,input_tokens,output_tokens");

        // train
        row("train: 0 tokens", split(train + "--tokens 0"), "--tokens expects a positive number");
        row("train: NaN tokens", split(train + "--tokens nan"), "--tokens expects a positive number");
        row("train: 0 sequence length", split(train + "--seq-len 0"), "--seq-len expects a positive integer");
        row("train: 0 micro-batch", split(train + "--micro-batch 0"), "--micro-batch expects a positive integer");
        row("train: global batch not a multiple", split(train + "--global-batch 3 --micro-batch 2"),
            "must be a multiple of data-parallel ranks x micro-batch");
        row("train: ZeRO 5", split(train + "--zero 5"), "ZeRO stage must be 0, 1, 2 or 3, got 5");
        row("train: unknown mode", split(train + "--mode rlhf"), "unknown --mode 'rlhf'");

        // calibrate
        row("calibrate: no file", args("calibrate"), "calibrate needs exactly one CSV FILE");
        row("calibrate: missing file", {QStringLiteral("calibrate"), file("absent.csv")}, "No such file or directory");
        row("calibrate: short row", {QStringLiteral("calibrate"), file("bad-measurements.csv")},
            "line 2: 1 fields, the header has 2");

        // cost
        row("cost: nothing to cost", args("cost"), "cost needs an on-prem build (--server or --gpu) or a cloud option");
        row("cost: unknown server", args("cost --server dgx-z"), "unknown server 'dgx-z'");
        row("cost: unknown instance", args("cost --instance aws-p9"), "unknown instance 'aws-p9'");
        row("cost: 0 GPUs", split(cost + "--gpus 0"), "--gpus expects a positive integer");
        row("cost: negative tariff", split(cost + "--electricity -1"), "--electricity expects a non-negative number");
        row("cost: NaN tariff", split(cost + "--electricity nan"), "--electricity expects a non-negative number");
        row("cost: absurd tariff", split(cost + "--electricity 1e300"),
            "the electricity tariff (USD/kWh) must be between 0 and 10, got 1e+300");
        row("cost: PUE below 1", split(cost + "--pue 0.5"), "PUE must be between 1 and 5, got 0.5");
        row("cost: horizon 0", split(cost + "--horizon 0"), "the horizon (months) must be between 1 and 240");
        row("cost: amortisation too short", split(cost + "--years 0.001"),
            "the amortisation period (years) must be between 0.5 and 20");
        row("cost: unknown tier", args("cost --instance runpod-1x-a100-80gb-secure --tier monthly"),
            "unknown --tier 'monthly'");

        // recommend
        row("recommend: no model", args("recommend"), "recommend needs --model");
        row("recommend: rate 0", split(recommend + "--qps 0"), "--qps expects a positive number");
        row("recommend: negative SLO", split(recommend + "--ttft-slo -1"), "--ttft-slo expects a positive number");
        row("recommend: unknown placement", split(recommend + "--where mars"), "--where expects cloud, onprem or both");
        row("recommend: negative budget", split(recommend + "--budget -5"), "--budget expects a positive number");
        row("recommend: top 0", split(recommend + "--top 0"), "--top expects a positive integer");
        row("recommend: peak factor 0", split(recommend + "--peak-factor 0"),
            "--peak-factor expects a positive number");
        row("recommend: unknown ranking", split(recommend + "--rank speed"), "--rank expects cost or tco");
        row("recommend: unknown weights", split(recommend + "--weights fp3"), "unknown format 'fp3' in --weights");
        row("recommend: spare replicas beyond int", split(recommend + "--spare-replicas 99999999999"),
            "--spare-replicas expects an integer up to 2147483647");
        row("recommend: too many spares", split(recommend + "--spare-replicas 5000"),
            "spare replicas and spare units must be between 0 and 1024");

        // report and export-launch
        row("report: no plan", args("report"), "report needs exactly one PLAN file");
        row("report: no output", {QStringLiteral("report"), samplePlan()}, "report needs -o OUT.pdf");
        row("report: missing plan",
            {QStringLiteral("report"), file("absent.llmplan"), QStringLiteral("-o"), file("x.pdf")},
            "No such file or directory");
        row("report: not a plan",
            {QStringLiteral("report"), file("truncated.json"), QStringLiteral("-o"), file("x.pdf")},
            "not a plan file: not valid JSON");
        row("report: price overflow",
            {QStringLiteral("report"), file("price-overflow.llmplan"), QStringLiteral("-o"), file("x.pdf")},
            "parts.gpus[0]: 'price_usd' must be between 0 and 1e+12, got 1.5e+308");
        row("report: tariff overflow",
            {QStringLiteral("report"), file("tariff-overflow.llmplan"), QStringLiteral("-o"), file("x.pdf")},
            "the electricity tariff (USD/kWh) must be between 0 and 10, got 1e+300");
        row("report: negative core count",
            {QStringLiteral("report"), file("negative-cores.llmplan"), QStringLiteral("-o"), file("x.pdf")},
            "parts.cpus[0]: 'cores' must be");
        const QStringList report = {QStringLiteral("report"), samplePlan(), QStringLiteral("-o"), file("x.pdf")};
        row("report: currency without a rate", report + args("--currency EUR"),
            "--currency EUR needs --rate, how many EUR one USD buys");
        row("report: not a currency code", report + args("--currency EURO --rate 0.9"),
            "the currency code must be three capital letters (ISO 4217, such as CNY or EUR), got \"EURO\"");
        row("report: negative rate", report + args("--currency CNY --rate -7"),
            "--rate expects a positive number, got '-7'");
        row("report: tiny rate", report + args("--currency CNY --rate 1e-9"),
            "the exchange rate must be between 0.0001 and 10000000 CNY per USD, got 1e-09");
        row("report: huge rate", report + args("--currency CNY --rate 1e300"), "the exchange rate must be between");
        row("report: a rate for dollars", report + args("--currency USD --rate 7"),
            "--rate is for a currency other than USD");
        row("report: unknown memory unit", report + args("--memory-unit MB"),
            "--memory-unit expects GB or GiB, got \"MB\"");
        row("report: missing folder",
            {QStringLiteral("report"), samplePlan(), QStringLiteral("-o"), file("absent/x.pdf")}, "x.pdf");
        row("export-launch: no plan", args("export-launch"), "export-launch needs exactly one PLAN file");
        row("export-launch: unknown scenario",
            {QStringLiteral("export-launch"), samplePlan(), QStringLiteral("--scenario"), QStringLiteral("99")},
            "no scenario '99' in the plan");
        row("export-launch: unknown engine",
            {QStringLiteral("export-launch"), samplePlan(), QStringLiteral("--engine"), QStringLiteral("tgi")},
            "unknown engine 'tgi'");
        row("export-launch: model not in the plan",
            {QStringLiteral("export-launch"), samplePlan(), QStringLiteral("--model"), QStringLiteral("gpt-9")},
            "model 'gpt-9' is not in this plan");

        // catalog and import-model
        row("catalog: unknown kind", args("catalog toasters"), "unknown catalogue kind 'toasters'");
        row("catalog: import into no table",
            {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("toaster"), file("no-id.csv")},
            "catalog import needs a table");
        row("catalog: import a missing file",
            {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"), file("absent.csv")},
            "No such file or directory");
        row("catalog: import without ids",
            {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"), file("no-id.csv")},
            "the CSV has no 'id' column (nothing was imported)");
        row("import-model: no path", args("import-model"), "import-model needs exactly one PATH");
        row("import-model: missing path", {QStringLiteral("import-model"), file("absent")}, "no such file or folder");
        row("import-model: random safetensors", {QStringLiteral("import-model"), file("random.safetensors")},
            "the header length field says");
        row("import-model: not GGUF", {QStringLiteral("import-model"), file("random.gguf")}, "not the GGUF magic");
        // Devices stream forever: refused at once, never read (a pipe blocks the same way).
        const QString zero = QStringLiteral("/dev/zero");
        row("import-model: a device", {QStringLiteral("import-model"), zero}, "not a regular file");
        row("calibrate: a device", {QStringLiteral("calibrate"), zero}, "not a regular file");
        row("simulate: a device as trace",
            split(QStringLiteral("simulate --model llama-3.1-8b --gpu h100-sxm --trace ")) << zero,
            "cannot read --trace /dev/zero: not a regular file");
        row("catalog import: a device",
            {QStringLiteral("catalog"), QStringLiteral("import"), QStringLiteral("gpu"), zero}, "not a regular file");
        row("evaluate: a device", {QStringLiteral("evaluate"), zero},
            "is not a plan file: it is a folder, device or pipe");
    }

    void errorsAreOneLineAndNonZero()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult r = run(arguments);
        const QByteArray context = arguments.join(u' ').toUtf8() + "\n  stderr: " + r.err
                                   + "  stdout: " + r.out.left(300);
        QVERIFY2(r.exitCode == 2, context.constData());
        QVERIFY2(r.out.isEmpty(), context.constData());
        QVERIFY2(r.err.startsWith("llm-planner-cli: "), context.constData());
        QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, context.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(message), context.constData());
    }

    void extremeInputsNeverPrintNanOrInfinity_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const auto row = [](const char *line) { QTest::newRow(line) << args(line); };
        row("fit --model deepseek-r1 --gpu rtx-3060-12gb --json");
        row("fit --model llama-3.1-8b --gpu rtx-4090 --context 131072 --concurrency 2147483647 --json");
        row("fit --model llama-3.1-8b --gpu h100-sxm --mode full --context 131072 --concurrency 4096");
        row("fit --model llama-3.1-405b --gpu h100-sxm --gpus 2147483640 --tp 8 --pp 8 --json");
        row("perf --model llama-3.1-8b --gpu h100-sxm --input-len 1 --output-len 1 --json");
        row("perf --model llama-3.1-8b --gpu h100-sxm --input-len 131000 --output-len 72 --curve");
        row("perf --model llama-3.1-8b --gpu h100-sxm --efficiency 0.000001,0.000001,0.000001 --json");
        row("perf --model llama-3.1-70b --gpu h100-sxm --gpus 64 --tp 8 --pp 8 --nics-per-server 1 --json");
        row("simulate --model llama-3.1-8b --gpu h100-sxm --qps 1000000 --requests 300 --json");
        row("simulate --model llama-3.1-8b --gpu h100-sxm --qps 0.000001 --requests 5 --json");
        row("simulate --model llama-3.1-8b --gpu h100-sxm --concurrency 100000 --requests 200");
        row("simulate --model llama-3.1-8b --gpu h100-sxm --find-max-qps --ttft-slo 0.000001 --requests 200");
        row("train --model llama-3.1-8b --gpu h100-sxm --gpus 8 --mode lora --tokens 1e15 --json");
        row("train --model llama-3.1-8b --gpu h100-sxm --mode lora --tokens 1");
        row("cost --gpu h100-sxm --gpus 2147483647 --electricity 10 --pue 5 --horizon 240 --json");
        row("cost --instance runpod-1x-a100-80gb-secure --instances 2147483647 --json");
        row("cost --gpu h100-sxm --electricity 0 --maintenance 0 --model llama-3.1-8b --json");
        row("recommend --model llama-3.1-8b --qps 1e300");
        row("recommend --model llama-3.1-8b --qps 0.000000001 --json");
        row("recommend --model llama-3.1-8b --ttft-slo 0.000000001");
        row("recommend --model llama-3.1-8b --budget 0.000000001 --json");
        row("recommend --model deepseek-r1 --qps 50 --peak-factor 1000");
    }

    void extremeInputsNeverPrintNanOrInfinity()
    {
        QFETCH(QStringList, arguments);
        const CliResult r = run(arguments);
        const QByteArray context = "stderr: " + r.err + "  stdout: " + r.out.left(400);
        // 0: an answer; 1: "no build meets the request"; 2: refused with a reason.
        QVERIFY2(r.exitCode >= 0 && r.exitCode <= 2, context.constData());
        if (r.exitCode == 2)
            QVERIFY2(r.err.count('\n') == 1, context.constData());
        static const QRegularExpression nonFinite(QStringLiteral("\\b(nan|inf|infinity)\\b"),
                                                  QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch found = nonFinite.match(QString::fromUtf8(r.out + r.err));
        QVERIFY2(!found.hasMatch(), context.constData());
    }

    // Names from a shared plan or an argument reach the terminal as text: an
    // escape sequence in them (colours, a cleared screen, a window title) is
    // shown as U+FFFD on stdout and stderr alike, never run by the terminal.
    void controlCharactersNeverReachTheTerminal()
    {
        const QString hostile = QStringLiteral("Scen\x1b[2J\x1b]0;pwned\x07\rX");
        write("escape.llmplan", samplePlanWith(QStringLiteral("scenarios.0.name"), hostile));
        for (const QStringList &arguments : {QStringList{QStringLiteral("evaluate"), file("escape.llmplan")},
                                             QStringList{QStringLiteral("fit"), QStringLiteral("--model"), hostile,
                                                         QStringLiteral("--gpu"), QStringLiteral("h100-sxm")},
                                             QStringList{hostile}}) {
            const CliResult r = run(arguments);
            QVERIFY2(r.exitCode >= 0, qPrintable(arguments.join(u' ')));
            for (const QByteArray &stream : {r.out, r.err})
                for (const char c : stream)
                    QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t',
                             qPrintable(arguments.constFirst()));
            QVERIFY((r.out + r.err).contains("\xef\xbf\xbd")); // U+FFFD in UTF-8
        }
    }

    // Output that cannot be written (a full disk; /dev/full fails every
    // write with ENOSPC) is an error with a reason, never a silent success.
    void lostOutputIsAnError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("table") << args("models");
        QTest::newRow("json") << args("fit --model llama-3.1-8b --gpu h100-sxm --json");
        QTest::newRow("csv") << args("catalog export gpu");
        QTest::newRow("script") << QStringList{QStringLiteral("export-launch"), samplePlan()};
        QTest::newRow("help") << args("fit --help");
        QTest::newRow("version") << args("--version");
    }

    void lostOutputIsAnError()
    {
        QFETCH(QStringList, arguments);
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("this system has no /dev/full");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), mDataHome.path());
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(QStringLiteral("/dev/full"));
        process.start(QStringLiteral(PLANNER_CLI), arguments);
        QVERIFY(process.waitForFinished(60000 * planner::testsupport::kTimeScale));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains("the output could not be written (No space left on device)"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliErrors)
#include "test_clierrors.moc"
