#include "database/safetensorsheader.h"
#include "database/jsonvaluetext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace planner {

namespace {

constexpr qint64 kLengthFieldBytes = 8;
// The safetensors library refuses headers above 100 MB, and DeepSeek-V3's
// largest shard header is about 2 MB: a larger length field is corruption (or
// another format), and must not make us allocate that much.
constexpr quint64 kMaxHeaderBytes = 100 * 1024 * 1024;
// An index of ~100k tensors (DeepSeek-V3: 91k) is under 10 MB.
constexpr qint64 kMaxIndexBytes = 100 * 1024 * 1024;
// FP8 block scales as DeepSeek-V3 and Qwen3-FP8 publish them (weight_block_size).
constexpr std::int64_t kFp8Block = 128;

const QString kIndexName = QStringLiteral("model.safetensors.index.json");
const QString kSingleName = QStringLiteral("model.safetensors");

struct DtypeBits {
    const char *name;
    int bits;
};

// The dtypes of safetensors' Dtype enum, with Dtype::bitsize(). F4 and F6 are
// packed below a byte; a tensor of them must still fill whole bytes.
constexpr DtypeBits kDtypes[] = {
    {"BOOL", 8}, {"U8", 8},   {"I8", 8},    {"F8_E5M2", 8}, {"F8_E4M3", 8}, {"F8_E8M0", 8}, {"I16", 16},
    {"U16", 16}, {"F16", 16}, {"BF16", 16}, {"I32", 32},    {"U32", 32},    {"F32", 32},    {"I64", 64},
    {"U64", 64}, {"F64", 64}, {"C64", 64},  {"F4", 4},      {"F6_E2M3", 6}, {"F6_E3M2", 6},
};

QString shapeText(const std::vector<std::int64_t> &shape)
{
    QStringList dims;
    for (const std::int64_t dim : shape)
        dims << QString::number(dim);
    return u'[' + dims.join(QStringLiteral(", ")) + u']';
}

bool endsWith(const std::string &text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// a * b for non-negative values, nullopt on int64 overflow.
std::optional<std::int64_t> multiply(std::int64_t a, std::int64_t b)
{
    if (a != 0 && b > std::numeric_limits<std::int64_t>::max() / a)
        return std::nullopt;
    return a * b;
}

// A JSON number that is a whole, non-negative integer exactly representable in
// int64 (QJsonValue keeps integer literals exact beyond 2^53).
std::optional<std::int64_t> nonNegativeInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 0 || number != std::floor(number))
        return std::nullopt;
    const qint64 exact = value.toInteger(-1);
    if (exact < 0)
        return std::nullopt;
    return exact;
}

// Reports problems in one file: `where` carries the file name and the place,
// the message the full path, so a list of errors stays readable and each one
// still says exactly which file to open.
class Reporter
{
public:
    Reporter(const QString &path, std::vector<HeaderError> &errors)
        : mPath(QFileInfo(path).absoluteFilePath())
        , mName(QFileInfo(path).fileName())
        , mErrors(errors)
    {
    }

    void atFile(const QString &problem) { add(QString(), problem); }
    void atByte(qint64 offset, const QString &problem) { add(QStringLiteral(" at byte %1").arg(offset), problem); }
    void atTensor(const QString &tensor, const QString &problem)
    {
        add(QStringLiteral(", tensor \"%1\"").arg(tensor), problem);
    }
    void atKey(const QString &key, const QString &problem) { add(QStringLiteral(", key \"%1\"").arg(key), problem); }

    // The problems this reporter found, listed or not.
    std::size_t count() const { return mFound; }

private:
    // A file with a million bad tensors gets its first problems listed and a
    // count of the rest: one readable message, not hundreds of megabytes.
    static constexpr std::size_t kListed = 10;

    void add(const QString &place, const QString &problem)
    {
        ++mFound;
        if (mErrors.size() < kListed) {
            mErrors.push_back({mName + place, QStringLiteral("%1%2: %3.").arg(mPath, place, problem)});
            return;
        }
        if (mErrors.size() == kListed)
            mErrors.push_back({QStringLiteral("..."), QString()});
        HeaderError &more = mErrors.back(); // shared by every file of a checkpoint
        ++more.unlisted;
        more.message = QStringLiteral("and %1 more not listed.").arg(more.unlisted);
    }

    QString mPath;
    QString mName;
    std::vector<HeaderError> &mErrors;
    std::size_t mFound = 0;
};

struct RawTensor {
    TensorInfo info;
    std::int64_t begin = 0; // data_offsets, relative to the data section
    std::int64_t end = 0;
};

struct FileHeader {
    std::vector<RawTensor> tensors;
    std::map<std::string, std::string> metadata;
};

// safetensors' own metadata type is HashMap<String, String>.
void readMetadata(const QJsonValue &value, std::map<std::string, std::string> &metadata, Reporter &report)
{
    if (!value.isObject()) {
        report.atKey(QStringLiteral("__metadata__"),
                     QStringLiteral("must be an object of strings, got %1").arg(describeJsonValue(value)));
        return;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            report.atKey(QStringLiteral("__metadata__.") + it.key(),
                         QStringLiteral("must be a string, got %1").arg(describeJsonValue(it.value())));
        else
            metadata[it.key().toStdString()] = it.value().toString().toStdString();
    }
}

std::optional<int> readDtype(const QString &name, const QJsonObject &entry, std::string &dtype, Reporter &report)
{
    const QJsonValue value = entry.value(QLatin1StringView("dtype"));
    if (value.isUndefined()) {
        report.atTensor(name, QStringLiteral("has no \"dtype\""));
        return std::nullopt;
    }
    dtype = value.toString().toStdString();
    if (const std::optional<int> bits = safetensorsDtypeBits(dtype); bits && value.isString())
        return bits;
    QStringList known;
    for (const DtypeBits &entryBits : kDtypes)
        known << QLatin1StringView(entryBits.name);
    report.atTensor(name, QStringLiteral("has dtype %1, which safetensors does not define; known: %2")
                              .arg(describeJsonValue(value), known.join(QStringLiteral(", "))));
    return std::nullopt;
}

bool readShape(const QString &name, const QJsonObject &entry, std::vector<std::int64_t> &shape, Reporter &report)
{
    const QJsonValue value = entry.value(QLatin1StringView("shape"));
    if (value.isUndefined()) {
        report.atTensor(name, QStringLiteral("has no \"shape\""));
        return false;
    }
    if (!value.isArray()) {
        report.atTensor(name, QStringLiteral("has shape %1, not an array of dimensions").arg(describeJsonValue(value)));
        return false;
    }
    const QJsonArray dims = value.toArray();
    for (qsizetype i = 0; i < dims.size(); ++i) {
        const std::optional<std::int64_t> dim = nonNegativeInteger(dims.at(i));
        if (!dim) {
            report.atTensor(name, QStringLiteral("has shape[%1] = %2; dimensions must be non-negative integers")
                                      .arg(i)
                                      .arg(describeJsonValue(dims.at(i))));
            return false;
        }
        shape.push_back(*dim);
    }
    return true;
}

bool readOffsets(const QString &name, const QJsonObject &entry, RawTensor &tensor, Reporter &report)
{
    const QJsonValue value = entry.value(QLatin1StringView("data_offsets"));
    if (value.isUndefined()) {
        report.atTensor(name, QStringLiteral("has no \"data_offsets\""));
        return false;
    }
    const QJsonArray pair = value.toArray();
    // -1 marks an invalid bound (std::optional here trips GCC 12's -Wmaybe-uninitialized).
    const std::int64_t begin = pair.size() == 2 ? nonNegativeInteger(pair.at(0)).value_or(-1) : -1;
    const std::int64_t end = pair.size() == 2 ? nonNegativeInteger(pair.at(1)).value_or(-1) : -1;
    if (!value.isArray() || begin < 0 || end < 0) {
        const QString shown = value.isArray() ? QString::fromUtf8(QJsonDocument(pair).toJson(QJsonDocument::Compact))
                                              : describeJsonValue(value);
        report.atTensor(name, QStringLiteral("has data_offsets %1; they must be [begin, end], two non-negative "
                                             "integers")
                                  .arg(shown));
        return false;
    }
    if (end < begin) {
        report.atTensor(name,
                        QStringLiteral("has data_offsets [%1, %2], which end before they begin").arg(begin).arg(end));
        return false;
    }
    tensor.begin = begin;
    tensor.end = end;
    return true;
}

// The byte count shape x dtype implies must be exactly what data_offsets span.
bool checkSize(const QString &name, int bits, RawTensor &tensor, Reporter &report)
{
    std::optional<std::int64_t> elements = 1;
    for (const std::int64_t dim : tensor.info.shape)
        elements = elements ? multiply(*elements, dim) : std::nullopt;
    const std::optional<std::int64_t> totalBits = elements ? multiply(*elements, bits) : std::nullopt;
    const QString what = QStringLiteral("shape %1 of %2")
                             .arg(shapeText(tensor.info.shape), QString::fromStdString(tensor.info.dtype));
    if (!totalBits) {
        report.atTensor(name, QStringLiteral("has %1, which overflows any possible file size").arg(what));
        return false;
    }
    if (*totalBits % 8 != 0) {
        report.atTensor(name, QStringLiteral("has %1: %2 elements of %3 bits do not fill whole bytes")
                                  .arg(what)
                                  .arg(*elements)
                                  .arg(bits));
        return false;
    }
    tensor.info.elements = *elements;
    tensor.info.bytes = tensor.end - tensor.begin;
    if (*totalBits / 8 != tensor.info.bytes) {
        report.atTensor(name, QStringLiteral("has data_offsets [%1, %2] spanning %3 bytes, but %4 needs %5 bytes")
                                  .arg(tensor.begin)
                                  .arg(tensor.end)
                                  .arg(tensor.info.bytes)
                                  .arg(what)
                                  .arg(*totalBits / 8));
        return false;
    }
    return true;
}

std::optional<RawTensor> readTensorEntry(const QString &name, const QJsonValue &value, Reporter &report)
{
    if (!value.isObject()) {
        report.atTensor(
            name,
            QStringLiteral("is %1, not an object with dtype, shape and data_offsets").arg(describeJsonValue(value)));
        return std::nullopt;
    }
    const QJsonObject entry = value.toObject();
    RawTensor tensor;
    tensor.info.name = name.toStdString();
    // All three are read before giving up, so one pass reports every missing key.
    const std::optional<int> bits = readDtype(name, entry, tensor.info.dtype, report);
    const bool shapeOk = readShape(name, entry, tensor.info.shape, report);
    const bool offsetsOk = readOffsets(name, entry, tensor, report);
    if (!bits || !shapeOk || !offsetsOk || !checkSize(name, *bits, tensor, report))
        return std::nullopt;
    return tensor;
}

// safetensors requires the tensors to tile the data section: sorted by offset,
// each begins where the previous ended, and the last ends at the end of the file.
void checkLayout(std::vector<RawTensor> tensors, qint64 dataStart, qint64 dataBytes, Reporter &report)
{
    bool pastEnd = false;
    for (const RawTensor &tensor : tensors) {
        if (tensor.end > dataBytes) {
            report.atTensor(QString::fromStdString(tensor.info.name),
                            QStringLiteral("has data_offsets [%1, %2] ending at byte %3, beyond the end of the "
                                           "file at byte %4; the file is truncated")
                                .arg(tensor.begin)
                                .arg(tensor.end)
                                .arg(dataStart + tensor.end)
                                .arg(dataStart + dataBytes));
            pastEnd = true;
        }
    }
    std::sort(tensors.begin(), tensors.end(), [](const RawTensor &a, const RawTensor &b) {
        return std::tie(a.begin, a.end, a.info.name) < std::tie(b.begin, b.end, b.info.name);
    });
    std::int64_t cursor = 0;
    const RawTensor *reaching = nullptr; // the tensor whose end is the cursor
    for (const RawTensor &tensor : tensors) {
        const QString name = QString::fromStdString(tensor.info.name);
        if (tensor.begin < cursor)
            report.atTensor(name, QStringLiteral("has data_offsets [%1, %2], overlapping tensor \"%3\" at [%4, %5]")
                                      .arg(tensor.begin)
                                      .arg(tensor.end)
                                      .arg(QString::fromStdString(reaching->info.name))
                                      .arg(reaching->begin)
                                      .arg(reaching->end));
        else if (tensor.begin > cursor)
            report.atTensor(name, QStringLiteral("begins at data offset %1, leaving bytes %2 to %3 of the file "
                                                 "unused; safetensors requires tensors to follow each other "
                                                 "without gaps")
                                      .arg(tensor.begin)
                                      .arg(dataStart + cursor)
                                      .arg(dataStart + tensor.begin));
        if (tensor.end >= cursor) {
            cursor = tensor.end;
            reaching = &tensor;
        }
    }
    if (!pastEnd && cursor < dataBytes)
        report.atByte(dataStart + cursor, QStringLiteral("the file goes on for %1 bytes after the last tensor's "
                                                         "data; safetensors requires it to end there")
                                              .arg(dataBytes - cursor));
}

std::optional<FileHeader> parseHeader(const QByteArray &json, qint64 dataBytes, Reporter &report)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        report.atByte(kLengthFieldBytes + parseError.offset,
                      QStringLiteral("the header is not valid JSON: %1").arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        report.atByte(kLengthFieldBytes,
                      QStringLiteral("the header is a JSON %1, not an object of tensors")
                          .arg(document.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
        return std::nullopt;
    }
    const std::size_t before = report.count();
    FileHeader header;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1StringView("__metadata__"))
            readMetadata(it.value(), header.metadata, report);
        else if (std::optional<RawTensor> tensor = readTensorEntry(it.key(), it.value(), report))
            header.tensors.push_back(std::move(*tensor));
    }
    // Gaps and overlaps are only meaningful once every entry is known.
    if (report.count() == before)
        checkLayout(header.tensors, kLengthFieldBytes + json.size(), dataBytes, report);
    if (report.count() != before)
        return std::nullopt;
    return header;
}

bool checkHeaderLength(quint64 length, qint64 fileSize, Reporter &report)
{
    if (length == 0) {
        report.atByte(0, QStringLiteral("the header length field is 0; even an empty header is \"{}\""));
        return false;
    }
    if (length > kMaxHeaderBytes) {
        report.atByte(0, QStringLiteral("the header length field says %1 bytes, more than the 100 MiB limit; the "
                                        "field is corrupt or this is not a safetensors file")
                             .arg(length));
        return false;
    }
    if (length > quint64(fileSize - kLengthFieldBytes)) {
        report.atByte(0, QStringLiteral("the header length field says %1 bytes, but only %2 bytes follow it; the "
                                        "file is truncated")
                             .arg(length)
                             .arg(fileSize - kLengthFieldBytes));
        return false;
    }
    return true;
}

// Reads the 8-byte length and the JSON header of one file; the data is never read.
std::optional<FileHeader> readFileHeader(const QString &path, std::vector<HeaderError> &errors)
{
    Reporter report(path, errors);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.atFile(QStringLiteral("the file cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    const qint64 size = file.size();
    if (size < kLengthFieldBytes) {
        report.atByte(0, QStringLiteral("the file is %1 bytes, shorter than the 8-byte header length field; it is "
                                        "truncated or not a safetensors file")
                             .arg(size));
        return std::nullopt;
    }
    const QByteArray field = file.read(kLengthFieldBytes);
    if (field.size() != kLengthFieldBytes) {
        report.atByte(0, QStringLiteral("the header length field cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    const quint64 length = qFromLittleEndian<quint64>(field.constData());
    if (!checkHeaderLength(length, size, report))
        return std::nullopt;
    const QByteArray json = file.read(qint64(length));
    if (json.size() != qint64(length)) {
        report.atByte(kLengthFieldBytes, QStringLiteral("the header cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    return parseHeader(json, size - kLengthFieldBytes - qint64(length), report);
}

// --- Summary --------------------------------------------------------------------------------

using TensorIndex = std::unordered_map<std::string, const TensorInfo *>;

const TensorInfo *find(const TensorIndex &index, const std::string &name)
{
    const auto it = index.find(name);
    return it == index.end() ? nullptr : it->second;
}

// Weights stored in 8 bits or fewer carry scales beside them.
bool isLowPrecision(const std::string &dtype)
{
    return dtype.rfind("F8_", 0) == 0 || dtype == "U8" || dtype == "I8" || dtype == "F4" || dtype.rfind("F6_", 0) == 0;
}

// Scales are quantization metadata, not model parameters: counting DeepSeek-V3's
// 128x128 block scales as parameters would inflate the count and break the
// comparison with the architecture's own count.
bool isQuantizationScale(const TensorInfo &tensor, const TensorIndex &index)
{
    // FP8 (weight_scale_inv: DeepSeek, Qwen3-FP8; weight_scale / input_scale:
    // vLLM/llm-compressor), NVFP4 (weight_scale, weight_scale_2) and INT8 W8A8.
    for (const std::string_view suffix : {".weight_scale_inv", ".weight_scale_2", ".weight_scale", ".input_scale"}) {
        if (!endsWith(tensor.name, suffix))
            continue;
        const std::string base = tensor.name.substr(0, tensor.name.size() - suffix.size());
        const TensorInfo *weight = find(index, base + ".weight");
        return weight && isLowPrecision(weight->dtype);
    }
    // gpt-oss MXFP4: <name>_blocks holds the packed values, <name>_scales the E8M0 scales.
    if (endsWith(tensor.name, "_scales")) {
        const TensorInfo *blocks = find(index, tensor.name.substr(0, tensor.name.size() - 7) + "_blocks");
        return blocks && blocks->dtype == "U8";
    }
    // FP8 KV-cache scales: one value per attention layer.
    return (endsWith(tensor.name, ".k_scale") || endsWith(tensor.name, ".v_scale")) && tensor.elements <= 1;
}

bool sameLeadingDims(const std::vector<std::int64_t> &a, const std::vector<std::int64_t> &b, std::size_t count)
{
    return a.size() >= count && b.size() >= count && std::equal(a.begin(), a.begin() + long(count), b.begin());
}

// U8 tensors that hold two 4-bit values per byte, recognised by their scales:
// MXFP4 (gpt-oss): <name>_blocks [..., n, 16] with <name>_scales [..., n], one
// E8M0 scale per 32 values; NVFP4 (ModelOpt): <name>.weight [rows, cols/2] with
// an F8_E4M3 <name>.weight_scale [rows, cols/16].
std::string packedFourBit(const TensorInfo &tensor, const TensorIndex &index)
{
    if (tensor.dtype != "U8" || tensor.shape.empty())
        return {};
    const std::size_t rank = tensor.shape.size();
    if (endsWith(tensor.name, "_blocks")) {
        const TensorInfo *scales = find(index, tensor.name.substr(0, tensor.name.size() - 7) + "_scales");
        if (scales && tensor.shape.back() == 16 && scales->shape.size() + 1 == rank
            && sameLeadingDims(tensor.shape, scales->shape, rank - 1))
            return "mxfp4";
    }
    if (endsWith(tensor.name, ".weight")) {
        const TensorInfo *scale = find(index, tensor.name + "_scale");
        if (scale && scale->dtype == "F8_E4M3" && scale->shape.size() == rank
            && sameLeadingDims(tensor.shape, scale->shape, rank - 1) && scale->shape.back() * 8 == tensor.shape.back())
            return "nvfp4";
    }
    return {};
}

void classifyTensors(std::vector<TensorInfo> &tensors)
{
    TensorIndex index;
    for (const TensorInfo &tensor : tensors)
        index.emplace(tensor.name, &tensor);
    for (TensorInfo &tensor : tensors) {
        tensor.quantizationScale = isQuantizationScale(tensor, index);
        tensor.packing = tensor.quantizationScale ? std::string() : packedFourBit(tensor, index);
        tensor.parameters = tensor.quantizationScale ? 0 : tensor.elements * (tensor.packing.empty() ? 1 : 2);
    }
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b)
{
    return (a + b - 1) / b;
}

// Every F8_E4M3 weight has a <name>_scale_inv of one value per 128x128 block:
// the only block shape the planner's "fp8-block" format describes.
bool hasFp8BlockScales(const std::vector<TensorInfo> &tensors)
{
    TensorIndex index;
    for (const TensorInfo &tensor : tensors)
        index.emplace(tensor.name, &tensor);
    bool any = false;
    for (const TensorInfo &tensor : tensors) {
        if (tensor.dtype != "F8_E4M3" || tensor.quantizationScale)
            continue;
        const TensorInfo *scale = find(index, tensor.name + "_scale_inv");
        if (!scale || tensor.shape.size() != 2)
            return false;
        const std::vector<std::int64_t> blocks = {ceilDiv(tensor.shape[0], kFp8Block),
                                                  ceilDiv(tensor.shape[1], kFp8Block)};
        if (scale->shape != blocks)
            return false;
        any = true;
    }
    return any;
}

std::string formatOf(const std::string &dtype, const std::vector<TensorInfo> &tensors)
{
    if (dtype == "BF16")
        return "bf16";
    if (dtype == "F16")
        return "fp16";
    if (dtype == "F32")
        return "fp32";
    if (dtype == "F8_E4M3") {
        const bool blockScaled = std::any_of(tensors.begin(), tensors.end(), [](const TensorInfo &t) {
            return t.quantizationScale && endsWith(t.name, "_scale_inv");
        });
        if (!blockScaled)
            return "fp8"; // per-tensor (or per-channel) scales
        return hasFp8BlockScales(tensors) ? "fp8-block" : std::string();
    }
    if (dtype == "F8_E5M2")
        return "fp8";
    if (dtype == "U8") {
        // Packed 4-bit only when every U8 parameter is one packing; plain U8 is no format.
        std::string packing;
        for (const TensorInfo &tensor : tensors) {
            if (tensor.dtype != "U8" || tensor.parameters == 0)
                continue;
            if (tensor.packing.empty() || (!packing.empty() && packing != tensor.packing))
                return {};
            packing = tensor.packing;
        }
        return packing;
    }
    return {};
}

CheckpointSummary summarise(std::vector<TensorInfo> tensors, std::vector<std::string> files,
                            std::map<std::string, std::string> metadata)
{
    classifyTensors(tensors);
    CheckpointSummary summary;
    for (const TensorInfo &tensor : tensors) {
        summary.tensorBytes += tensor.bytes;
        if (tensor.quantizationScale) {
            summary.scaleElements += tensor.elements;
            continue;
        }
        summary.parameters += tensor.parameters;
        summary.parametersByDtype[tensor.dtype] += tensor.parameters;
    }
    std::int64_t most = -1;
    for (const auto &[dtype, count] : summary.parametersByDtype) {
        if (count > most) {
            most = count;
            summary.dominantDtype = dtype;
        }
    }
    summary.dominantFormat = formatOf(summary.dominantDtype, tensors);
    summary.tensors = std::move(tensors);
    summary.files = std::move(files);
    summary.metadata = std::move(metadata);
    return summary;
}

std::vector<TensorInfo> tensorsOf(FileHeader &header, const QString &file)
{
    std::sort(header.tensors.begin(), header.tensors.end(),
              [](const RawTensor &a, const RawTensor &b) { return a.begin < b.begin; });
    std::vector<TensorInfo> tensors;
    for (RawTensor &raw : header.tensors) {
        raw.info.file = file.toStdString();
        tensors.push_back(std::move(raw.info));
    }
    return tensors;
}

// A checkpoint without tensors is not a model to size.
bool checkNotEmpty(const std::vector<TensorInfo> &tensors, const QString &path, std::vector<HeaderError> &errors)
{
    if (!tensors.empty())
        return true;
    Reporter(path, errors).atFile(QStringLiteral("the checkpoint holds no tensors"));
    return false;
}

CheckpointResult readSingleFile(const QString &path)
{
    CheckpointResult result;
    std::optional<FileHeader> header = readFileHeader(path, result.errors);
    if (!header)
        return result;
    const QString name = QFileInfo(path).fileName();
    std::vector<TensorInfo> tensors = tensorsOf(*header, name);
    if (checkNotEmpty(tensors, path, result.errors))
        result.summary = summarise(std::move(tensors), {name.toStdString()}, std::move(header->metadata));
    return result;
}

// --- Sharded checkpoints --------------------------------------------------------------------

struct ShardIndex {
    std::map<QString, std::vector<std::string>> shards; // shard file -> the tensors weight_map puts there
    std::unordered_map<std::string, QString> weightMap;
    std::optional<std::int64_t> totalSize;
};

// weight_map names files in the index's own folder; anything with a path in it
// would read outside the checkpoint.
bool isPlainShardName(const QString &name)
{
    return name.endsWith(QLatin1StringView(".safetensors")) && !name.contains(u'/') && !name.contains(u'\\')
           && !name.startsWith(u'.');
}

void readIndexMetadata(const QJsonObject &object, ShardIndex &index, Reporter &report)
{
    const QJsonValue metadata = object.value(QLatin1StringView("metadata"));
    if (metadata.isUndefined() || metadata.isNull())
        return;
    if (!metadata.isObject()) {
        report.atKey(QStringLiteral("metadata"),
                     QStringLiteral("must be an object, got %1").arg(describeJsonValue(metadata)));
        return;
    }
    const QJsonValue total = metadata.toObject().value(QLatin1StringView("total_size"));
    if (total.isUndefined())
        return;
    // Kept as declared, not checked: writers differ on whether shared storage
    // and scales count, so a mismatch says nothing about the weights.
    index.totalSize = nonNegativeInteger(total);
    if (!index.totalSize)
        report.atKey(QStringLiteral("metadata.total_size"),
                     QStringLiteral("must be a non-negative integer, got %1").arg(describeJsonValue(total)));
}

void readWeightMap(const QJsonObject &object, ShardIndex &index, Reporter &report)
{
    const QJsonValue value = object.value(QLatin1StringView("weight_map"));
    if (!value.isObject() || value.toObject().isEmpty()) {
        report.atKey(QStringLiteral("weight_map"),
                     value.isUndefined() ? QStringLiteral("is required but missing")
                                         : QStringLiteral("must be a non-empty object mapping tensor names to "
                                                          "shard files, got %1")
                                               .arg(describeJsonValue(value)));
        return;
    }
    const QJsonObject map = value.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString shard = it.value().toString();
        if (!it.value().isString() || !isPlainShardName(shard)) {
            report.atKey(QStringLiteral("weight_map.") + it.key(),
                         QStringLiteral("must name a .safetensors file in the index's folder, got %1")
                             .arg(describeJsonValue(it.value())));
            continue;
        }
        index.shards[shard].push_back(it.key().toStdString());
        index.weightMap.emplace(it.key().toStdString(), shard);
    }
}

std::optional<ShardIndex> readIndex(const QString &path, std::vector<HeaderError> &errors)
{
    Reporter report(path, errors);
    QFile file(path);
    if (file.size() > kMaxIndexBytes) {
        report.atFile(QStringLiteral("the file is %1 bytes, far larger than any index").arg(file.size()));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        report.atFile(QStringLiteral("the file cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        report.atByte(parseError.offset,
                      QStringLiteral("the index is not valid JSON: %1").arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        report.atByte(0, QStringLiteral("the index is not a JSON object"));
        return std::nullopt;
    }
    const std::size_t before = report.count();
    ShardIndex index;
    readIndexMetadata(document.object(), index, report);
    readWeightMap(document.object(), index, report);
    if (report.count() != before)
        return std::nullopt;
    return index;
}

// The shard must hold exactly the tensors weight_map places in it: a missing
// one means an incomplete download, an extra one a stale or mixed-up folder.
void crossCheckShard(const FileHeader &header, const QString &shard, const ShardIndex &index, const QString &indexName,
                     Reporter &report)
{
    std::unordered_map<std::string, bool> held;
    for (const RawTensor &tensor : header.tensors)
        held.emplace(tensor.info.name, true);
    for (const std::string &name : index.shards.at(shard)) {
        if (!held.count(name))
            report.atTensor(QString::fromStdString(name),
                            QStringLiteral("is placed in this shard by %1's weight_map, but the shard does not hold "
                                           "it")
                                .arg(indexName));
    }
    for (const RawTensor &tensor : header.tensors) {
        const auto it = index.weightMap.find(tensor.info.name);
        if (it == index.weightMap.end())
            report.atTensor(QString::fromStdString(tensor.info.name),
                            QStringLiteral("is in the shard but not in %1's weight_map").arg(indexName));
        else if (it->second != shard)
            report.atTensor(
                QString::fromStdString(tensor.info.name),
                QStringLiteral("is in this shard, but %1's weight_map places it in %2").arg(indexName, it->second));
    }
}

CheckpointResult readSharded(const QString &indexPath)
{
    CheckpointResult result;
    const std::optional<ShardIndex> index = readIndex(indexPath, result.errors);
    if (!index)
        return result;
    const QDir folder = QFileInfo(indexPath).absoluteDir();
    const QString indexName = QFileInfo(indexPath).fileName();
    std::vector<TensorInfo> tensors;
    std::vector<std::string> files;
    std::map<std::string, std::string> metadata;
    for (const auto &[shard, names] : index->shards) {
        const QString shardPath = folder.filePath(shard);
        if (!QFileInfo(shardPath).isFile()) {
            Reporter(indexPath, result.errors)
                .atKey(QStringLiteral("weight_map.") + QString::fromStdString(names.front()),
                       QStringLiteral("names shard %1, which is not in the folder").arg(shard));
            continue;
        }
        std::optional<FileHeader> header = readFileHeader(shardPath, result.errors);
        if (!header)
            continue;
        Reporter report(shardPath, result.errors);
        crossCheckShard(*header, shard, *index, indexName, report);
        metadata.insert(header->metadata.begin(), header->metadata.end());
        std::vector<TensorInfo> shardTensors = tensorsOf(*header, shard);
        std::move(shardTensors.begin(), shardTensors.end(), std::back_inserter(tensors));
        files.push_back(shard.toStdString());
    }
    // Nothing partial: a checkpoint with one bad shard is not summarised at all.
    if (!result.errors.empty())
        return result;
    result.summary = summarise(std::move(tensors), std::move(files), std::move(metadata));
    result.summary->indexTotalSize = index->totalSize;
    return result;
}

// --- Paths ----------------------------------------------------------------------------------

// The index when there is one (Mistral folders hold both an index with its
// shards and a consolidated.safetensors), else model.safetensors, else the
// folder's only .safetensors file.
std::optional<QString> checkpointInFolder(const QString &path, std::vector<HeaderError> &errors)
{
    const QDir folder(path);
    if (QFileInfo(folder.filePath(kIndexName)).isFile())
        return folder.filePath(kIndexName);
    if (QFileInfo(folder.filePath(kSingleName)).isFile())
        return folder.filePath(kSingleName);
    const QStringList indexes = folder.entryList({QStringLiteral("*.safetensors.index.json")}, QDir::Files, QDir::Name);
    if (indexes.size() == 1)
        return folder.filePath(indexes.front());
    const QStringList files = folder.entryList({QStringLiteral("*.safetensors")}, QDir::Files, QDir::Name);
    if (indexes.isEmpty() && files.size() == 1)
        return folder.filePath(files.front());
    Reporter report(folder.absolutePath(), errors);
    if (indexes.size() > 1)
        report.atFile(QStringLiteral("the folder holds several indexes (%1); name the one to read")
                          .arg(indexes.join(QStringLiteral(", "))));
    else if (files.isEmpty())
        report.atFile(QStringLiteral("the folder holds no .safetensors file"));
    else
        report.atFile(QStringLiteral("the folder holds %1 .safetensors files but no %2 saying how they form one "
                                     "checkpoint")
                          .arg(files.size())
                          .arg(kIndexName));
    return std::nullopt;
}

} // namespace

std::optional<int> safetensorsDtypeBits(const std::string &dtype)
{
    for (const DtypeBits &entry : kDtypes)
        if (dtype == entry.name)
            return entry.bits;
    return std::nullopt;
}

CheckpointResult readSafetensors(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        CheckpointResult result;
        Reporter(path, result.errors).atFile(QStringLiteral("no such file or folder"));
        return result;
    }
    QString file = path;
    if (info.isDir()) {
        CheckpointResult result;
        const std::optional<QString> found = checkpointInFolder(path, result.errors);
        if (!found)
            return result;
        file = *found;
    }
    if (file.endsWith(QLatin1StringView(".index.json")))
        return readSharded(file);
    return readSingleFile(file);
}

CheckpointModelResult importSafetensorsModel(const QString &path)
{
    CheckpointModelResult result;
    result.checkpoint = readSafetensors(path);
    const QFileInfo info(path);
    const QDir folder = info.isDir() ? QDir(path) : info.absoluteDir();
    const QString config = folder.filePath(QStringLiteral("config.json"));
    if (!QFileInfo(config).isFile())
        return result;
    result.config = importHuggingFaceConfig(config);
    // An unrecognised storage (AWQ/GPTQ int32 packing) keeps the format
    // config.json's quantization_config names.
    if (result.config->spec && result.checkpoint.summary && !result.checkpoint.summary->dominantFormat.empty())
        result.config->spec->checkpointFormat = result.checkpoint.summary->dominantFormat;
    return result;
}

} // namespace planner
