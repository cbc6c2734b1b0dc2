// GGUF header import: files are written here byte for byte in GGUF v3 (v2 once)
// and must give exact tensor sizes from ggml's block layouts, the sizing keys
// and, for llama and qwen2, a ModelSpec whose parameter count matches the
// tensors; broken files must be refused with an error naming the byte offset.
//
// Data sections are really present and zero-filled, written as a hole
// (QFile::resize), so the end-of-file checks run against real file sizes while
// a Llama-3.1-8B-shaped file costs no disk space.

#include "core/model/parametercount.h"
#include "core/model/precision.h"
#include "database/ggufheader.h"
#include "database/hfconfigimporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace planner;

namespace {

// Little-endian writer that knows its position, so each row can name the exact
// offset of the field it breaks.
class Bytes
{
public:
    qint64 pos() const { return data.size(); }
    Bytes &raw(const QByteArray &bytes)
    {
        data += bytes;
        return *this;
    }
    template <typename T>
    Bytes &le(T value)
    {
        QByteArray bytes(sizeof(T), '\0');
        qToLittleEndian(value, bytes.data());
        return raw(bytes);
    }
    Bytes &u8(quint8 v) { return le(v); }
    Bytes &u32(quint32 v) { return le(v); }
    Bytes &i32(qint32 v) { return le(v); }
    Bytes &u64(quint64 v) { return le(v); }
    Bytes &f32(float v) { return le(v); }
    Bytes &str(const QByteArray &s) { return u64(quint64(s.size())).raw(s); }
    Bytes &padTo(qint64 alignment)
    {
        while (pos() % alignment != 0)
            data += '\0';
        return *this;
    }

    QByteArray data;
};

// GGUF value types and ggml type ids, spelled out from the spec and ggml.h.
enum : quint32 { U32 = 4, I32 = 5, F32V = 6, BOOL = 7, STRING = 8, ARRAY = 9, U64 = 10 };
enum : quint32 { F32 = 0, F16 = 1, Q4_0 = 2, Q8_0 = 8, Q4_K = 12, Q6_K = 14, BF16 = 30 };

// A key's type and value, without the key.
struct Kv {
    QByteArray key;
    QByteArray value;
};

Kv u32Kv(const QByteArray &key, quint32 v)
{
    return {key, Bytes().u32(U32).u32(v).data};
}
Kv u64Kv(const QByteArray &key, quint64 v)
{
    return {key, Bytes().u32(U64).u64(v).data};
}
Kv f32Kv(const QByteArray &key, float v)
{
    return {key, Bytes().u32(F32V).f32(v).data};
}
Kv strKv(const QByteArray &key, const QByteArray &v)
{
    return {key, Bytes().u32(STRING).str(v).data};
}

Kv tokensKv(qint64 count)
{
    Bytes b;
    b.u32(ARRAY).u32(STRING).u64(quint64(count));
    for (qint64 i = 0; i < count; ++i)
        b.str("tok" + QByteArray::number(i));
    return {"tokenizer.ggml.tokens", b.data};
}

Kv tokenTypesKv(qint64 count)
{
    Bytes b;
    b.u32(ARRAY).u32(I32).u64(quint64(count));
    for (qint64 i = 0; i < count; ++i)
        b.i32(1);
    return {"tokenizer.ggml.token_type", b.data};
}

struct TensorDef {
    QByteArray name;
    QList<quint64> dims; // ggml order
    quint32 type;
};

// Bytes of a tensor from ggml-common.h's block layouts, written out here
// independently of the code under test.
qint64 ggmlBytes(quint32 type, qint64 elements)
{
    switch (type) {
    case F32: return elements * 4;
    case F16:
    case BF16: return elements * 2;
    case Q4_0: return elements / 32 * 18;
    case Q8_0: return elements / 32 * 34;
    case Q4_K: return elements / 256 * 144;
    case Q6_K: return elements / 256 * 210;
    }
    qFatal("test has no size for ggml type %u", type);
}

qint64 elementsOf(const TensorDef &t)
{
    qint64 n = 1;
    for (const quint64 d : t.dims)
        n *= qint64(d);
    return n;
}

struct GgufModel {
    QList<Kv> kv;
    QList<TensorDef> tensors;
    quint32 version = 3;
    qint64 alignment = 32;
};

// Header and padding; dataBytes gets the data section's size (each tensor padded).
QByteArray ggufHeader(const GgufModel &model, qint64 *dataBytes)
{
    Bytes b;
    b.raw("GGUF").u32(model.version).u64(quint64(model.tensors.size())).u64(quint64(model.kv.size()));
    for (const Kv &kv : model.kv)
        b.str(kv.key).raw(kv.value);
    qint64 offset = 0;
    for (const TensorDef &t : model.tensors) {
        b.str(t.name).u32(quint32(t.dims.size()));
        for (const quint64 d : t.dims)
            b.u64(d);
        b.u32(t.type).u64(quint64(offset));
        const qint64 bytes = ggmlBytes(t.type, elementsOf(t));
        offset += (bytes + model.alignment - 1) / model.alignment * model.alignment;
    }
    b.padTo(model.alignment);
    *dataBytes = offset;
    return b.data;
}

bool writeGguf(const QString &path, const GgufModel &model)
{
    qint64 dataBytes = 0;
    const QByteArray header = ggufHeader(model, &dataBytes);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(header) != header.size())
        return false;
    return file.resize(header.size() + dataBytes);
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

struct Shape {
    QByteArray arch = "llama";
    QByteArray name = "Tiny Llama 2L";
    qint64 vocab = 320;
    qint64 hidden = 256;
    qint64 feedForward = 512;
    qint64 layers = 2;
    qint64 heads = 4;
    qint64 kvHeads = 2;
    qint64 context = 4096;
    quint32 fileType = 15; // Q4_K_M
    bool tied = false;
    bool qkvBias = false;
    qint64 experts = 0;
    qint64 expertsUsed = 0;
    bool ropeFreqs = false; // Llama 3.1's rope_freqs.weight (64 F32 values)
};

// The tensors llama.cpp's converter writes for these architectures, with a
// Q4_K_M-like mix: Q6_K for attn_v, ffn_down and the output head.
QList<TensorDef> tensorsOf(const Shape &s)
{
    const quint64 h = quint64(s.hidden);
    const quint64 headDim = quint64(s.hidden / s.heads);
    const quint64 kv = quint64(s.kvHeads) * headDim;
    const quint64 ff = quint64(s.feedForward);
    QList<TensorDef> out = {{"token_embd.weight", {h, quint64(s.vocab)}, Q4_K}};
    if (s.ropeFreqs)
        out.append({"rope_freqs.weight", {headDim / 2}, F32});
    for (qint64 i = 0; i < s.layers; ++i) {
        const QByteArray p = "blk." + QByteArray::number(i) + '.';
        out.append({p + "attn_norm.weight", {h}, F32});
        out.append({p + "attn_q.weight", {h, quint64(s.heads) * headDim}, Q4_K});
        out.append({p + "attn_k.weight", {h, kv}, Q4_K});
        out.append({p + "attn_v.weight", {h, kv}, Q6_K});
        if (s.qkvBias) {
            out.append({p + "attn_q.bias", {quint64(s.heads) * headDim}, F32});
            out.append({p + "attn_k.bias", {kv}, F32});
            out.append({p + "attn_v.bias", {kv}, F32});
        }
        out.append({p + "attn_output.weight", {quint64(s.heads) * headDim, h}, Q4_K});
        out.append({p + "ffn_norm.weight", {h}, F32});
        if (s.experts > 0) {
            const quint64 e = quint64(s.experts);
            out.append({p + "ffn_gate_inp.weight", {h, e}, F32});
            out.append({p + "ffn_gate_exps.weight", {h, ff, e}, Q4_K});
            out.append({p + "ffn_up_exps.weight", {h, ff, e}, Q4_K});
            out.append({p + "ffn_down_exps.weight", {ff, h, e}, Q6_K});
        } else {
            out.append({p + "ffn_gate.weight", {h, ff}, Q4_K});
            out.append({p + "ffn_up.weight", {h, ff}, Q4_K});
            out.append({p + "ffn_down.weight", {ff, h}, Q6_K});
        }
    }
    out.append({"output_norm.weight", {h}, F32});
    if (!s.tied)
        out.append({"output.weight", {h, quint64(s.vocab)}, Q6_K});
    return out;
}

GgufModel modelOf(const Shape &s)
{
    const QByteArray a = s.arch + '.';
    GgufModel model;
    model.kv = {strKv("general.architecture", s.arch),
                strKv("general.name", s.name),
                u32Kv("general.file_type", s.fileType),
                u32Kv("general.quantization_version", 2),
                u32Kv(a + "block_count", quint32(s.layers)),
                u32Kv(a + "context_length", quint32(s.context)),
                u32Kv(a + "embedding_length", quint32(s.hidden)),
                u32Kv(a + "feed_forward_length", quint32(s.feedForward)),
                u32Kv(a + "attention.head_count", quint32(s.heads)),
                u32Kv(a + "attention.head_count_kv", quint32(s.kvHeads)),
                f32Kv(a + "rope.freq_base", 500000.0f),
                f32Kv(a + "attention.layer_norm_rms_epsilon", 1e-5f),
                strKv("tokenizer.ggml.model", "gpt2"),
                tokensKv(s.vocab),
                tokenTypesKv(s.vocab)};
    if (s.experts > 0) {
        model.kv.append(u32Kv(a + "expert_count", quint32(s.experts)));
        model.kv.append(u32Kv(a + "expert_used_count", quint32(s.expertsUsed)));
    }
    model.tensors = tensorsOf(s);
    return model;
}

QString errorList(const std::vector<HeaderError> &errors)
{
    QStringList lines;
    for (const HeaderError &error : errors)
        lines << error.where + QStringLiteral(" | ") + error.message;
    return lines.join(u'\n');
}

QString errorList(const std::vector<ImportError> &errors)
{
    QStringList lines;
    for (const ImportError &error : errors)
        lines << error.field + QStringLiteral(" | ") + error.message;
    return lines.join(u'\n');
}

const QString kFile = QStringLiteral("model.gguf");

} // namespace

class TestGgufHeader : public QObject
{
    Q_OBJECT

private slots:
    void ggmlTypeSizes_data();
    void ggmlTypeSizes();
    void readsHeader();
    void mapsLlama();
    void mapsQwen2TiedWithBias();
    void mapsMixtral();
    void acceptsVersion2AndCustomAlignment();
    void fileTypeFormats_data();
    void fileTypeFormats();
    void realModelShapes();
    void rejectsMalformedFile_data();
    void rejectsMalformedFile();
    void rejectsUnmappableHeader_data();
    void rejectsUnmappableHeader();
};

void TestGgufHeader::ggmlTypeSizes_data()
{
    QTest::addColumn<quint32>("type");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("bytes"); // of a [512, 2] tensor: 1024 values

    QTest::newRow("F32") << quint32(0) << "F32" << qint64(4096);
    QTest::newRow("F16") << quint32(1) << "F16" << qint64(2048);
    QTest::newRow("BF16") << quint32(30) << "BF16" << qint64(2048);
    QTest::newRow("F64") << quint32(28) << "F64" << qint64(8192);
    QTest::newRow("I8") << quint32(24) << "I8" << qint64(1024);
    QTest::newRow("Q4_0 (18 B / 32)") << quint32(2) << "Q4_0" << qint64(576);
    QTest::newRow("Q4_1 (20 B / 32)") << quint32(3) << "Q4_1" << qint64(640);
    QTest::newRow("Q5_0 (22 B / 32)") << quint32(6) << "Q5_0" << qint64(704);
    QTest::newRow("Q5_1 (24 B / 32)") << quint32(7) << "Q5_1" << qint64(768);
    QTest::newRow("Q8_0 (34 B / 32)") << quint32(8) << "Q8_0" << qint64(1088);
    QTest::newRow("Q2_K (84 B / 256)") << quint32(10) << "Q2_K" << qint64(336);
    QTest::newRow("Q3_K (110 B / 256)") << quint32(11) << "Q3_K" << qint64(440);
    QTest::newRow("Q4_K (144 B / 256)") << quint32(12) << "Q4_K" << qint64(576);
    QTest::newRow("Q5_K (176 B / 256)") << quint32(13) << "Q5_K" << qint64(704);
    QTest::newRow("Q6_K (210 B / 256)") << quint32(14) << "Q6_K" << qint64(840);
    QTest::newRow("Q8_K (292 B / 256)") << quint32(15) << "Q8_K" << qint64(1168);
    QTest::newRow("IQ2_XXS (66 B / 256)") << quint32(16) << "IQ2_XXS" << qint64(264);
    QTest::newRow("IQ1_S (50 B / 256)") << quint32(19) << "IQ1_S" << qint64(200);
    QTest::newRow("IQ4_NL (18 B / 32)") << quint32(20) << "IQ4_NL" << qint64(576);
    QTest::newRow("IQ4_XS (136 B / 256)") << quint32(23) << "IQ4_XS" << qint64(544);
    QTest::newRow("IQ1_M (56 B / 256)") << quint32(29) << "IQ1_M" << qint64(224);
    QTest::newRow("TQ2_0 (66 B / 256)") << quint32(35) << "TQ2_0" << qint64(264);
    QTest::newRow("MXFP4 (17 B / 32)") << quint32(39) << "MXFP4" << qint64(544);
}

void TestGgufHeader::ggmlTypeSizes()
{
    QFETCH(quint32, type);
    QFETCH(QString, name);
    QFETCH(qint64, bytes);
    // Written by hand: the test's size table covers only the types the models use.
    Bytes b;
    b.raw("GGUF").u32(3).u64(1).u64(1).str("general.architecture").u32(STRING).str("llama");
    b.str("w").u32(2).u64(512).u64(2).u32(type).u64(0).padTo(32);
    b.raw(QByteArray(bytes, '\0'));
    QTemporaryDir dir;
    writeBytes(dir.filePath(kFile), b.data);

    const GgufResult result = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    const GgufTensor &t = result.header->tensors.front();
    QCOMPARE(QString::fromStdString(t.typeName), name);
    QCOMPARE(t.elements, qint64(1024));
    QCOMPARE(t.bytes, bytes);
    QCOMPARE(t.dims, (std::vector<std::int64_t>{512, 2}));
    QCOMPARE(result.header->bitsPerWeight, double(bytes) * 8 / 1024);
    QCOMPARE(ggmlTypeInfo(type)->blockBytes * 1024 / ggmlTypeInfo(type)->blockSize, bytes);
}

void TestGgufHeader::readsHeader()
{
    const Shape shape;
    const GgufModel model = modelOf(shape);
    QTemporaryDir dir;
    QVERIFY(writeGguf(dir.filePath(kFile), model));

    const GgufResult result = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    const GgufHeader &h = *result.header;
    QCOMPARE(h.version, quint32(3));
    QCOMPARE(QString::fromStdString(h.architecture), QStringLiteral("llama"));
    QCOMPARE(QString::fromStdString(h.name), QStringLiteral("Tiny Llama 2L"));
    QCOMPARE(h.fileType, std::optional<std::int64_t>(15));
    QCOMPARE(h.blockCount, std::optional<std::int64_t>(2));
    QCOMPARE(h.embeddingLength, std::optional<std::int64_t>(256));
    QCOMPARE(h.feedForwardLength, std::optional<std::int64_t>(512));
    QCOMPARE(h.headCount, std::optional<std::int64_t>(4));
    QCOMPARE(h.headCountKv, std::optional<std::int64_t>(2));
    QCOMPARE(h.contextLength, std::optional<std::int64_t>(4096));
    QVERIFY(!h.expertCount && !h.expertUsedCount);
    // The tokenizer arrays are walked past: their lengths are kept, not their items.
    QCOMPARE(h.metadata.at("tokenizer.ggml.tokens").arrayCount, quint64(320));
    QCOMPARE(h.metadata.at("tokenizer.ggml.tokens").arrayType, GgufValueType::String);
    QCOMPARE(h.metadata.at("llama.rope.freq_base").real, 500000.0);
    QCOMPARE(h.metadata.size(), std::size_t(model.kv.size()));

    // 1 embedding + 2 x 9 layer tensors + output_norm + output.
    QCOMPARE(h.tensors.size(), std::size_t(21));
    QCOMPARE(h.tensorsByType.at("F32"), qint64(5));
    QCOMPARE(h.tensorsByType.at("Q4_K"), qint64(11));
    QCOMPARE(h.tensorsByType.at("Q6_K"), qint64(5));
    qint64 parameters = 0;
    qint64 bytes = 0;
    for (const TensorDef &t : model.tensors) {
        parameters += elementsOf(t);
        bytes += ggmlBytes(t.type, elementsOf(t));
    }
    QCOMPARE(h.parameters, parameters);
    QCOMPARE(h.tensorBytes, bytes);
    QCOMPARE(h.bitsPerWeight, 8.0 * double(bytes) / double(parameters));
    QCOMPARE(h.parametersByType.at("F32"), qint64(5 * 256));
    QCOMPARE(h.dataOffset % 32, qint64(0));
    const GgufTensor *down = h.tensor("blk.1.ffn_down.weight");
    QVERIFY(down);
    QCOMPARE(down->dims, (std::vector<std::int64_t>{512, 256}));
    QCOMPARE(down->bytes, qint64(512 * 256 / 256 * 210));
    QCOMPARE(down->ggmlType, quint32(Q6_K));
}

void TestGgufHeader::mapsLlama()
{
    QTemporaryDir dir;
    QVERIFY(writeGguf(dir.filePath(kFile), modelOf(Shape())));

    const ModelImportResult imported = importGguf(dir.filePath(kFile));
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.errors)));
    const ModelSpec &spec = *imported.spec;
    QCOMPARE(QString::fromStdString(spec.id), QStringLiteral("tiny-llama-2l"));
    QCOMPARE(QString::fromStdString(spec.displayName), QStringLiteral("Tiny Llama 2L"));
    QCOMPARE(QString::fromStdString(spec.family), QStringLiteral("llama"));
    QCOMPARE(QString::fromStdString(spec.checkpointFormat), QStringLiteral("q4_k_m"));
    QCOMPARE(spec.hiddenSize, qint64(256));
    QCOMPARE(spec.numLayers, qint64(2));
    QCOMPARE(spec.numHeads, qint64(4));
    QCOMPARE(spec.numKeyValueHeads, qint64(2));
    QCOMPARE(spec.headDim, qint64(64));
    QCOMPARE(spec.intermediateSize, qint64(512));
    QCOMPARE(spec.vocabSize, qint64(320));
    QCOMPARE(spec.maxContext, qint64(4096));
    QVERIFY(!spec.tiedEmbeddings);
    QVERIFY(!spec.attentionQkvBias);
    QVERIFY(!spec.moe);

    // The spec's arithmetic and the file's tensors count the same parameters.
    const GgufResult header = readGgufHeader(dir.filePath(kFile));
    QCOMPARE(countParameters(spec).total(), header.header->parameters);
}

void TestGgufHeader::mapsQwen2TiedWithBias()
{
    Shape shape;
    shape.arch = "qwen2";
    shape.name = "Tiny Qwen2";
    shape.tied = true;
    shape.qkvBias = true;
    shape.fileType = 7; // Q8_0
    QTemporaryDir dir;
    QVERIFY(writeGguf(dir.filePath(kFile), modelOf(shape)));

    const GgufResult header = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(header.ok(), qPrintable(errorList(header.errors)));
    const ModelImportResult imported = modelSpecFromGguf(*header.header, dir.filePath(kFile));
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.errors)));
    QVERIFY(imported.spec->tiedEmbeddings);   // no output.weight
    QVERIFY(imported.spec->attentionQkvBias); // blk.N.attn_q.bias present
    QCOMPARE(QString::fromStdString(imported.spec->family), QStringLiteral("qwen2"));
    QCOMPARE(QString::fromStdString(imported.spec->checkpointFormat), QStringLiteral("q8_0"));
    QCOMPARE(QString::fromStdString(imported.spec->source), dir.filePath(kFile));
    QCOMPARE(countParameters(*imported.spec).total(), header.header->parameters);
}

void TestGgufHeader::mapsMixtral()
{
    // Mixtral is stored as architecture "llama" with expert_count set.
    Shape shape;
    shape.name = "Tiny Mixtral";
    shape.experts = 4;
    shape.expertsUsed = 2;
    QTemporaryDir dir;
    QVERIFY(writeGguf(dir.filePath(kFile), modelOf(shape)));

    const GgufResult header = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(header.ok(), qPrintable(errorList(header.errors)));
    QCOMPARE(header.header->expertCount, std::optional<std::int64_t>(4));
    QCOMPARE(header.header->expertUsedCount, std::optional<std::int64_t>(2));
    const ModelImportResult imported = modelSpecFromGguf(*header.header, kFile);
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.errors)));
    const ModelSpec &spec = *imported.spec;
    QVERIFY(spec.isMoe());
    QCOMPARE(spec.moe->routedExperts, qint64(4));
    QCOMPARE(spec.moe->expertsPerToken, qint64(2));
    QCOMPARE(spec.moe->expertIntermediateSize, qint64(512));
    QCOMPARE(spec.intermediateSize, qint64(0));
    QCOMPARE(QString::fromStdString(spec.family), QStringLiteral("mixtral"));
    QCOMPARE(countParameters(spec).total(), header.header->parameters);
}

void TestGgufHeader::acceptsVersion2AndCustomAlignment()
{
    GgufModel model = modelOf(Shape());
    model.version = 2;
    model.alignment = 64;
    model.kv.append(u32Kv("general.alignment", 64));
    QTemporaryDir dir;
    QVERIFY(writeGguf(dir.filePath(kFile), model));

    const GgufResult result = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(result.ok(), qPrintable(errorList(result.errors)));
    QCOMPARE(result.header->version, quint32(2));
    QCOMPARE(result.header->alignment, qint64(64));
    QCOMPARE(result.header->dataOffset % 64, qint64(0));
    // F32 norms of 1 KiB are padded to 64 bytes, so offsets differ from 32-byte alignment.
    for (const GgufTensor &t : result.header->tensors)
        QCOMPARE(t.offset % 64, qint64(0));
}

void TestGgufHeader::fileTypeFormats_data()
{
    QTest::addColumn<qint64>("fileType");
    QTest::addColumn<QString>("format"); // empty: refused

    QTest::newRow("ALL_F32") << qint64(0) << "fp32";
    QTest::newRow("F16") << qint64(1) << "fp16";
    QTest::newRow("Q4_0") << qint64(2) << "q4_0";
    QTest::newRow("Q8_0") << qint64(7) << "q8_0";
    QTest::newRow("Q2_K") << qint64(10) << "q2_k";
    QTest::newRow("Q3_K_M") << qint64(12) << "q3_k_m";
    QTest::newRow("Q4_K_M") << qint64(15) << "q4_k_m";
    QTest::newRow("Q5_K_M") << qint64(17) << "q5_k_m";
    QTest::newRow("Q6_K") << qint64(18) << "q6_k";
    QTest::newRow("BF16") << qint64(32) << "bf16";
    QTest::newRow("Q4_K_S") << qint64(14) << "";
    QTest::newRow("IQ4_XS") << qint64(30) << "";
    QTest::newRow("unknown") << qint64(99) << "";
}

void TestGgufHeader::fileTypeFormats()
{
    QFETCH(qint64, fileType);
    QFETCH(QString, format);
    const std::optional<std::string> id = weightFormatOfFileType(fileType);
    QCOMPARE(id.has_value(), !format.isEmpty());
    if (id) {
        QCOMPARE(QString::fromStdString(*id), format);
        QVERIFY(findWeightFormat(*id)); // every id names a format precision.h defines
    }
}

void TestGgufHeader::realModelShapes()
{
#ifdef Q_OS_WIN
    QSKIP("NTFS allocates a resized file's zeros instead of leaving a hole");
#endif
    // Meta-Llama-3.1-8B in a Q4_K_M-like mix, as llama.cpp converts it
    // (rope_freqs.weight holds the llama3 RoPE factors).
    Shape shape;
    shape.name = "Meta Llama 3.1 8B";
    shape.vocab = 128256;
    shape.hidden = 4096;
    shape.feedForward = 14336;
    shape.layers = 32;
    shape.heads = 32;
    shape.kvHeads = 8;
    shape.context = 131072;
    shape.ropeFreqs = true;
    QTemporaryDir dir;
    if (!writeGguf(dir.filePath(kFile), modelOf(shape)))
        QSKIP("the file system cannot hold a 5 GB sparse file");

    const GgufResult header = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(header.ok(), qPrintable(errorList(header.errors)));
    QCOMPARE(header.header->tensors.size(), std::size_t(292));
    QCOMPARE(header.header->parameters, qint64(8'030'261'248 + 64));
    QVERIFY2(header.header->bitsPerWeight > 4.5 && header.header->bitsPerWeight < 5.5,
             qPrintable(QString::number(header.header->bitsPerWeight)));

    const ModelImportResult imported = modelSpecFromGguf(*header.header, dir.filePath(kFile));
    QVERIFY2(imported.ok(), qPrintable(errorList(imported.errors)));
    const ModelImportResult config = importHuggingFaceConfig(QStringLiteral(PLANNER_FIXTURES "/hf/Llama-3.1-8B"));
    QVERIFY(config.ok());
    const ModelSpec &a = *imported.spec;
    const ModelSpec &b = *config.spec;
    QCOMPARE(a.vocabSize, b.vocabSize);
    QCOMPARE(a.hiddenSize, b.hiddenSize);
    QCOMPARE(a.intermediateSize, b.intermediateSize);
    QCOMPARE(a.numLayers, b.numLayers);
    QCOMPARE(a.numHeads, b.numHeads);
    QCOMPARE(a.numKeyValueHeads, b.numKeyValueHeads);
    QCOMPARE(a.headDim, b.headDim);
    QCOMPARE(a.maxContext, b.maxContext);
    QCOMPARE(a.tiedEmbeddings, b.tiedEmbeddings);
    QCOMPARE(a.attentionQkvBias, b.attentionQkvBias);
    QCOMPARE(QString::fromStdString(a.id), QStringLiteral("meta-llama-3.1-8b"));
    QCOMPARE(countParameters(a).total(), qint64(8'030'261'248));
}

void TestGgufHeader::rejectsMalformedFile_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<qint64>("offset");   // the byte the error must name
    QTest::addColumn<QString>("message"); // part of its message

    const auto preamble = [](quint64 tensors, quint64 kvs, quint32 version = 3) {
        Bytes b;
        b.raw("GGUF").u32(version).u64(tensors).u64(kvs);
        return b;
    };
    const QByteArray filler(64, '\0');

    QTest::newRow("empty file") << QByteArray() << qint64(0) << "the file ends at byte 0, inside the magic";
    QTest::newRow("wrong magic") << QByteArray("GGML") + filler << qint64(0)
                                 << "starts with the bytes 47 47 4d 4c, not the GGUF magic";
    QTest::newRow("truncated version") << QByteArray("GGUF\x03\x00", 6) << qint64(4) << "inside the version";
    QTest::newRow("version 1") << preamble(0, 0, 1).data << qint64(4) << "GGUF version 1 (32-bit counts)";
    QTest::newRow("version 4") << preamble(0, 0, 4).data << qint64(4) << "GGUF version 4 is not supported";
    QTest::newRow("big-endian") << QByteArray("GGUF\0\0\0\x03", 8) + filler << qint64(4) << "big-endian GGUF";
    QTest::newRow("truncated tensor count") << QByteArray("GGUF\x03\0\0\0\x01\0\0\0", 12) << qint64(8)
                                            << "the file ends at byte 12, inside the tensor count";
    QTest::newRow("truncated key/value count")
        << preamble(0, 0).data.left(20) << qint64(16) << "inside the key/value count";
    QTest::newRow("absurd tensor count") << preamble(2'000'000, 0).data << qint64(8)
                                         << "tensor count is 2000000, more than the limit of 1000000";
    QTest::newRow("absurd key/value count")
        << preamble(0, 1'000'001).data << qint64(16) << "key/value count is 1000001";
    QTest::newRow("more tensors than the file holds")
        << preamble(1000, 0).raw(filler).data << qint64(8) << "the 64 bytes left in the file cannot hold that many";

    QTest::newRow("key longer than the file") << preamble(0, 1).u64(1000).raw(filler).data << qint64(24)
                                              << "the key claims 1000 bytes, running past the end of the file at "
                                                 "byte 96";
    QTest::newRow("key over 64 MiB") << preamble(0, 1).u64(64 * 1024 * 1024 + 1).raw(filler).data << qint64(24)
                                     << "more than the 64 MiB limit";
    QTest::newRow("empty key") << preamble(0, 1).str("").u32(U32).u32(1).data << qint64(24) << "key is empty";
    // Value type at 24 + 8 + 1.
    QTest::newRow("unknown value type") << preamble(0, 1).str("a").u32(13).raw(filler).data << qint64(33)
                                        << "the value type is 13, which GGUF does not define";
    QTest::newRow("truncated value") << preamble(0, 1).str("a").u32(U64).u32(1).data << qint64(37)
                                     << "inside the value";
    // Value at 24 + 8 + 4 + 4.
    QTest::newRow("bool of 2") << preamble(0, 1).str("flag").u32(BOOL).u8(2).data << qint64(40) << "a bool value is 2";
    // Element type at 24 + 8 + 3 + 4.
    QTest::newRow("array of arrays") << preamble(0, 1).str("arr").u32(ARRAY).u32(ARRAY).u64(0).data << qint64(39)
                                     << "an array of arrays is not supported";
    QTest::newRow("array element type unknown")
        << preamble(0, 1).str("arr").u32(ARRAY).u32(77).u64(0).data << qint64(39) << "array element type is 77";
    // Count at 24 + 8 + 3 + 4 + 4.
    QTest::newRow("array longer than the file")
        << preamble(0, 1).str("arr").u32(ARRAY).u32(U32).u64(1'000'000).raw(filler).data << qint64(43)
        << "array length 1000000 of uint32 values cannot fit in the 64 bytes";
    // First string at 51 (8 + 2 bytes), second string's length at 61.
    QTest::newRow("string array cut short")
        << preamble(0, 1).str("tok").u32(ARRAY).u32(STRING).u64(2).str("ab").u64(10).raw("xy").data << qint64(61)
        << "the array string claims 10 bytes, running past the end";
    QTest::newRow("string value cut short") << preamble(0, 1).str("name").u32(STRING).u64(10).raw("abc").data
                                            << qint64(40) << "the string value claims 10 bytes";
    // Second key at 24 + (8 + 1 + 4 + 4).
    QTest::newRow("duplicate key") << preamble(0, 2).str("a").u32(U32).u32(1).str("a").u32(U32).u32(2).data
                                   << qint64(41) << "the key \"a\" appears twice (first at byte 24)";
    // Value at 24 + 8 + 17 + 4.
    QTest::newRow("alignment not a power of two")
        << preamble(0, 1).str("general.alignment").u32(U32).u32(48).data << qint64(53)
        << "general.alignment must be a uint32 power of two, "
           "got a uint32 of 48";
    QTest::newRow("alignment of the wrong type")
        << preamble(0, 1).str("general.alignment").u32(U64).u64(32).data << qint64(53) << "got a uint64 of 32";

    // Tensor infos start at 24 with no metadata: name "w" (9 bytes), n_dims at 33,
    // dims from 37, then type and offset.
    QTest::newRow("tensor name too long") << preamble(1, 0).str(QByteArray(64, 'x')).raw(filler).data << qint64(24)
                                          << "is 64 bytes; ggml allows at most 63";
    QTest::newRow("five dimensions") << preamble(1, 0).str("w").u32(5).raw(filler).data << qint64(33)
                                     << "tensor \"w\" has 5 dimensions; ggml allows at most 4";
    QTest::newRow("negative dimension") << preamble(1, 0).str("w").u32(1).u64(quint64(1) << 63).raw(filler).data
                                        << qint64(37) << "negative as ggml's int64";
    const quint64 huge = quint64(1) << 40;
    QTest::newRow("dimensions overflow") << preamble(1, 0).str("w").u32(2).u64(huge).u64(huge).raw(filler).data
                                         << qint64(33) << "multiply beyond int64";
    QTest::newRow("removed ggml type") << preamble(1, 0).str("w").u32(1).u64(32).u32(4).u64(0).data << qint64(45)
                                       << "tensor \"w\" has ggml type 4, which is unknown";
    QTest::newRow("ggml type beyond the table")
        << preamble(1, 0).str("w").u32(1).u64(32).u32(99).u64(0).data << qint64(45) << "ggml type 99";
    QTest::newRow("row not whole blocks") << preamble(1, 0).str("w").u32(1).u64(100).u32(Q4_K).u64(0).data << qint64(45)
                                          << "rows of 100 values, not a multiple of Q4_K's block of 256";
    QTest::newRow("data offset beyond the file") << preamble(1, 0).str("w").u32(1).u64(32).u32(F32).u64(1'000'000).data
                                                 << qint64(49) << "data offset 1000000, beyond the end of the file";
    QTest::newRow("truncated tensor info")
        << preamble(1, 0).str("w").u32(1).u64(32).u32(F32).data << qint64(49) << "inside the tensor data offset";

    // Two F32 [8] tensors (32 bytes each): infos from 24, data at 128.
    const auto twoTensors = [&](quint64 secondOffset, qint64 dataBytes, qint64 *secondOffsetField) {
        Bytes b = preamble(2, 0);
        b.str("a").u32(1).u64(8).u32(F32).u64(0);
        b.str("b").u32(1).u64(8).u32(F32);
        *secondOffsetField = b.pos();
        b.u64(secondOffset).padTo(32).raw(QByteArray(dataBytes, '\0'));
        return b.data;
    };
    qint64 field = 0;
    const QByteArray misplaced = twoTensors(16, 64, &field);
    QTest::newRow("tensor offset out of order") << misplaced << field << "tensor \"b\" has data offset 16, expected 32";
    const QByteArray duplicate = preamble(2, 0).str("w").u32(1).u64(8).u32(F32).u64(0).str("w").data;
    QTest::newRow("duplicate tensor name")
        << duplicate + filler << qint64(24 + 9 + 4 + 8 + 4 + 8) << "tensor \"w\" appears twice (first at byte 24)";
    const QByteArray cutData = twoTensors(32, 40, &field);
    QTest::newRow("data cut short") << cutData << qint64(cutData.size() - 40 + 32)
                                    << "the data of tensor \"b\" (32 bytes) runs past the end of the file at byte";
}

void TestGgufHeader::rejectsMalformedFile()
{
    QFETCH(QByteArray, file);
    QFETCH(qint64, offset);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(kFile);
    writeBytes(path, file);

    const GgufResult result = readGgufHeader(path);
    QVERIFY(!result.header);
    QVERIFY(!result.ok());
    QVERIFY2(result.errors.size() == 1, qPrintable(errorList(result.errors)));
    const QString where = kFile + QStringLiteral(" at byte %1").arg(offset);
    QCOMPARE(result.errors.front().where, where);
    const QString text = result.errors.front().message;
    QVERIFY2(text.startsWith(QFileInfo(path).absoluteFilePath() + QStringLiteral(" at byte %1: ").arg(offset)),
             qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));

    // importGguf passes the header error on, its place as the field.
    const ModelImportResult imported = importGguf(path);
    QVERIFY(!imported.spec);
    QCOMPARE(imported.errors.front().field, where);
}

void TestGgufHeader::rejectsUnmappableHeader_data()
{
    QTest::addColumn<QStringList>("dropKeys");
    QTest::addColumn<QByteArray>("setKey");   // replaced (or added) with setValue
    QTest::addColumn<QByteArray>("setValue"); // type + value bytes
    QTest::addColumn<QStringList>("dropTensors");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QStringList none;
    const auto value = [](const Kv &kv) { return kv.value; };
    QTest::newRow("block_count missing") << QStringList{"llama.block_count"} << QByteArray() << QByteArray() << none
                                         << "llama.block_count"
                                         << "is required but missing";
    QTest::newRow("context_length missing")
        << QStringList{"llama.context_length"} << QByteArray() << QByteArray() << none << "llama.context_length"
        << "is required but missing";
    QTest::newRow("block_count a string")
        << none << QByteArray("llama.block_count") << value(strKv("", "32")) << none << "llama.block_count"
        << "must be an integer, got the string \"32\"";
    QTest::newRow("head_count an array") << none << QByteArray("llama.attention.head_count")
                                         << Bytes().u32(ARRAY).u32(U32).u64(2).u32(4).u32(4).data << none
                                         << "llama.attention.head_count"
                                         << "an array of 2 uint32 values";
    QTest::newRow("embedding_length zero")
        << none << QByteArray("llama.embedding_length") << value(u64Kv("", 0)) << none << "llama.embedding_length"
        << "must be a positive integer, got 0";
    QTest::newRow("embedding_length absurd") << none << QByteArray("llama.embedding_length")
                                             << value(u64Kv("", 1'000'000'000)) << none << "llama.embedding_length"
                                             << "larger than any real model";
    QTest::newRow("architecture missing")
        << QStringList{"general.architecture"} << QByteArray() << QByteArray() << none << "general.architecture"
        << "is required but missing";
    QTest::newRow("architecture unsupported")
        << none << QByteArray("general.architecture") << value(strKv("", "gemma2")) << none << "general.architecture"
        << "'gemma2' is not supported; supported: llama, qwen2";
    QTest::newRow("file_type missing") << QStringList{"general.file_type"} << QByteArray() << QByteArray() << none
                                       << "general.file_type"
                                       << "is required but missing";
    QTest::newRow("file_type without a planner format")
        << none << QByteArray("general.file_type") << value(u32Kv("", 14)) << none << "general.file_type"
        << "is 14 (Q4_K_S), which the planner has no weight format for";
    QTest::newRow("no token_embd") << none << QByteArray() << QByteArray() << QStringList{"token_embd.weight"}
                                   << "token_embd.weight"
                                   << "tensor is missing";
    QTest::newRow("vocab_size disagrees")
        << none << QByteArray("llama.vocab_size") << value(u32Kv("", 300)) << none << "llama.vocab_size"
        << "is 300, but token_embd.weight has 320 rows";
    QTest::newRow("key and value widths differ") << none << QByteArray("llama.attention.key_length")
                                                 << value(u32Kv("", 128)) << none << "llama.attention.key_length"
                                                 << "(128) differs from attention.value_length (64)";
    // planner::validate()'s checks, reported under the GGUF keys.
    QTest::newRow("heads not a multiple of KV heads") << none << QByteArray("llama.attention.head_count_kv")
                                                      << value(u32Kv("", 3)) << none << "llama.attention.head_count"
                                                      << "(4) must be a multiple of llama.attention.head_count_kv (3)";
    QTest::newRow("split file") << none << QByteArray("split.count") << value(u32Kv("", 3)) << none << "split.count"
                                << "is 3: this file is one split";
}

void TestGgufHeader::rejectsUnmappableHeader()
{
    QFETCH(QStringList, dropKeys);
    QFETCH(QByteArray, setKey);
    QFETCH(QByteArray, setValue);
    QFETCH(QStringList, dropTensors);
    QFETCH(QString, field);
    QFETCH(QString, message);

    GgufModel model = modelOf(Shape());
    model.kv.removeIf([&](const Kv &kv) { return dropKeys.contains(QString::fromLatin1(kv.key)); });
    model.tensors.removeIf([&](const TensorDef &t) { return dropTensors.contains(QString::fromLatin1(t.name)); });
    if (!setKey.isEmpty()) {
        model.kv.removeIf([&](const Kv &kv) { return kv.key == setKey; });
        model.kv.append({setKey, setValue});
    }
    // key_length without value_length is fine; with a different value_length it is not.
    if (setKey == "llama.attention.key_length")
        model.kv.append(u32Kv("llama.attention.value_length", 64));
    QTemporaryDir dir;
    QVERIFY(writeGguf(dir.filePath(kFile), model));

    const GgufResult header = readGgufHeader(dir.filePath(kFile));
    QVERIFY2(header.ok(), qPrintable(errorList(header.errors))); // a valid file, just not a usable spec
    const ModelImportResult imported = modelSpecFromGguf(*header.header, dir.filePath(kFile));
    QVERIFY(!imported.spec);
    QVERIFY2(!imported.errors.empty(), "no error reported");
    const auto it = std::find_if(imported.errors.begin(), imported.errors.end(),
                                 [&field](const ImportError &e) { return e.field == field; });
    QVERIFY2(it != imported.errors.end(), qPrintable(errorList(imported.errors)));
    QVERIFY2(it->message.startsWith(dir.filePath(kFile) + QStringLiteral(": \"") + field + u'"'),
             qPrintable(it->message));
    QVERIFY2(it->message.contains(message), qPrintable(it->message));
}

QTEST_GUILESS_MAIN(TestGgufHeader)
#include "test_ggufheader.moc"
