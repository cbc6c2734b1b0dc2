// Safetensors header import: checkpoints are written here byte for byte (8-byte
// little-endian length, JSON header, data section) and must give exact tensor
// sizes, parameter counts and weight formats; broken files must be refused with
// an error naming the file and the byte or tensor, and no summary at all.
//
// The data sections are really present and zero-filled: they are written as a
// hole (QFile::resize), so the reader's end-of-file checks run against real
// file sizes while a 16 GB Llama-3.1-8B-shaped checkpoint costs no disk space.

#include "core/model/parametercount.h"
#include "database/hfconfigimporter.h"
#include "database/safetensorsheader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace planner;

namespace {

struct Tensor {
    QString name;
    QString dtype;
    QList<qint64> shape;
};

// Bytes per element, from the safetensors spec rather than the code under test;
// sub-byte dtypes are handled by the dtypeSizes rows.
qint64 elementBytes(const QString &dtype)
{
    static const QMap<QString, qint64> sizes = {
        {QStringLiteral("F64"), 8},     {QStringLiteral("F32"), 4},     {QStringLiteral("F16"), 2},
        {QStringLiteral("BF16"), 2},    {QStringLiteral("I64"), 8},     {QStringLiteral("I32"), 4},
        {QStringLiteral("I16"), 2},     {QStringLiteral("I8"), 1},      {QStringLiteral("U8"), 1},
        {QStringLiteral("BOOL"), 1},    {QStringLiteral("F8_E4M3"), 1}, {QStringLiteral("F8_E5M2"), 1},
        {QStringLiteral("F8_E8M0"), 1},
    };
    if (!sizes.contains(dtype))
        qFatal("test has no size for %s", qPrintable(dtype));
    return sizes.value(dtype);
}

qint64 elementsOf(const QList<qint64> &shape)
{
    qint64 n = 1;
    for (const qint64 dim : shape)
        n *= dim;
    return n;
}

QJsonArray jsonArray(const QList<qint64> &values)
{
    QJsonArray array;
    for (const qint64 v : values)
        array.append(v);
    return array;
}

QByteArray le64(quint64 value)
{
    QByteArray bytes(8, '\0');
    qToLittleEndian(value, bytes.data());
    return bytes;
}

// A header with the tensors laid end to end in the order given.
QByteArray headerJson(const QList<Tensor> &tensors, qint64 *dataBytes,
                      const QJsonObject &metadata = {{QStringLiteral("format"), QStringLiteral("pt")}})
{
    QJsonObject root;
    qint64 offset = 0;
    for (const Tensor &t : tensors) {
        const qint64 bytes = elementsOf(t.shape) * elementBytes(t.dtype);
        root.insert(t.name, QJsonObject{{QStringLiteral("dtype"), t.dtype},
                                        {QStringLiteral("shape"), jsonArray(t.shape)},
                                        {QStringLiteral("data_offsets"), jsonArray({offset, offset + bytes})}});
        offset += bytes;
    }
    if (!metadata.isEmpty())
        root.insert(QStringLiteral("__metadata__"), metadata);
    *dataBytes = offset;
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// Length field, header and a zero-filled data section of dataBytes.
QByteArray fileBytes(const QByteArray &json, qint64 dataBytes)
{
    return le64(quint64(json.size())) + json + QByteArray(dataBytes, '\0');
}

// The same file with the data section as a hole: no disk space for real shapes.
bool writeSafetensors(const QString &path, const QByteArray &json, qint64 dataBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(le64(quint64(json.size())) + json);
    return file.resize(8 + json.size() + dataBytes);
}

void writeTensors(const QString &path, const QList<Tensor> &tensors)
{
    qint64 dataBytes = 0;
    const QByteArray json = headerJson(tensors, &dataBytes);
    if (!writeSafetensors(path, json, dataBytes))
        qFatal("cannot write %s", qPrintable(path));
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(path));
}

struct LlamaShape {
    qint64 vocab = 128;
    qint64 hidden = 64;
    qint64 intermediate = 128;
    qint64 layers = 2;
    qint64 heads = 4;
    qint64 kvHeads = 2;
    bool tied = false;
};

// How the linear projections are stored; embeddings, norms and head stay in `dtype`.
struct Storage {
    QString dtype = QStringLiteral("BF16");
    QString linearDtype = QStringLiteral("BF16");
    QString scaleSuffix; // "_scale_inv" (block scales), "_scale" (per tensor), or none
    qint64 scaleBlock = 128;
};

void addLinear(QList<Tensor> &out, const QString &name, qint64 rows, qint64 cols, const Storage &storage)
{
    out.append({name, storage.linearDtype, {rows, cols}});
    if (storage.scaleSuffix == QLatin1StringView("_scale_inv"))
        out.append({name + storage.scaleSuffix,
                    QStringLiteral("F32"),
                    {(rows + storage.scaleBlock - 1) / storage.scaleBlock,
                     (cols + storage.scaleBlock - 1) / storage.scaleBlock}});
    else if (storage.scaleSuffix == QLatin1StringView("_scale"))
        out.append({name + storage.scaleSuffix, QStringLiteral("F32"), {}});
}

// The tensors transformers saves for LlamaForCausalLM, layers [first, last).
QList<Tensor> llamaLayers(const LlamaShape &s, const Storage &storage, qint64 first, qint64 last)
{
    const qint64 headDim = s.hidden / s.heads;
    QList<Tensor> out;
    for (qint64 i = first; i < last; ++i) {
        const QString p = QStringLiteral("model.layers.%1.").arg(i);
        out.append({p + QStringLiteral("input_layernorm.weight"), storage.dtype, {s.hidden}});
        addLinear(out, p + QStringLiteral("self_attn.q_proj.weight"), s.heads * headDim, s.hidden, storage);
        addLinear(out, p + QStringLiteral("self_attn.k_proj.weight"), s.kvHeads * headDim, s.hidden, storage);
        addLinear(out, p + QStringLiteral("self_attn.v_proj.weight"), s.kvHeads * headDim, s.hidden, storage);
        addLinear(out, p + QStringLiteral("self_attn.o_proj.weight"), s.hidden, s.heads * headDim, storage);
        out.append({p + QStringLiteral("post_attention_layernorm.weight"), storage.dtype, {s.hidden}});
        addLinear(out, p + QStringLiteral("mlp.gate_proj.weight"), s.intermediate, s.hidden, storage);
        addLinear(out, p + QStringLiteral("mlp.up_proj.weight"), s.intermediate, s.hidden, storage);
        addLinear(out, p + QStringLiteral("mlp.down_proj.weight"), s.hidden, s.intermediate, storage);
    }
    return out;
}

QList<Tensor> llamaEnds(const LlamaShape &s, const Storage &storage)
{
    QList<Tensor> out = {{QStringLiteral("model.embed_tokens.weight"), storage.dtype, {s.vocab, s.hidden}},
                         {QStringLiteral("model.norm.weight"), storage.dtype, {s.hidden}}};
    if (!s.tied)
        out.append({QStringLiteral("lm_head.weight"), storage.dtype, {s.vocab, s.hidden}});
    return out;
}

QList<Tensor> llamaTensors(const LlamaShape &s, const Storage &storage = {})
{
    return llamaEnds(s, storage) + llamaLayers(s, storage, 0, s.layers);
}

QByteArray llamaConfig(const LlamaShape &s, const QString &torchDtype = QStringLiteral("bfloat16"))
{
    const QJsonObject config = {
        {QStringLiteral("model_type"), QStringLiteral("llama")},
        {QStringLiteral("architectures"), QJsonArray{QStringLiteral("LlamaForCausalLM")}},
        {QStringLiteral("_name_or_path"), QStringLiteral("tests/tiny-llama")},
        {QStringLiteral("vocab_size"), s.vocab},
        {QStringLiteral("hidden_size"), s.hidden},
        {QStringLiteral("intermediate_size"), s.intermediate},
        {QStringLiteral("num_hidden_layers"), s.layers},
        {QStringLiteral("num_attention_heads"), s.heads},
        {QStringLiteral("num_key_value_heads"), s.kvHeads},
        {QStringLiteral("max_position_embeddings"), 4096},
        {QStringLiteral("hidden_act"), QStringLiteral("silu")},
        {QStringLiteral("tie_word_embeddings"), s.tied},
        {QStringLiteral("torch_dtype"), torchDtype},
    };
    return QJsonDocument(config).toJson();
}

// Elements of the tensors, counted here rather than by the code under test.
qint64 countElements(const QList<Tensor> &tensors, const std::function<bool(const Tensor &)> &select)
{
    qint64 total = 0;
    for (const Tensor &t : tensors)
        if (select(t))
            total += elementsOf(t.shape);
    return total;
}

QString errorList(const std::vector<HeaderError> &errors)
{
    QStringList lines;
    for (const HeaderError &error : errors)
        lines << error.where + QStringLiteral(" | ") + error.message;
    return lines.join(u'\n');
}

const TensorInfo *findTensor(const CheckpointSummary &summary, const std::string &name)
{
    for (const TensorInfo &t : summary.tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

const QString kFile = QStringLiteral("model.safetensors");

} // namespace

class TestSafetensorsHeader : public QObject
{
    Q_OBJECT

private slots:
    void dtypeSizes_data();
    void dtypeSizes();
    void checkpointFormat_data();
    void checkpointFormat();
    void readsSingleFile();
    void readsShardedIndex();
    void detectsFp8BlockScales();
    void fp8Variants_data();
    void fp8Variants();
    void detectsPackedFourBit_data();
    void detectsPackedFourBit();
    void weightsOverrideTorchDtype();
    void realModelShapes();
    void rejectsMalformedFile_data();
    void rejectsMalformedFile();
    void reportsEveryBadTensor();
    void listsTheFirstProblemsOfAHugeHeader();
    void rejectsBrokenIndex_data();
    void rejectsBrokenIndex();
    void rejectsUnusableFolder_data();
    void rejectsUnusableFolder();
};

void TestSafetensorsHeader::dtypeSizes_data()
{
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<qint64>("bytes"); // of a [4, 8] tensor: 32 elements

    QTest::newRow("F64") << "F64" << qint64(256);
    QTest::newRow("F32") << "F32" << qint64(128);
    QTest::newRow("F16") << "F16" << qint64(64);
    QTest::newRow("BF16") << "BF16" << qint64(64);
    QTest::newRow("I64") << "I64" << qint64(256);
    QTest::newRow("I32") << "I32" << qint64(128);
    QTest::newRow("I16") << "I16" << qint64(64);
    QTest::newRow("I8") << "I8" << qint64(32);
    QTest::newRow("U8") << "U8" << qint64(32);
    QTest::newRow("U16") << "U16" << qint64(64);
    QTest::newRow("U32") << "U32" << qint64(128);
    QTest::newRow("U64") << "U64" << qint64(256);
    QTest::newRow("BOOL") << "BOOL" << qint64(32);
    QTest::newRow("F8_E4M3") << "F8_E4M3" << qint64(32);
    QTest::newRow("F8_E5M2") << "F8_E5M2" << qint64(32);
    QTest::newRow("F8_E8M0") << "F8_E8M0" << qint64(32);
    QTest::newRow("C64") << "C64" << qint64(256);
    // Sub-byte dtypes (safetensors >= 0.6): 4 and 6 bits per element, packed.
    QTest::newRow("F4") << "F4" << qint64(16);
    QTest::newRow("F6_E2M3") << "F6_E2M3" << qint64(24);
    QTest::newRow("F6_E3M2") << "F6_E3M2" << qint64(24);
}

void TestSafetensorsHeader::dtypeSizes()
{
    QFETCH(QString, dtype);
    QFETCH(qint64, bytes);
    QTemporaryDir dir;
    const QJsonObject entry = {{QStringLiteral("dtype"), dtype},
                               {QStringLiteral("shape"), QJsonArray{4, 8}},
                               {QStringLiteral("data_offsets"), jsonArray({0, bytes})}};
    const QJsonObject root = {{QStringLiteral("w"), entry}};
    const QString path = dir.filePath(kFile);
    QVERIFY(writeSafetensors(path, QJsonDocument(root).toJson(QJsonDocument::Compact), bytes));

    const CheckpointResult result = readSafetensors(path);
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    QCOMPARE(result.summary->tensors.size(), std::size_t(1));
    const TensorInfo &t = result.summary->tensors.front();
    QCOMPARE(QString::fromStdString(t.dtype), dtype);
    QCOMPARE(t.elements, qint64(32));
    QCOMPARE(t.bytes, bytes);
    QCOMPARE(t.shape, (std::vector<std::int64_t>{4, 8}));
    QCOMPARE(result.summary->tensorBytes, bytes);
    QCOMPARE(result.summary->parameters, qint64(32));
    QCOMPARE(result.summary->parametersByDtype.at(dtype.toStdString()), qint64(32));
    QCOMPARE(safetensorsDtypeBits(dtype.toStdString()), std::optional<int>(int(bytes * 8 / 32)));
}

void TestSafetensorsHeader::checkpointFormat_data()
{
    QTest::addColumn<QString>("dtype");
    QTest::addColumn<QString>("format");

    QTest::newRow("BF16") << "BF16"
                          << "bf16";
    QTest::newRow("F16") << "F16"
                         << "fp16";
    QTest::newRow("F32") << "F32"
                         << "fp32";
    // No planner format stores weights as plain integers.
    QTest::newRow("I8 without scales") << "I8"
                                       << "";
}

void TestSafetensorsHeader::checkpointFormat()
{
    QFETCH(QString, dtype);
    QFETCH(QString, format);
    QTemporaryDir dir;
    Storage storage;
    storage.dtype = storage.linearDtype = dtype;
    writeTensors(dir.filePath(kFile), llamaTensors(LlamaShape(), storage));

    const CheckpointResult result = readSafetensors(dir.path());
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    QCOMPARE(QString::fromStdString(result.summary->dominantDtype), dtype);
    QCOMPARE(QString::fromStdString(result.summary->dominantFormat), format);
}

void TestSafetensorsHeader::readsSingleFile()
{
    QTemporaryDir dir;
    const LlamaShape shape;
    const QList<Tensor> tensors = llamaTensors(shape);
    writeTensors(dir.filePath(kFile), tensors);
    writeText(dir.filePath(QStringLiteral("config.json")), llamaConfig(shape));

    // hidden 64, 4 heads of 16, 2 KV heads, MLP 128, vocab 128, 2 layers, untied:
    // 2 x 8192 embedding/head + 64 norm + 2 x (64 + 4096 + 2 x 2048 + 4096 + 64 + 3 x 8192).
    const qint64 expected = 16384 + 64 + 2 * (64 + 4096 + 4096 + 4096 + 64 + 24576);
    QCOMPARE(countElements(tensors, [](const Tensor &) { return true; }), expected);

    for (const QString &path : {dir.path(), dir.filePath(kFile)}) {
        const CheckpointResult result = readSafetensors(path);
        QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
        const CheckpointSummary &summary = *result.summary;
        QCOMPARE(summary.tensors.size(), std::size_t(tensors.size()));
        QCOMPARE(summary.parameters, expected);
        QCOMPARE(summary.tensorBytes, 2 * expected);
        QCOMPARE(summary.parametersByDtype.size(), std::size_t(1));
        QCOMPARE(summary.scaleElements, qint64(0));
        QCOMPARE(QString::fromStdString(summary.dominantFormat), QStringLiteral("bf16"));
        QCOMPARE(summary.files, std::vector<std::string>{"model.safetensors"});
        QCOMPARE(QString::fromStdString(summary.metadata.at("format")), QStringLiteral("pt"));
        QVERIFY(!summary.indexTotalSize);
        const TensorInfo *down = findTensor(summary, "model.layers.1.mlp.down_proj.weight");
        QVERIFY(down);
        QCOMPARE(down->shape, (std::vector<std::int64_t>{64, 128}));
        QCOMPARE(down->bytes, qint64(2 * 64 * 128));
        QCOMPARE(QString::fromStdString(down->file), kFile);
    }

    // The header's count and the architecture's count agree: same model, two sources.
    const CheckpointModelResult imported = importSafetensorsModel(dir.path());
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.checkpoint.errors)));
    QVERIFY(imported.spec());
    QCOMPARE(countParameters(*imported.spec()).total(), imported.checkpoint.summary->parameters);
    QCOMPARE(QString::fromStdString(imported.spec()->checkpointFormat), QStringLiteral("bf16"));
}

void TestSafetensorsHeader::readsShardedIndex()
{
    QTemporaryDir dir;
    LlamaShape shape;
    shape.layers = 4;
    const QString first = QStringLiteral("model-00001-of-00002.safetensors");
    const QString second = QStringLiteral("model-00002-of-00002.safetensors");
    // Layers 0-1 and the embedding in the first shard; layers 2-3, norm and head in the second.
    const QList<Tensor> all = llamaTensors(shape);
    QList<Tensor> shardA = llamaLayers(shape, {}, 0, 2);
    shardA.prepend(llamaEnds(shape, {}).at(0));
    QList<Tensor> shardB = llamaLayers(shape, {}, 2, 4) + llamaEnds(shape, {}).mid(1);
    writeTensors(dir.filePath(first), shardA);
    writeTensors(dir.filePath(second), shardB);

    QJsonObject weightMap;
    for (const Tensor &t : shardA)
        weightMap.insert(t.name, first);
    for (const Tensor &t : shardB)
        weightMap.insert(t.name, second);
    const qint64 parameters = countElements(all, [](const Tensor &) { return true; });
    const QJsonObject metadata = {{QStringLiteral("total_size"), 2 * parameters}};
    const QJsonObject index = {{QStringLiteral("metadata"), metadata}, {QStringLiteral("weight_map"), weightMap}};
    writeText(dir.filePath(QStringLiteral("model.safetensors.index.json")), QJsonDocument(index).toJson());
    writeText(dir.filePath(QStringLiteral("config.json")), llamaConfig(shape));

    for (const QString &path : {dir.path(), dir.filePath(QStringLiteral("model.safetensors.index.json"))}) {
        const CheckpointResult result = readSafetensors(path);
        QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
        const CheckpointSummary &summary = *result.summary;
        QCOMPARE(summary.files, (std::vector<std::string>{first.toStdString(), second.toStdString()}));
        QCOMPARE(summary.tensors.size(), std::size_t(all.size()));
        QCOMPARE(summary.parameters, parameters);
        QCOMPARE(summary.tensorBytes, 2 * parameters);
        QCOMPARE(summary.indexTotalSize, std::optional<std::int64_t>(2 * parameters));
        QCOMPARE(findTensor(summary, "model.embed_tokens.weight")->file, first.toStdString());
        QCOMPARE(findTensor(summary, "lm_head.weight")->file, second.toStdString());
        QCOMPARE(findTensor(summary, "model.layers.3.mlp.up_proj.weight")->file, second.toStdString());
    }

    const CheckpointModelResult imported = importSafetensorsModel(dir.path());
    QVERIFY(imported.ok());
    QCOMPARE(countParameters(*imported.spec()).total(), parameters);
}

void TestSafetensorsHeader::detectsFp8BlockScales()
{
    // Wide enough for partial blocks: 384 = 3 x 128, 320 = 2.5 x 128.
    LlamaShape shape;
    shape.hidden = 256;
    shape.intermediate = 320;
    shape.heads = 4;
    shape.kvHeads = 2;
    Storage storage;
    storage.linearDtype = QStringLiteral("F8_E4M3");
    storage.scaleSuffix = QStringLiteral("_scale_inv");
    const QList<Tensor> tensors = llamaTensors(shape, storage);
    QTemporaryDir dir;
    writeTensors(dir.filePath(kFile), tensors);
    // The config says bfloat16 (the training dtype); the weights are what is deployed.
    writeText(dir.filePath(QStringLiteral("config.json")), llamaConfig(shape));

    const CheckpointModelResult imported = importSafetensorsModel(dir.path());
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.checkpoint.errors)));
    const CheckpointSummary &summary = *imported.checkpoint.summary;
    QCOMPARE(QString::fromStdString(summary.dominantDtype), QStringLiteral("F8_E4M3"));
    QCOMPARE(QString::fromStdString(summary.dominantFormat), QStringLiteral("fp8-block"));
    QCOMPARE(QString::fromStdString(imported.spec()->checkpointFormat), QStringLiteral("fp8-block"));

    const auto isScale = [](const Tensor &t) { return t.name.endsWith(QLatin1StringView("_scale_inv")); };
    const qint64 linear = countElements(tensors,
                                        [](const Tensor &t) { return t.dtype == QLatin1StringView("F8_E4M3"); });
    const qint64 scales = countElements(tensors, isScale);
    const qint64 other = countElements(tensors, [](const Tensor &t) { return t.dtype == QLatin1StringView("BF16"); });
    // down_proj [256, 320] has 2 x 3 blocks; gate/up [320, 256] 3 x 2; q/o 2 x 2; k/v [128, 256] 1 x 2.
    QCOMPARE(scales, qint64(2 * (2 * 6 + 6 + 4 + 4 + 2 + 2)));
    QCOMPARE(summary.scaleElements, scales);
    QCOMPARE(summary.parametersByDtype.at("F8_E4M3"), linear);
    QCOMPARE(summary.parametersByDtype.at("BF16"), other);
    QVERIFY(!summary.parametersByDtype.count("F32")); // scales are not parameters
    QCOMPARE(summary.parameters, linear + other);
    QCOMPARE(summary.tensorBytes, linear + 2 * other + 4 * scales);
    QCOMPARE(countParameters(*imported.spec()).total(), summary.parameters);
    const TensorInfo *scale = findTensor(summary, "model.layers.0.mlp.down_proj.weight_scale_inv");
    QVERIFY(scale && scale->quantizationScale && scale->parameters == 0);
    QCOMPARE(scale->shape, (std::vector<std::int64_t>{2, 3}));
}

void TestSafetensorsHeader::fp8Variants_data()
{
    QTest::addColumn<QString>("scaleSuffix");
    QTest::addColumn<qint64>("scaleBlock");
    QTest::addColumn<QString>("format");

    QTest::newRow("per-tensor weight_scale") << "_scale" << qint64(0) << "fp8";
    QTest::newRow("no scales") << "" << qint64(0) << "fp8";
    // 64x64 blocks are real FP8 storage, but not the 128x128 layout "fp8-block" costs.
    QTest::newRow("64x64 block scales") << "_scale_inv" << qint64(64) << "";
}

void TestSafetensorsHeader::fp8Variants()
{
    QFETCH(QString, scaleSuffix);
    QFETCH(qint64, scaleBlock);
    QFETCH(QString, format);
    LlamaShape shape;
    shape.hidden = 256;
    shape.intermediate = 512;
    Storage storage;
    storage.linearDtype = QStringLiteral("F8_E4M3");
    storage.scaleSuffix = scaleSuffix;
    storage.scaleBlock = scaleBlock;
    const QList<Tensor> tensors = llamaTensors(shape, storage);
    QTemporaryDir dir;
    writeTensors(dir.filePath(kFile), tensors);

    const CheckpointResult result = readSafetensors(dir.path());
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    QCOMPARE(QString::fromStdString(result.summary->dominantFormat), format);
    QCOMPARE(result.summary->parameters,
             countElements(tensors, [](const Tensor &t) { return t.dtype != QLatin1StringView("F32"); }));
}

void TestSafetensorsHeader::detectsPackedFourBit_data()
{
    QTest::addColumn<QString>("format");

    QTest::newRow("MXFP4 (gpt-oss _blocks/_scales)") << "mxfp4";
    QTest::newRow("NVFP4 (ModelOpt weight/weight_scale)") << "nvfp4";
}

void TestSafetensorsHeader::detectsPackedFourBit()
{
    QFETCH(QString, format);
    const qint64 experts = 4;
    const qint64 rows = 512;
    const qint64 cols = 256;
    QList<Tensor> tensors = {{QStringLiteral("model.embed_tokens.weight"), QStringLiteral("BF16"), {128, cols}},
                             {QStringLiteral("model.norm.weight"), QStringLiteral("BF16"), {cols}}};
    const QString base = QStringLiteral("model.layers.0.mlp.experts.gate_up_proj");
    if (format == QLatin1StringView("mxfp4")) {
        // Two 4-bit values per byte, 16 bytes per 32-value block, one E8M0 scale per block.
        tensors.append({base + QStringLiteral("_blocks"), QStringLiteral("U8"), {experts, rows, cols / 32, 16}});
        tensors.append({base + QStringLiteral("_scales"), QStringLiteral("U8"), {experts, rows, cols / 32}});
    } else {
        // Two values per byte, one FP8 scale per 16 values, one FP32 global scale.
        tensors.append({base + QStringLiteral(".weight"), QStringLiteral("U8"), {rows, cols / 2}});
        tensors.append({base + QStringLiteral(".weight_scale"), QStringLiteral("F8_E4M3"), {rows, cols / 16}});
        tensors.append({base + QStringLiteral(".weight_scale_2"), QStringLiteral("F32"), {}});
    }
    QTemporaryDir dir;
    writeTensors(dir.filePath(kFile), tensors);

    const CheckpointResult result = readSafetensors(dir.filePath(kFile));
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    const CheckpointSummary &summary = *result.summary;
    const qint64 fourBit = (format == QLatin1StringView("mxfp4") ? experts : 1) * rows * cols;
    QCOMPARE(QString::fromStdString(summary.dominantFormat), format);
    QCOMPARE(summary.parametersByDtype.at("U8"), fourBit);
    QCOMPARE(summary.parameters, fourBit + 128 * cols + cols);
    QCOMPARE(summary.tensorBytes,
             countElements(tensors, [](const Tensor &) { return true; }) + countElements(tensors, [](const Tensor &t) {
                 return t.dtype == QLatin1StringView("BF16");
             }) + 3 * countElements(tensors, [](const Tensor &t) { return t.dtype == QLatin1StringView("F32"); }));
}

void TestSafetensorsHeader::weightsOverrideTorchDtype()
{
    QTemporaryDir dir;
    const LlamaShape shape;
    writeTensors(dir.filePath(kFile), llamaTensors(shape));
    writeText(dir.filePath(QStringLiteral("config.json")), llamaConfig(shape, QStringLiteral("float32")));

    const CheckpointModelResult imported = importSafetensorsModel(dir.filePath(kFile));
    QVERIFY(imported.ok());
    QCOMPARE(QString::fromStdString(imported.spec()->checkpointFormat), QStringLiteral("bf16"));

    // Without a config.json the header still gives the count and the format.
    QFile::remove(dir.filePath(QStringLiteral("config.json")));
    const CheckpointModelResult bare = importSafetensorsModel(dir.path());
    QVERIFY(bare.ok());
    QVERIFY(!bare.config && !bare.spec());
    QCOMPARE(QString::fromStdString(bare.checkpoint.summary->dominantFormat), QStringLiteral("bf16"));
}

void TestSafetensorsHeader::realModelShapes()
{
#ifdef Q_OS_WIN
    QSKIP("NTFS allocates a resized file's zeros instead of leaving a hole; 16 GB is too much for a test");
#endif
    // meta-llama/Llama-3.1-8B in four shards like the published checkpoint, with
    // the real config.json beside it.
    LlamaShape shape;
    shape.vocab = 128256;
    shape.hidden = 4096;
    shape.intermediate = 14336;
    shape.layers = 32;
    shape.heads = 32;
    shape.kvHeads = 8;
    QTemporaryDir dir;
    const QList<QList<Tensor>> shards = {
        llamaEnds(shape, {}).mid(0, 1) + llamaLayers(shape, {}, 0, 9),
        llamaLayers(shape, {}, 9, 20),
        llamaLayers(shape, {}, 20, 31),
        llamaLayers(shape, {}, 31, 32) + llamaEnds(shape, {}).mid(1),
    };
    QJsonObject weightMap;
    for (qsizetype i = 0; i < shards.size(); ++i) {
        const QString name = QStringLiteral("model-%1-of-00004.safetensors").arg(i + 1, 5, 10, QLatin1Char('0'));
        qint64 dataBytes = 0;
        const QByteArray json = headerJson(shards[i], &dataBytes);
        if (!writeSafetensors(dir.filePath(name), json, dataBytes))
            QSKIP("the file system cannot hold a 16 GB sparse file");
        for (const Tensor &t : shards[i])
            weightMap.insert(t.name, name);
    }
    writeText(dir.filePath(QStringLiteral("model.safetensors.index.json")),
              QJsonDocument(QJsonObject{{QStringLiteral("weight_map"), weightMap}}).toJson());
    QVERIFY(QFile::copy(QStringLiteral(PLANNER_FIXTURES "/hf/Llama-3.1-8B/config.json"),
                        dir.filePath(QStringLiteral("config.json"))));

    const CheckpointModelResult imported = importSafetensorsModel(dir.path());
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.checkpoint.errors)));
    const CheckpointSummary &summary = *imported.checkpoint.summary;
    // Hugging Face's model card: 8,030,261,248 parameters, 16.06 GB in BF16.
    QCOMPARE(summary.parameters, qint64(8'030'261'248));
    QCOMPARE(summary.tensorBytes, qint64(16'060'522'496));
    QCOMPARE(summary.tensors.size(), std::size_t(291));
    QCOMPARE(summary.files.size(), std::size_t(4));
    QCOMPARE(countParameters(*imported.spec()).total(), summary.parameters);
}

void TestSafetensorsHeader::rejectsMalformedFile_data()
{
    QTest::addColumn<QByteArray>("file"); // the whole .safetensors file
    QTest::addColumn<QString>("where");   // the one error's place, exactly
    QTest::addColumn<QString>("message"); // part of its message

    const QString atZero = kFile + QStringLiteral(" at byte 0");
    const auto at = [](qint64 offset) { return kFile + QStringLiteral(" at byte %1").arg(offset); };
    const auto tensorAt = [](const char *name) {
        return kFile + QStringLiteral(", tensor \"%1\"").arg(QLatin1StringView(name));
    };
    // A header holding one tensor "w" with the given entry body, and dataBytes of data.
    const auto one = [](const QByteArray &body, qint64 dataBytes) {
        return fileBytes("{\"w\":{" + body + "}}", dataBytes);
    };
    // Tensors "a" and "b"; "a" is F32 [4] at [0, 16].
    const QByteArray a = R"("a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]})";
    const auto withB = [&a](const QByteArray &body) { return "{" + a + ",\"b\":{" + body + "}}"; };

    QTest::newRow("empty file") << QByteArray() << atZero << "0 bytes, shorter than the 8-byte header length";
    QTest::newRow("truncated length field") << QByteArray("\x10\x00\x00", 3) << atZero << "3 bytes, shorter";
    QTest::newRow("header length 0") << le64(0) + "{}" << atZero << "header length field is 0";
    QTest::newRow("header longer than the file") << le64(100) + "{}" << atZero << "only 2 bytes follow it";
    QTest::newRow("huge length field") << le64(~quint64(0)) + "{}" << atZero << "more than the 100 MiB limit";
    QTest::newRow("length just over 100 MiB") << le64(100 * 1024 * 1024 + 1) + "{}" << atZero << "100 MiB";

    // QJsonParseError's offset is into the header; the file offset adds the 8-byte length field.
    const QByteArray badJson = R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},})";
    QJsonParseError parseError;
    QJsonDocument::fromJson(badJson, &parseError);
    QCOMPARE_NE(parseError.error, QJsonParseError::NoError);
    QTest::newRow("bad JSON") << fileBytes(badJson, 4) << at(8 + parseError.offset) << "the header is not valid JSON";
    QTest::newRow("truncated JSON") << fileBytes(R"({"w":{"dtype":"F32")", 0) << at(8 + 19) << "not valid JSON";
    QTest::newRow("header is an array") << fileBytes("[]", 0) << at(8) << "JSON array, not an object";

    QTest::newRow("entry not an object") << fileBytes(R"({"w":3})", 0) << tensorAt("w") << "is 3, not an object";
    QTest::newRow("no dtype") << one(R"("shape":[1],"data_offsets":[0,4])", 4) << tensorAt("w") << "has no \"dtype\"";
    QTest::newRow("no shape") << one(R"("dtype":"F32","data_offsets":[0,4])", 4) << tensorAt("w") << "has no \"shape\"";
    QTest::newRow("no data_offsets") << one(R"("dtype":"F32","shape":[1])", 4) << tensorAt("w")
                                     << "has no \"data_offsets\"";
    QTest::newRow("unknown dtype") << one(R"("dtype":"F12","shape":[1],"data_offsets":[0,4])", 4) << tensorAt("w")
                                   << "dtype the string \"F12\", which safetensors does not define";
    QTest::newRow("lower-case dtype") << one(R"("dtype":"bf16","shape":[2],"data_offsets":[0,4])", 4) << tensorAt("w")
                                      << "does not define";
    QTest::newRow("dtype not a string") << one(R"("dtype":4,"shape":[1],"data_offsets":[0,4])", 4) << tensorAt("w")
                                        << "dtype 4";
    QTest::newRow("negative dimension") << one(R"("dtype":"F32","shape":[-1,4],"data_offsets":[0,0])", 0)
                                        << tensorAt("w") << "shape[0] = -1; dimensions must be non-negative integers";
    QTest::newRow("fractional dimension")
        << one(R"("dtype":"F32","shape":[2,1.5],"data_offsets":[0,12])", 12) << tensorAt("w") << "shape[1] = 1.5";
    QTest::newRow("string dimension") << one(R"("dtype":"F32","shape":["4"],"data_offsets":[0,16])", 16)
                                      << tensorAt("w") << "shape[0] = the string \"4\"";
    QTest::newRow("shape not an array") << one(R"("dtype":"F32","shape":4,"data_offsets":[0,16])", 16) << tensorAt("w")
                                        << "not an array of dimensions";
    QTest::newRow("one offset") << one(R"("dtype":"F32","shape":[1],"data_offsets":[4])", 4) << tensorAt("w")
                                << "data_offsets [4]; they must be [begin, end]";
    QTest::newRow("negative offset") << one(R"("dtype":"F32","shape":[1],"data_offsets":[-4,0])", 4) << tensorAt("w")
                                     << "two non-negative integers";
    QTest::newRow("reversed offsets") << one(R"("dtype":"F32","shape":[1],"data_offsets":[8,4])", 8) << tensorAt("w")
                                      << "end before they begin";
    QTest::newRow("offsets disagree with shape")
        << one(R"("dtype":"F32","shape":[2,2],"data_offsets":[0,12])", 12) << tensorAt("w")
        << "spanning 12 bytes, but shape [2, 2] of F32 needs 16 bytes";
    QTest::newRow("sub-byte dtype off a byte") << one(R"("dtype":"F4","shape":[3],"data_offsets":[0,2])", 2)
                                               << tensorAt("w") << "3 elements of 4 bits do not fill whole bytes";
    QTest::newRow("shape overflows") << one(R"("dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4])", 4)
                                     << tensorAt("w") << "overflows";

    const QByteArray beyond = R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})";
    QTest::newRow("offsets beyond the file's end")
        << fileBytes(beyond, 8) << tensorAt("w")
        << QStringLiteral("ending at byte %1, beyond the end of the file at byte %2")
               .arg(8 + beyond.size() + 16)
               .arg(8 + beyond.size() + 8);
    QTest::newRow("overlapping tensors") << fileBytes(withB(R"("dtype":"F32","shape":[4],"data_offsets":[8,24])"), 24)
                                         << tensorAt("b")
                                         << "data_offsets [8, 24], overlapping tensor \"a\" at [0, 16]";
    QTest::newRow("same offsets twice") << fileBytes(withB(R"("dtype":"I32","shape":[4],"data_offsets":[0,16])"), 16)
                                        << tensorAt("b") << "overlapping tensor \"a\"";
    const QByteArray gap = withB(R"("dtype":"F32","shape":[4],"data_offsets":[20,36])");
    QTest::newRow("gap between tensors") << fileBytes(gap, 36) << tensorAt("b")
                                         << QStringLiteral("leaving bytes %1 to %2 of the file unused")
                                                .arg(8 + gap.size() + 16)
                                                .arg(8 + gap.size() + 20);
    const QByteArray trailing = "{" + a + "}";
    QTest::newRow("bytes after the last tensor")
        << fileBytes(trailing, 20) << at(8 + trailing.size() + 16) << "goes on for 4 bytes after the last tensor";
    QTest::newRow("metadata not an object") << fileBytes(R"({"__metadata__":3})", 0)
                                            << kFile + QStringLiteral(", key \"__metadata__\"") << "object of strings";
    QTest::newRow("metadata value not a string")
        << fileBytes(R"({"__metadata__":{"format":1}})", 0) << kFile + QStringLiteral(", key \"__metadata__.format\"")
        << "must be a string";
    QTest::newRow("no tensors") << fileBytes(R"({"__metadata__":{"format":"pt"}})", 0) << kFile << "holds no tensors";
}

void TestSafetensorsHeader::rejectsMalformedFile()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, where);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(kFile);
    writeText(path, file);

    const CheckpointResult result = readSafetensors(path);
    QVERIFY(!result.summary);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.size() == 1, qPrintable(errorList(result.errors)));
    QCOMPARE(result.errors.front().where, where);
    // The message repeats the place after the full path, then states the problem.
    const QString text = result.errors.front().message;
    QVERIFY2(text.startsWith(QFileInfo(path).absoluteFilePath() + where.mid(kFile.size()) + QStringLiteral(": ")),
             qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));
}

void TestSafetensorsHeader::reportsEveryBadTensor()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kFile);
    writeText(path, fileBytes(R"({"a":{"dtype":"F12","shape":[1],"data_offsets":[0,4]},)"
                              R"("b":{"dtype":"F32","shape":[-1]},)"
                              R"("c":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})",
                              4));
    const CheckpointResult result = readSafetensors(path);
    QVERIFY(!result.summary);
    // a: dtype; b: shape and data_offsets, both reported in one pass.
    QCOMPARE(result.errors.size(), std::size_t(3));
    QCOMPARE(result.errors[0].where, kFile + QStringLiteral(", tensor \"a\""));
    QCOMPARE(result.errors[1].where, kFile + QStringLiteral(", tensor \"b\""));
    QVERIFY(result.errors[1].message.contains(QStringLiteral("shape[0] = -1")));
    QVERIFY(result.errors[2].message.contains(QStringLiteral("no \"data_offsets\"")));
}

// A hostile header with 200,000 bad tensors: the first ten are named, one
// last entry counts the rest, and the whole answer stays a few kilobytes.
void TestSafetensorsHeader::listsTheFirstProblemsOfAHugeHeader()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(kFile);
    constexpr int kTensors = 200'000;
    QByteArray json = "{";
    for (int i = 0; i < kTensors; ++i)
        json += QByteArrayLiteral("\"t") + QByteArray::number(i)
                + R"(":{"dtype":"F12","shape":[1],"data_offsets":[0,4]},)";
    json.back() = '}';
    writeText(path, fileBytes(json, 4));
    const CheckpointResult result = readSafetensors(path);
    QVERIFY(!result.summary);
    QCOMPARE(result.errors.size(), std::size_t(11));
    QCOMPARE(result.errors.back().where, QStringLiteral("..."));
    QCOMPARE(result.errors.back().unlisted, std::size_t(kTensors - 10));
    QCOMPARE(result.errors.back().message, QStringLiteral("and 199990 more not listed."));
    qsizetype characters = 0;
    for (const HeaderError &error : result.errors)
        characters += error.message.size();
    QVERIFY(characters < 10'000);
}

void TestSafetensorsHeader::rejectsBrokenIndex_data()
{
    QTest::addColumn<QByteArray>("index");  // model.safetensors.index.json
    QTest::addColumn<QByteArray>("shardA"); // a.safetensors (not written when empty)
    QTest::addColumn<QByteArray>("shardB"); // b.safetensors
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");

    const auto shard = [](const QList<Tensor> &tensors) {
        qint64 dataBytes = 0;
        const QByteArray json = headerJson(tensors, &dataBytes);
        return fileBytes(json, dataBytes);
    };
    const QByteArray a = shard({{QStringLiteral("x"), QStringLiteral("F32"), {4}}});
    const QByteArray b = shard({{QStringLiteral("y"), QStringLiteral("F32"), {4}}});
    const QByteArray ab = R"({"weight_map":{"x":"a.safetensors","y":"b.safetensors"}})";
    const QString index = QStringLiteral("model.safetensors.index.json");

    const QByteArray notJson = R"({"weight_map":{"x":"a.safetensors",}})";
    QJsonParseError parseError;
    QJsonDocument::fromJson(notJson, &parseError);
    QTest::newRow("index not JSON") << notJson << a << b << index + QStringLiteral(" at byte %1").arg(parseError.offset)
                                    << "the index is not valid JSON";
    QTest::newRow("no weight_map") << QByteArray(R"({"metadata":{"total_size":32}})") << a << b
                                   << index + QStringLiteral(", key \"weight_map\"") << "required but missing";
    QTest::newRow("empty weight_map") << QByteArray(R"({"weight_map":{}})") << a << b
                                      << index + QStringLiteral(", key \"weight_map\"") << "non-empty object";
    QTest::newRow("shard outside the folder")
        << QByteArray(R"({"weight_map":{"x":"../a.safetensors"}})") << a << b
        << index + QStringLiteral(", key \"weight_map.x\"") << "must name a .safetensors file in the index's folder";
    QTest::newRow("total_size not an integer")
        << QByteArray(R"({"metadata":{"total_size":"32"},"weight_map":{"x":"a.safetensors"}})") << a << b
        << index + QStringLiteral(", key \"metadata.total_size\"") << "non-negative integer";
    QTest::newRow("missing shard") << ab << a << QByteArray() << index + QStringLiteral(", key \"weight_map.y\"")
                                   << "names shard b.safetensors, which is not in the folder";
    QTest::newRow("tensor missing from its shard")
        << QByteArray(R"({"weight_map":{"x":"a.safetensors","y":"b.safetensors","z":"b.safetensors"}})") << a << b
        << QStringLiteral("b.safetensors, tensor \"z\"")
        << "placed in this shard by model.safetensors.index.json's weight_map, but the shard does not hold it";
    QTest::newRow("tensor not in weight_map")
        << QByteArray(R"({"weight_map":{"x":"a.safetensors"}})")
        << shard({{QStringLiteral("x"), QStringLiteral("F32"), {4}}, {QStringLiteral("y"), QStringLiteral("F32"), {4}}})
        << QByteArray() << QStringLiteral("a.safetensors, tensor \"y\"")
        << "is in the shard but not in model.safetensors.index.json's weight_map";
    QTest::newRow("tensor in the wrong shard")
        << ab
        << shard({{QStringLiteral("x"), QStringLiteral("F32"), {4}}, {QStringLiteral("y"), QStringLiteral("F32"), {4}}})
        << b << QStringLiteral("a.safetensors, tensor \"y\"") << "weight_map places it in b.safetensors";
    // One bad shard spoils the checkpoint: no summary from the good one.
    QTest::newRow("truncated shard") << ab << a << le64(64) + "{}" << QStringLiteral("b.safetensors at byte 0")
                                     << "the file is truncated";
}

void TestSafetensorsHeader::rejectsBrokenIndex()
{
    QFETCH(QByteArray, index);
    QFETCH(QByteArray, shardA);
    QFETCH(QByteArray, shardB);
    QFETCH(QString, where);
    QFETCH(QString, message);
    QTemporaryDir dir;
    writeText(dir.filePath(QStringLiteral("model.safetensors.index.json")), index);
    if (!shardA.isEmpty())
        writeText(dir.filePath(QStringLiteral("a.safetensors")), shardA);
    if (!shardB.isEmpty())
        writeText(dir.filePath(QStringLiteral("b.safetensors")), shardB);

    const CheckpointResult result = readSafetensors(dir.path());
    QVERIFY(!result.summary);
    QVERIFY2(result.errors.size() == 1, qPrintable(errorList(result.errors)));
    QCOMPARE(result.errors.front().where, where);
    QVERIFY2(result.errors.front().message.contains(message), qPrintable(result.errors.front().message));
}

void TestSafetensorsHeader::rejectsUnusableFolder_data()
{
    QTest::addColumn<QStringList>("files"); // empty files created in the folder
    QTest::addColumn<QString>("message");

    QTest::newRow("no checkpoint") << QStringList{QStringLiteral("config.json")} << "holds no .safetensors file";
    QTest::newRow("shards without an index")
        << QStringList{QStringLiteral("a.safetensors"), QStringLiteral("b.safetensors")}
        << "holds 2 .safetensors files but no model.safetensors.index.json";
    QTest::newRow("two indexes") << QStringList{QStringLiteral("a.safetensors.index.json"),
                                                QStringLiteral("b.safetensors.index.json")}
                                 << "several indexes";
}

void TestSafetensorsHeader::rejectsUnusableFolder()
{
    QFETCH(QStringList, files);
    QFETCH(QString, message);
    QTemporaryDir dir;
    for (const QString &name : files)
        writeText(dir.filePath(name), "{}");
    const CheckpointResult result = readSafetensors(dir.path());
    QVERIFY(!result.summary);
    QCOMPARE(result.errors.size(), std::size_t(1));
    QVERIFY2(result.errors.front().message.contains(message), qPrintable(result.errors.front().message));

    const CheckpointResult missing = readSafetensors(dir.filePath(QStringLiteral("nothing-here")));
    QVERIFY(!missing.summary);
    QVERIFY(missing.errors.front().message.contains(QStringLiteral("no such file or folder")));
}

QTEST_GUILESS_MAIN(TestSafetensorsHeader)
#include "test_safetensorsheader.moc"
