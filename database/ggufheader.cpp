#include "database/ggufheader.h"
#include "core/model/modelbounds.h"

#include "core/model/precision.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <type_traits>
#include <unordered_map>

namespace planner {

namespace {

// Limits on what a header may claim before anything is allocated for it. Real
// files have ~1,000 tensors (DeepSeek-V3: 1,025 in merged form) and ~40 keys.
constexpr std::uint64_t kMaxCount = 1'000'000;
constexpr std::uint64_t kMaxStringBytes = 64 * 1024 * 1024;
constexpr std::uint32_t kMaxDims = 4;           // GGML_MAX_DIMS
constexpr std::size_t kMaxTensorNameBytes = 63; // GGML_MAX_NAME (64) less the terminating NUL
// Smallest encodings, to refuse counts the rest of the file cannot hold:
// key/value = key length + type + 1-byte value; tensor info = name length +
// n_dims + type + offset.
constexpr std::int64_t kMinKeyValueBytes = 8 + 4 + 1;
constexpr std::int64_t kMinTensorInfoBytes = 8 + 4 + 4 + 8;

// Same plausibility limits as the config.json importer.

struct GgmlTypeEntry {
    std::uint32_t id;
    GgmlTypeInfo info;
};

// ggml.h's ggml_type ids with ggml-common.h's block layouts (values per block,
// bytes per block). Ids 4, 5, 31-33 and 36-38 were removed from GGUF files.
constexpr GgmlTypeEntry kGgmlTypes[] = {
    {0, {"F32", 1, 4}},         {1, {"F16", 1, 2}},         {2, {"Q4_0", 32, 18}},      {3, {"Q4_1", 32, 20}},
    {6, {"Q5_0", 32, 22}},      {7, {"Q5_1", 32, 24}},      {8, {"Q8_0", 32, 34}},      {9, {"Q8_1", 32, 36}},
    {10, {"Q2_K", 256, 84}},    {11, {"Q3_K", 256, 110}},   {12, {"Q4_K", 256, 144}},   {13, {"Q5_K", 256, 176}},
    {14, {"Q6_K", 256, 210}},   {15, {"Q8_K", 256, 292}},   {16, {"IQ2_XXS", 256, 66}}, {17, {"IQ2_XS", 256, 74}},
    {18, {"IQ3_XXS", 256, 98}}, {19, {"IQ1_S", 256, 50}},   {20, {"IQ4_NL", 32, 18}},   {21, {"IQ3_S", 256, 110}},
    {22, {"IQ2_S", 256, 82}},   {23, {"IQ4_XS", 256, 136}}, {24, {"I8", 1, 1}},         {25, {"I16", 1, 2}},
    {26, {"I32", 1, 4}},        {27, {"I64", 1, 8}},        {28, {"F64", 1, 8}},        {29, {"IQ1_M", 256, 56}},
    {30, {"BF16", 1, 2}},       {34, {"TQ1_0", 256, 54}},   {35, {"TQ2_0", 256, 66}},   {39, {"MXFP4", 32, 17}},
    {40, {"NVFP4", 64, 36}},    {41, {"Q1_0", 128, 18}},
};

struct FileTypeEntry {
    std::int64_t id;
    const char *name;   // llama_ftype without LLAMA_FTYPE_MOSTLY_
    const char *format; // planner weight format id, or nullptr
};

// llama.h's llama_ftype. The planner has formats for the pure types and the
// K-quant mixes whose recipes precision.h follows; the S/L mixes and i-quants
// spread bits differently and are refused rather than approximated.
constexpr FileTypeEntry kFileTypes[] = {
    {0, "ALL_F32", "fp32"},   {1, "F16", "fp16"},       {2, "Q4_0", "q4_0"},
    {3, "Q4_1", nullptr},     {7, "Q8_0", "q8_0"},      {8, "Q5_0", nullptr},
    {9, "Q5_1", nullptr},     {10, "Q2_K", "q2_k"},     {11, "Q3_K_S", nullptr},
    {12, "Q3_K_M", "q3_k_m"}, {13, "Q3_K_L", nullptr},  {14, "Q4_K_S", nullptr},
    {15, "Q4_K_M", "q4_k_m"}, {16, "Q5_K_S", nullptr},  {17, "Q5_K_M", "q5_k_m"},
    {18, "Q6_K", "q6_k"},     {19, "IQ2_XXS", nullptr}, {20, "IQ2_XS", nullptr},
    {21, "Q2_K_S", nullptr},  {22, "IQ3_XS", nullptr},  {23, "IQ3_XXS", nullptr},
    {24, "IQ1_S", nullptr},   {25, "IQ4_NL", nullptr},  {26, "IQ3_S", nullptr},
    {27, "IQ3_M", nullptr},   {28, "IQ2_S", nullptr},   {29, "IQ2_M", nullptr},
    {30, "IQ4_XS", nullptr},  {31, "IQ1_M", nullptr},   {32, "BF16", "bf16"},
    {36, "TQ1_0", nullptr},   {37, "TQ2_0", nullptr},   {38, "MXFP4_MOE", "mxfp4_moe"},
    {39, "NVFP4", nullptr},   {40, "Q1_0", nullptr},
};

const char *valueTypeName(GgufValueType type)
{
    static constexpr std::array<const char *, 13> names = {"uint8",  "int8",    "uint16", "int16",  "uint32",
                                                           "int32",  "float32", "bool",   "string", "array",
                                                           "uint64", "int64",   "float64"};
    const auto index = static_cast<std::size_t>(type);
    return index < names.size() ? names[index] : "unknown";
}

// Encoded size of a fixed-size value type; 0 for string and array.
std::int64_t fixedSize(GgufValueType type)
{
    switch (type) {
    case GgufValueType::Uint8:
    case GgufValueType::Int8:
    case GgufValueType::Bool: return 1;
    case GgufValueType::Uint16:
    case GgufValueType::Int16: return 2;
    case GgufValueType::Uint32:
    case GgufValueType::Int32:
    case GgufValueType::Float32: return 4;
    case GgufValueType::Uint64:
    case GgufValueType::Int64:
    case GgufValueType::Float64: return 8;
    case GgufValueType::String:
    case GgufValueType::Array: break;
    }
    return 0;
}

bool isIntegerType(GgufValueType type)
{
    return fixedSize(type) > 0 && type != GgufValueType::Float32 && type != GgufValueType::Float64;
}

std::int64_t padTo(std::int64_t value, std::int64_t alignment)
{
    return (value + alignment - 1) / alignment * alignment;
}

std::optional<std::int64_t> multiply(std::int64_t a, std::int64_t b)
{
    if (a != 0 && b > std::numeric_limits<std::int64_t>::max() / a)
        return std::nullopt;
    return a * b;
}

// Reads a GGUF header through QFile's buffer, never past the file's size and
// never more than the header: values nobody needs (the tokenizer's arrays) are
// skipped with seeks. Parsing stops at the first problem, because after a bad
// length or type nothing that follows can be located.
class GgufParser
{
public:
    GgufParser(QFile &file, const QString &path, std::vector<HeaderError> &errors)
        : mFile(file)
        , mSize(file.size())
        , mPath(QFileInfo(path).absoluteFilePath())
        , mName(QFileInfo(path).fileName())
        , mErrors(errors)
    {
    }

    std::optional<GgufHeader> parse()
    {
        std::uint64_t tensorCount = 0;
        std::uint64_t keyValueCount = 0;
        if (!readPreamble(tensorCount, keyValueCount))
            return std::nullopt;
        for (std::uint64_t i = 0; i < keyValueCount; ++i)
            if (!readKeyValue())
                return std::nullopt;
        if (!readAlignment())
            return std::nullopt;
        for (std::uint64_t i = 0; i < tensorCount; ++i)
            if (!readTensorInfo())
                return std::nullopt;
        // llama.cpp pads to the alignment only when there is a data section.
        mHeader.dataOffset = tensorCount > 0 ? padTo(mPos, mHeader.alignment) : mPos;
        if (!checkDataLayout())
            return std::nullopt;
        return std::move(mHeader);
    }

private:
    void fail(qint64 offset, const QString &problem)
    {
        const QString place = QStringLiteral(" at byte %1").arg(offset);
        mErrors.push_back({mName + place, QStringLiteral("%1%2: %3.").arg(mPath, place, problem)});
    }

    // Every read and skip passes here first: nothing is read past the file's end.
    bool fits(qint64 count, const char *what)
    {
        if (count <= mSize - mPos)
            return true;
        fail(mPos, QStringLiteral("the file ends at byte %1, inside the %2 that starts here; the file is truncated")
                       .arg(mSize)
                       .arg(QLatin1StringView(what)));
        return false;
    }

    bool readBytes(char *out, qint64 count, const char *what)
    {
        if (!fits(count, what))
            return false;
        if (mFile.read(out, count) != count) {
            fail(mPos, QStringLiteral("the %1 cannot be read: %2").arg(QLatin1StringView(what), mFile.errorString()));
            return false;
        }
        mPos += count;
        return true;
    }

    template <typename T>
    bool read(T &out, const char *what)
    {
        char bytes[sizeof(T)];
        if (!readBytes(bytes, sizeof(T), what))
            return false;
        out = qFromLittleEndian<T>(bytes);
        return true;
    }

    bool skip(qint64 count, const char *what)
    {
        if (!fits(count, what))
            return false;
        if (!mFile.seek(mPos + count)) {
            fail(mPos,
                 QStringLiteral("the %1 cannot be skipped: %2").arg(QLatin1StringView(what), mFile.errorString()));
            return false;
        }
        mPos += count;
        return true;
    }

    // A gguf string: u64 length, then that many bytes (no terminator). `out`
    // null skips it.
    bool readString(std::string *out, const char *what)
    {
        const qint64 at = mPos;
        std::uint64_t length = 0;
        if (!read(length, what))
            return false;
        if (length > kMaxStringBytes) {
            fail(at, QStringLiteral("the %1 claims %2 bytes, more than the 64 MiB limit; the length is corrupt")
                         .arg(QLatin1StringView(what))
                         .arg(length));
            return false;
        }
        if (qint64(length) > mSize - mPos) {
            fail(at, QStringLiteral("the %1 claims %2 bytes, running past the end of the file at byte %3; the file "
                                    "is truncated")
                         .arg(QLatin1StringView(what))
                         .arg(length)
                         .arg(mSize));
            return false;
        }
        if (!out)
            return skip(qint64(length), what);
        out->resize(length);
        return readBytes(out->data(), qint64(length), what);
    }

    bool readVersion()
    {
        if (!read(mHeader.version, "version"))
            return false;
        if (mHeader.version == 2 || mHeader.version == 3)
            return true;
        const std::uint32_t swapped = qbswap(mHeader.version);
        if (swapped == 2 || swapped == 3)
            fail(4, QStringLiteral("the version field reads %1 little-endian and %2 big-endian: this is a "
                                   "big-endian GGUF file, which is not supported")
                        .arg(mHeader.version)
                        .arg(swapped));
        else if (mHeader.version == 1)
            fail(4, QStringLiteral("GGUF version 1 (32-bit counts) is not supported, as in llama.cpp; "
                                   "supported: 2, 3"));
        else
            fail(4, QStringLiteral("GGUF version %1 is not supported; supported: 2, 3").arg(mHeader.version));
        return false;
    }

    bool checkCount(qint64 at, std::uint64_t count, const char *what, std::int64_t minBytes)
    {
        if (count > kMaxCount) {
            fail(at, QStringLiteral("the %1 is %2, more than the limit of 1000000; the field is corrupt")
                         .arg(QLatin1StringView(what))
                         .arg(count));
            return false;
        }
        if (qint64(count) * minBytes > mSize - mPos) {
            fail(at, QStringLiteral("the %1 is %2, but the %3 bytes left in the file cannot hold that many")
                         .arg(QLatin1StringView(what))
                         .arg(count)
                         .arg(mSize - mPos));
            return false;
        }
        return true;
    }

    bool readPreamble(std::uint64_t &tensorCount, std::uint64_t &keyValueCount)
    {
        char magic[4];
        if (!readBytes(magic, 4, "magic"))
            return false;
        if (QByteArray(magic, 4) != QByteArrayLiteral("GGUF")) {
            fail(0, QStringLiteral("the file starts with the bytes %1, not the GGUF magic \"GGUF\"; it is not a GGUF "
                                   "file")
                        .arg(QString::fromLatin1(QByteArray(magic, 4).toHex(' '))));
            return false;
        }
        if (!readVersion())
            return false;
        if (!read(tensorCount, "tensor count") || !read(keyValueCount, "key/value count"))
            return false;
        // Both checks against the bytes after the preamble: each count alone must fit.
        return checkCount(8, tensorCount, "tensor count", kMinTensorInfoBytes)
               && checkCount(16, keyValueCount, "key/value count", kMinKeyValueBytes);
    }

    bool readValueType(GgufValueType &type, const char *what)
    {
        const qint64 at = mPos;
        std::uint32_t raw = 0;
        if (!read(raw, what))
            return false;
        if (raw > static_cast<std::uint32_t>(GgufValueType::Float64)) {
            fail(at, QStringLiteral("the %1 is %2, which GGUF does not define (0 to 12)")
                         .arg(QLatin1StringView(what))
                         .arg(raw));
            return false;
        }
        type = static_cast<GgufValueType>(raw);
        return true;
    }

    template <typename T>
    bool readInteger(GgufValue &value)
    {
        T raw{};
        if (!read(raw, "value"))
            return false;
        if constexpr (std::is_same_v<T, std::uint64_t>) {
            if (raw <= std::uint64_t(std::numeric_limits<std::int64_t>::max()))
                value.integer = std::int64_t(raw);
        } else {
            value.integer = std::int64_t(raw);
        }
        return true;
    }

    template <typename T>
    bool readReal(GgufValue &value)
    {
        T raw{};
        if (!read(raw, "value"))
            return false;
        value.real = double(raw);
        return true;
    }

    bool readBool(GgufValue &value)
    {
        const qint64 at = mPos;
        std::uint8_t raw = 0;
        if (!read(raw, "value"))
            return false;
        if (raw > 1) {
            fail(at, QStringLiteral("a bool value is %1; GGUF allows only 0 and 1").arg(raw));
            return false;
        }
        value.integer = raw;
        return true;
    }

    bool readScalar(GgufValue &value)
    {
        switch (value.type) {
        case GgufValueType::Uint8: return readInteger<std::uint8_t>(value);
        case GgufValueType::Int8: return readInteger<std::int8_t>(value);
        case GgufValueType::Uint16: return readInteger<std::uint16_t>(value);
        case GgufValueType::Int16: return readInteger<std::int16_t>(value);
        case GgufValueType::Uint32: return readInteger<std::uint32_t>(value);
        case GgufValueType::Int32: return readInteger<std::int32_t>(value);
        case GgufValueType::Uint64: return readInteger<std::uint64_t>(value);
        case GgufValueType::Int64: return readInteger<std::int64_t>(value);
        case GgufValueType::Float32: return readReal<float>(value);
        case GgufValueType::Float64: return readReal<double>(value);
        case GgufValueType::Bool: return readBool(value);
        case GgufValueType::String: return readString(&value.text, "string value");
        case GgufValueType::Array: break;
        }
        return false;
    }

    // Arrays are walked, not kept; each string in them is still bounds-checked.
    bool readArray(GgufValue &value)
    {
        const qint64 typeAt = mPos;
        if (!readValueType(value.arrayType, "array element type"))
            return false;
        if (value.arrayType == GgufValueType::Array) {
            fail(typeAt, QStringLiteral("an array of arrays is not supported, as in llama.cpp"));
            return false;
        }
        const qint64 countAt = mPos;
        if (!read(value.arrayCount, "array length"))
            return false;
        const std::int64_t itemBytes = value.arrayType == GgufValueType::String ? 8 : fixedSize(value.arrayType);
        if (value.arrayCount > std::uint64_t(mSize - mPos) / std::uint64_t(itemBytes)) {
            fail(countAt, QStringLiteral("the array length %1 of %2 values cannot fit in the %3 bytes left in the "
                                         "file; the length is corrupt")
                              .arg(value.arrayCount)
                              .arg(QLatin1StringView(valueTypeName(value.arrayType)))
                              .arg(mSize - mPos));
            return false;
        }
        if (value.arrayType != GgufValueType::String)
            return skip(qint64(value.arrayCount) * itemBytes, "array");
        for (std::uint64_t i = 0; i < value.arrayCount; ++i)
            if (!readString(nullptr, "array string"))
                return false;
        return true;
    }

    bool readKeyValue()
    {
        const qint64 at = mPos;
        std::string key;
        if (!readString(&key, "key"))
            return false;
        if (key.empty()) {
            fail(at, QStringLiteral("a metadata key is empty"));
            return false;
        }
        if (const auto seen = mKeyOffsets.find(key); seen != mKeyOffsets.end()) {
            fail(at, QStringLiteral("the key \"%1\" appears twice (first at byte %2)")
                         .arg(QString::fromStdString(key))
                         .arg(seen->second));
            return false;
        }
        GgufValue value;
        if (!readValueType(value.type, "value type"))
            return false;
        mValueOffsets[key] = mPos;
        const bool ok = value.type == GgufValueType::Array ? readArray(value) : readScalar(value);
        if (!ok)
            return false;
        mKeyOffsets.emplace(key, at);
        mHeader.metadata.emplace(std::move(key), std::move(value));
        return true;
    }

    // general.alignment: llama.cpp requires a uint32 power of two.
    bool readAlignment()
    {
        const auto it = mHeader.metadata.find("general.alignment");
        if (it == mHeader.metadata.end())
            return true;
        const GgufValue &value = it->second;
        const std::int64_t alignment = value.integer.value_or(0);
        if (value.type != GgufValueType::Uint32 || alignment <= 0 || (alignment & (alignment - 1)) != 0) {
            fail(mValueOffsets.at(it->first),
                 QStringLiteral("general.alignment must be a uint32 power of two, got a %1 of %2")
                     .arg(QLatin1StringView(valueTypeName(value.type)))
                     .arg(value.integer ? QString::number(*value.integer) : QStringLiteral("another type")));
            return false;
        }
        mHeader.alignment = alignment;
        return true;
    }

    bool readDims(GgufTensor &tensor)
    {
        const qint64 at = mPos;
        std::uint32_t dimCount = 0;
        if (!read(dimCount, "dimension count"))
            return false;
        if (dimCount > kMaxDims) {
            fail(at, QStringLiteral("tensor \"%1\" has %2 dimensions; ggml allows at most 4")
                         .arg(QString::fromStdString(tensor.name))
                         .arg(dimCount));
            return false;
        }
        std::optional<std::int64_t> elements = 1;
        for (std::uint32_t i = 0; i < dimCount; ++i) {
            const qint64 dimAt = mPos;
            std::uint64_t dim = 0;
            if (!read(dim, "dimension"))
                return false;
            if (dim > std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
                fail(dimAt, QStringLiteral("tensor \"%1\" has dimension %2 = %3, negative as ggml's int64")
                                .arg(QString::fromStdString(tensor.name))
                                .arg(i)
                                .arg(dim));
                return false;
            }
            tensor.dims.push_back(std::int64_t(dim));
            elements = elements ? multiply(*elements, std::int64_t(dim)) : std::nullopt;
        }
        if (!elements) {
            fail(at, QStringLiteral("tensor \"%1\"'s dimensions multiply beyond int64")
                         .arg(QString::fromStdString(tensor.name)));
            return false;
        }
        tensor.elements = *elements;
        return true;
    }

    // The type id, and the size it implies: ggml stores rows as whole blocks.
    bool readTensorType(GgufTensor &tensor)
    {
        const qint64 at = mPos;
        if (!read(tensor.ggmlType, "tensor type"))
            return false;
        const std::optional<GgmlTypeInfo> info = ggmlTypeInfo(tensor.ggmlType);
        const QString name = QString::fromStdString(tensor.name);
        if (!info) {
            fail(at, QStringLiteral("tensor \"%1\" has ggml type %2, which is unknown (removed from GGUF, or newer "
                                    "than this reader)")
                         .arg(name)
                         .arg(tensor.ggmlType));
            return false;
        }
        tensor.typeName = info->name;
        const std::int64_t rowLength = tensor.dims.empty() ? 1 : tensor.dims.front();
        if (rowLength % info->blockSize != 0) {
            fail(at, QStringLiteral("tensor \"%1\" has rows of %2 values, not a multiple of %3's block of %4")
                         .arg(name)
                         .arg(rowLength)
                         .arg(QLatin1StringView(info->name))
                         .arg(info->blockSize));
            return false;
        }
        const std::optional<std::int64_t> bytes = multiply(tensor.elements / info->blockSize, info->blockBytes);
        if (!bytes) {
            fail(at, QStringLiteral("tensor \"%1\"'s size overflows int64").arg(name));
            return false;
        }
        tensor.bytes = *bytes;
        return true;
    }

    bool readTensorInfo()
    {
        const qint64 at = mPos;
        GgufTensor tensor;
        if (!readString(&tensor.name, "tensor name"))
            return false;
        const QString name = QString::fromStdString(tensor.name);
        if (tensor.name.size() > kMaxTensorNameBytes) {
            fail(at, QStringLiteral("the tensor name \"%1\" is %2 bytes; ggml allows at most 63")
                         .arg(name)
                         .arg(tensor.name.size()));
            return false;
        }
        if (const auto seen = mTensorOffsets.find(tensor.name); seen != mTensorOffsets.end()) {
            fail(at, QStringLiteral("tensor \"%1\" appears twice (first at byte %2)").arg(name).arg(seen->second));
            return false;
        }
        if (!readDims(tensor) || !readTensorType(tensor))
            return false;
        mDataOffsetFields.push_back(mPos);
        std::uint64_t offset = 0;
        if (!read(offset, "tensor data offset"))
            return false;
        if (offset > std::uint64_t(mSize)) {
            fail(mDataOffsetFields.back(), QStringLiteral("tensor \"%1\" has data offset %2, beyond the end of the "
                                                          "file at byte %3")
                                               .arg(name)
                                               .arg(offset)
                                               .arg(mSize));
            return false;
        }
        tensor.offset = std::int64_t(offset);
        mTensorOffsets.emplace(tensor.name, at);
        mHeader.tensors.push_back(std::move(tensor));
        return true;
    }

    // llama.cpp requires the tensors in header order, each starting where the
    // previous one's alignment-padded data ends; and the data must be in the file.
    bool checkDataLayout()
    {
        std::int64_t expected = 0;
        for (std::size_t i = 0; i < mHeader.tensors.size(); ++i) {
            const GgufTensor &tensor = mHeader.tensors[i];
            const QString name = QString::fromStdString(tensor.name);
            if (tensor.offset != expected) {
                fail(mDataOffsetFields[i], QStringLiteral("tensor \"%1\" has data offset %2, expected %3: tensors "
                                                          "follow each other in order, each padded to %4 bytes")
                                               .arg(name)
                                               .arg(tensor.offset)
                                               .arg(expected)
                                               .arg(mHeader.alignment));
                return false;
            }
            // Written as a difference: the sum could overflow for a corrupt size.
            if (tensor.bytes > mSize - mHeader.dataOffset - tensor.offset) {
                fail(mHeader.dataOffset + tensor.offset,
                     QStringLiteral("the data of tensor \"%1\" (%2 bytes) runs past the end of the file at byte %3; "
                                    "the file is truncated")
                         .arg(name)
                         .arg(tensor.bytes)
                         .arg(mSize));
                return false;
            }
            expected += padTo(tensor.bytes, mHeader.alignment);
        }
        return true;
    }

    QFile &mFile;
    const qint64 mSize;
    qint64 mPos = 0;
    QString mPath;
    QString mName;
    std::vector<HeaderError> &mErrors;
    GgufHeader mHeader;
    std::unordered_map<std::string, qint64> mKeyOffsets;
    std::unordered_map<std::string, qint64> mValueOffsets;
    std::unordered_map<std::string, qint64> mTensorOffsets;
    std::vector<qint64> mDataOffsetFields;
};

std::optional<std::int64_t> integerKey(const GgufHeader &header, const std::string &key)
{
    const auto it = header.metadata.find(key);
    if (it == header.metadata.end() || !isIntegerType(it->second.type))
        return std::nullopt;
    return it->second.integer;
}

std::string stringKey(const GgufHeader &header, const std::string &key)
{
    const auto it = header.metadata.find(key);
    return it != header.metadata.end() && it->second.type == GgufValueType::String ? it->second.text : std::string();
}

void fillNamedKeys(GgufHeader &header)
{
    header.architecture = stringKey(header, "general.architecture");
    header.name = stringKey(header, "general.name");
    header.fileType = integerKey(header, "general.file_type");
    const std::string arch = header.architecture + '.';
    header.blockCount = integerKey(header, arch + "block_count");
    header.embeddingLength = integerKey(header, arch + "embedding_length");
    header.feedForwardLength = integerKey(header, arch + "feed_forward_length");
    header.headCount = integerKey(header, arch + "attention.head_count");
    header.headCountKv = integerKey(header, arch + "attention.head_count_kv");
    header.contextLength = integerKey(header, arch + "context_length");
    header.expertCount = integerKey(header, arch + "expert_count");
    header.expertUsedCount = integerKey(header, arch + "expert_used_count");
}

void summarise(GgufHeader &header)
{
    for (const GgufTensor &tensor : header.tensors) {
        header.parameters += tensor.elements;
        header.tensorBytes += tensor.bytes;
        header.tensorsByType[tensor.typeName] += 1;
        header.parametersByType[tensor.typeName] += tensor.elements;
    }
    header.bitsPerWeight = header.parameters > 0 ? 8.0 * double(header.tensorBytes) / double(header.parameters) : 0;
}

// --- GGUF -> ModelSpec ----------------------------------------------------------------------

// Reads typed metadata for the spec; like the config.json importer it reports
// every problem, naming the key, and returns 0 after reporting so all problems
// surface in one pass.
class SpecReader
{
public:
    SpecReader(const GgufHeader &header, QString source, std::vector<ImportError> &errors)
        : mHeader(header)
        , mSource(std::move(source))
        , mErrors(errors)
    {
    }

    void fail(const std::string &field, const QString &problem)
    {
        const QString name = QString::fromStdString(field);
        mErrors.push_back({name, QStringLiteral("%1: \"%2\" %3.").arg(mSource, name, problem)});
    }

    const GgufValue *value(const std::string &key) const
    {
        const auto it = mHeader.metadata.find(key);
        return it == mHeader.metadata.end() ? nullptr : &it->second;
    }

    // A required integer in [minimum, maximum].
    std::int64_t count(const std::string &key, double maximum = kMaxModelDimension, std::int64_t minimum = 1)
    {
        if (!value(key)) {
            fail(key, QStringLiteral("is required but missing"));
            return 0;
        }
        return integer(key, minimum, maximum);
    }

    std::optional<std::int64_t> optionalCount(const std::string &key)
    {
        if (!value(key))
            return std::nullopt;
        return integer(key, 1, kMaxModelDimension);
    }

    QString text(const std::string &key, bool required)
    {
        const GgufValue *v = value(key);
        if (!v) {
            if (required)
                fail(key, QStringLiteral("is required but missing"));
            return {};
        }
        if (v->type != GgufValueType::String || v->text.empty()) {
            fail(key, QStringLiteral("must be a non-empty string, got %1").arg(describe(*v)));
            return {};
        }
        return QString::fromStdString(v->text);
    }

    const QString &source() const { return mSource; }
    std::size_t errorCount() const { return mErrors.size(); }

private:
    static QString describe(const GgufValue &v)
    {
        if (v.type == GgufValueType::Array)
            return QStringLiteral("an array of %1 %2 values")
                .arg(v.arrayCount)
                .arg(QLatin1StringView(valueTypeName(v.arrayType)));
        if (v.type == GgufValueType::String)
            return QStringLiteral("the string \"%1\"").arg(QString::fromStdString(v.text));
        if (v.type == GgufValueType::Float32 || v.type == GgufValueType::Float64)
            return QStringLiteral("the %1 %2").arg(QLatin1StringView(valueTypeName(v.type))).arg(v.real);
        return QStringLiteral("the %1 %2")
            .arg(QLatin1StringView(valueTypeName(v.type)))
            .arg(v.integer ? QString::number(*v.integer) : QStringLiteral("(beyond int64)"));
    }

    std::int64_t integer(const std::string &key, std::int64_t minimum, double maximum)
    {
        const GgufValue &v = *value(key);
        if (!isIntegerType(v.type) || v.type == GgufValueType::Bool || !v.integer) {
            fail(key, QStringLiteral("must be an integer, got %1").arg(describe(v)));
        } else if (*v.integer < minimum) {
            fail(key, minimum == 1 ? QStringLiteral("must be a positive integer, got %1").arg(*v.integer)
                                   : QStringLiteral("must not be negative, got %1").arg(*v.integer));
        } else if (double(*v.integer) > maximum) {
            fail(key, QStringLiteral("is %1, larger than any real model (limit %2); the value is corrupt")
                          .arg(*v.integer)
                          .arg(QString::number(maximum, 'g', 15)));
        } else {
            return *v.integer;
        }
        return 0;
    }

    const GgufHeader &mHeader;
    QString mSource;
    std::vector<ImportError> &mErrors;
};

// llama.cpp defaults the key/value head count to the query head count and the
// head width to embedding_length / head_count, as transformers does for Llama.
void readAttention(SpecReader &reader, const std::string &arch, ModelSpec &spec)
{
    spec.numHeads = reader.count(arch + ".attention.head_count");
    spec.numKeyValueHeads = reader.optionalCount(arch + ".attention.head_count_kv").value_or(spec.numHeads);
    const std::string keyLength = arch + ".attention.key_length";
    const std::optional<std::int64_t> key = reader.optionalCount(keyLength);
    const std::optional<std::int64_t> valueWidth = reader.optionalCount(arch + ".attention.value_length");
    if (key && valueWidth && *key != *valueWidth)
        reader.fail(keyLength, QStringLiteral("(%1) differs from attention.value_length (%2); the planner models one "
                                              "head width")
                                   .arg(*key)
                                   .arg(*valueWidth));
    if (key) {
        spec.headDim = *key;
    } else if (spec.numHeads > 0 && spec.hiddenSize % spec.numHeads == 0) {
        spec.headDim = spec.hiddenSize / spec.numHeads;
    } else if (spec.numHeads > 0) {
        reader.fail(keyLength, QStringLiteral("is absent and embedding_length (%1) is not a multiple of "
                                              "attention.head_count (%2), so the head width is unknown")
                                   .arg(spec.hiddenSize)
                                   .arg(spec.numHeads));
    }
}

// Mixtral is stored with architecture "llama" and expert_count set; qwen2 has no
// experts (Qwen2-MoE is its own architecture, qwen2moe).
void readMlp(SpecReader &reader, const std::string &arch, ModelSpec &spec)
{
    const std::int64_t feedForward = reader.count(arch + ".feed_forward_length");
    const std::optional<std::int64_t> experts = reader.optionalCount(arch + ".expert_count");
    if (!experts) {
        spec.intermediateSize = feedForward;
        return;
    }
    if (arch != "llama") {
        reader.fail(arch + ".expert_count", QStringLiteral("is %1, but %2 has no mixture-of-experts form")
                                                .arg(*experts)
                                                .arg(QString::fromStdString(arch)));
        return;
    }
    MoeSpec moe;
    moe.routedExperts = *experts;
    moe.expertsPerToken = reader.count(arch + ".expert_used_count");
    moe.expertIntermediateSize = feedForward;
    spec.intermediateSize = 0;
    spec.moe = moe;
    spec.family = "mixtral";
}

// The vocabulary is token_embd's row count (ggml order [embedding_length, vocab]),
// which is what the parameter count needs: it includes any padding rows beyond
// the tokenizer's own tokens.
void readEmbeddings(SpecReader &reader, const GgufHeader &header, ModelSpec &spec)
{
    const GgufTensor *embedding = header.tensor("token_embd.weight");
    if (!embedding) {
        reader.fail("token_embd.weight", QStringLiteral("tensor is missing; the vocabulary size comes from its shape"));
        return;
    }
    if (embedding->dims.size() != 2 || (spec.hiddenSize > 0 && embedding->dims[0] != spec.hiddenSize)) {
        reader.fail("token_embd.weight", QStringLiteral("tensor has %1 dimensions starting with %2; expected "
                                                        "[embedding_length (%3), vocabulary]")
                                             .arg(embedding->dims.size())
                                             .arg(embedding->dims.empty() ? 0 : embedding->dims[0])
                                             .arg(spec.hiddenSize));
        return;
    }
    spec.vocabSize = embedding->dims[1];
    const std::string vocabKey = header.architecture + ".vocab_size";
    if (const std::optional<std::int64_t> declared = reader.optionalCount(vocabKey);
        declared && *declared != spec.vocabSize)
        reader.fail(vocabKey,
                    QStringLiteral("is %1, but token_embd.weight has %2 rows").arg(*declared).arg(spec.vocabSize));
    // No output.weight: llama.cpp then uses token_embd as the output head.
    const GgufTensor *output = header.tensor("output.weight");
    spec.tiedEmbeddings = output == nullptr;
    if (output && output->dims != embedding->dims)
        reader.fail("output.weight", QStringLiteral("tensor's shape differs from token_embd.weight's"));
}

bool hasQueryBias(const GgufHeader &header)
{
    const std::string_view suffix = ".attn_q.bias";
    return std::any_of(header.tensors.begin(), header.tensors.end(), [suffix](const GgufTensor &t) {
        return t.name.size() > suffix.size()
               && t.name.compare(t.name.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

std::string readFormat(SpecReader &reader)
{
    const std::size_t before = reader.errorCount();
    // 0 is a real value (ALL_F32), so failure is told by the error count.
    const std::int64_t fileType = reader.count("general.file_type", 1e6, 0);
    if (reader.errorCount() != before)
        return {};
    if (const std::optional<std::string> format = weightFormatOfFileType(fileType))
        return *format;
    QStringList supported;
    QString name = QStringLiteral("unknown");
    for (const FileTypeEntry &entry : kFileTypes) {
        if (entry.format)
            supported << QLatin1StringView(entry.name);
        if (entry.id == fileType)
            name = QLatin1StringView(entry.name);
    }
    reader.fail("general.file_type", QStringLiteral("is %1 (%2), which the planner has no weight format for; "
                                                    "supported: %3")
                                         .arg(fileType)
                                         .arg(name, supported.join(QStringLiteral(", "))));
    return {};
}

// general.name ("Meta Llama 3.1 8B Instruct") -> "meta-llama-3.1-8b-instruct";
// the file name when the key is absent, as it is optional in GGUF.
void setIdentity(SpecReader &reader, const GgufHeader &header, ModelSpec &spec)
{
    QString display = reader.text("general.name", false);
    if (display.isEmpty())
        display = QFileInfo(reader.source()).completeBaseName();
    spec.displayName = display.toStdString();
    spec.id = safeModelId(display).toStdString();
    if (spec.family.empty())
        spec.family = header.architecture;
    spec.source = reader.source().toStdString();
}

// Same guard as the config.json importer (core/model/modelbounds.h): absurd
// combinations of individually plausible values must not overflow core's
// int64 parameter arithmetic.
void checkPlausible(SpecReader &reader, const std::string &arch, const ModelSpec &spec)
{
    if (parameterUpperBound(spec) > kMaxModelParameters)
        reader.fail(arch + ".embedding_length",
                    QStringLiteral("together with the other sizes implies more than 1e15 parameters; the file is "
                                   "corrupt"));
}

std::optional<std::string> readArchitecture(SpecReader &reader)
{
    const QString arch = reader.text("general.architecture", true);
    if (arch.isEmpty())
        return std::nullopt;
    if (arch != QLatin1StringView("llama") && arch != QLatin1StringView("qwen2")) {
        reader.fail("general.architecture", QStringLiteral("'%1' is not supported; supported: llama, qwen2").arg(arch));
        return std::nullopt;
    }
    return arch.toStdString();
}

// A split GGUF (llama-gguf-split) spreads its tensors over several files, so one
// file cannot tell whether output.weight or the biases exist.
bool checkNotSplit(SpecReader &reader, const GgufHeader &header)
{
    const std::optional<std::int64_t> splits = integerKey(header, "split.count");
    if (!splits || *splits <= 1)
        return true;
    reader.fail("split.count", QStringLiteral("is %1: this file is one split of a larger model, and the tensors that "
                                              "decide tied embeddings and biases may be in the others; merge them "
                                              "first (llama-gguf-split --merge)")
                                   .arg(*splits));
    return false;
}

// The GGUF metadata key for a config.json key a core message names, so the
// user reads the key the file actually holds; other words are kept.
std::string ggufKey(const std::string &configKey, const std::string &arch)
{
    static const std::pair<const char *, const char *> keys[] = {
        {"num_key_value_heads", "attention.head_count_kv"},
        {"num_attention_heads", "attention.head_count"},
        {"num_hidden_layers", "block_count"},
        {"hidden_size", "embedding_length"},
        {"moe_intermediate_size", "feed_forward_length"},
        {"intermediate_size", "feed_forward_length"},
        {"max_position_embeddings", "context_length"},
        {"head_dim", "attention.key_length"},
        {"num_experts_per_tok", "expert_used_count"},
        {"n_routed_experts", "expert_count"},
    };
    if (configKey == "vocab_size")
        return "token_embd.weight";
    for (const auto &[from, to] : keys)
        if (configKey == from)
            return arch + '.' + to;
    return configKey;
}

void addValidationErrors(const ModelSpec &spec, const std::string &arch, const QString &source,
                         std::vector<ImportError> &errors)
{
    for (Problem problem : validate(spec)) {
        for (std::string &arg : problem.message.args)
            arg = ggufKey(arg, arch);
        const QString field = QString::fromStdString(ggufKey(problem.field, arch));
        const QString text = QString::fromStdString(problem.message.text());
        errors.push_back({field, QStringLiteral("%1: \"%2\" %3.").arg(source, field, text.section(u' ', 1))});
    }
}

} // namespace

const GgufTensor *GgufHeader::tensor(const std::string &tensorName) const
{
    const auto it = std::find_if(tensors.begin(), tensors.end(),
                                 [&tensorName](const GgufTensor &t) { return t.name == tensorName; });
    return it == tensors.end() ? nullptr : &*it;
}

std::optional<GgmlTypeInfo> ggmlTypeInfo(std::uint32_t ggmlType)
{
    for (const GgmlTypeEntry &entry : kGgmlTypes)
        if (entry.id == ggmlType)
            return entry.info;
    return std::nullopt;
}

std::optional<std::string> weightFormatOfFileType(std::int64_t fileType)
{
    for (const FileTypeEntry &entry : kFileTypes)
        if (entry.id == fileType && entry.format)
            return std::string(entry.format);
    return std::nullopt;
}

GgufResult readGgufHeader(const QString &path)
{
    GgufResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QFileInfo info(path);
        result.errors.push_back(
            {info.fileName(),
             QStringLiteral("%1: the file cannot be read: %2.").arg(info.absoluteFilePath(), file.errorString())});
        return result;
    }
    GgufParser parser(file, path, result.errors);
    result.header = parser.parse();
    if (result.header) {
        fillNamedKeys(*result.header);
        summarise(*result.header);
    }
    return result;
}

ModelImportResult modelSpecFromGguf(const GgufHeader &header, const QString &sourceName)
{
    ModelImportResult result;
    SpecReader reader(header, sourceName, result.errors);
    if (!checkNotSplit(reader, header))
        return result;
    const std::optional<std::string> arch = readArchitecture(reader);
    if (!arch)
        return result;
    ModelSpec spec;
    spec.hiddenSize = reader.count(*arch + ".embedding_length");
    spec.numLayers = reader.count(*arch + ".block_count");
    spec.maxContext = reader.count(*arch + ".context_length", kMaxModelContext);
    readAttention(reader, *arch, spec);
    readMlp(reader, *arch, spec);
    readEmbeddings(reader, header, spec);
    spec.attentionQkvBias = hasQueryBias(header);
    spec.gatedMlp = true;
    spec.checkpointFormat = readFormat(reader);
    setIdentity(reader, header, spec);
    if (!result.errors.empty())
        return result;
    checkPlausible(reader, *arch, spec);
    if (result.errors.empty())
        addValidationErrors(spec, *arch, sourceName, result.errors);
    if (result.errors.empty())
        result.spec = std::move(spec);
    return result;
}

ModelImportResult importGguf(const QString &path)
{
    const GgufResult read = readGgufHeader(path);
    if (!read.ok()) {
        ModelImportResult result;
        for (const HeaderError &error : read.errors)
            result.errors.push_back({error.where, error.message});
        return result;
    }
    return modelSpecFromGguf(*read.header, QFileInfo(path).absoluteFilePath());
}

} // namespace planner
