#pragma once
// ConfigReader: typed, checked reads of one config.json object, shared by the
// Hugging Face importer's architecture readers (hfconfigimporter.cpp,
// hfhybridlayers.cpp).

#include "core/model/modelbounds.h"
#include "database/hfconfigimporter.h"
#include "database/jsonvaluetext.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace planner {

// Reads typed values from one JSON object and reports every problem as an
// ImportError naming the key (with its parent, e.g. quantization_config.bits)
// and the file. Readers return 0 / false / empty after reporting, so mapping can
// go on and collect all errors in one pass; the caller discards the spec when
// any error was reported.
class ConfigReader
{
public:
    ConfigReader(QJsonObject object, QString source, std::vector<ImportError> &errors, QString prefix = {})
        : mObject(std::move(object))
        , mSource(std::move(source))
        , mPrefix(std::move(prefix))
        , mErrors(errors)
    {
    }

    bool contains(const char *key) const { return mObject.contains(QLatin1StringView(key)); }
    // Present and not null: Hugging Face treats an explicit null like "use the default".
    bool has(const char *key) const { return !value(key).isNull() && !value(key).isUndefined(); }
    QJsonValue value(const char *key) const { return mObject.value(QLatin1StringView(key)); }

    void fail(const char *key, const QString &problem)
    {
        const QString field = mPrefix + QLatin1StringView(key);
        mErrors.push_back({field, QStringLiteral("%1: \"%2\" %3.").arg(mSource, field, problem)});
    }
    void missing(const char *key) { fail(key, QStringLiteral("is required but missing")); }

    // A required integer >= minimum (1 unless stated).
    std::int64_t count(const char *key, std::int64_t minimum = 1, double maximum = kMaxModelDimension)
    {
        if (!contains(key)) {
            missing(key);
            return 0;
        }
        return integer(key, minimum, maximum);
    }

    // An integer that may be absent or null (nullopt then).
    std::optional<std::int64_t> optionalCount(const char *key, std::int64_t minimum = 1)
    {
        if (!has(key))
            return std::nullopt;
        return integer(key, minimum, kMaxModelDimension);
    }

    // A required key whose explicit null means "none" (q_lora_rank, n_shared_experts).
    std::int64_t nullableCount(const char *key, std::int64_t minimum)
    {
        if (!contains(key)) {
            missing(key);
            return 0;
        }
        return optionalCount(key, minimum).value_or(0);
    }

    bool flag(const char *key, bool fallback)
    {
        if (!contains(key))
            return fallback;
        if (!value(key).isBool())
            fail(key, QStringLiteral("must be true or false, got %1").arg(describeJsonValue(value(key))));
        return value(key).toBool(fallback);
    }

    // A string; empty after reporting (or when absent and not required).
    QString text(const char *key, bool required = true)
    {
        if (!contains(key)) {
            if (required)
                missing(key);
            return {};
        }
        if (!value(key).isString() || value(key).toString().isEmpty()) {
            fail(key, QStringLiteral("must be a non-empty string, got %1").arg(describeJsonValue(value(key))));
            return {};
        }
        return value(key).toString();
    }

    // A nested object (quantization_config), or nullopt after reporting.
    std::optional<ConfigReader> child(const char *key)
    {
        if (!value(key).isObject()) {
            fail(key, QStringLiteral("must be an object, got %1").arg(describeJsonValue(value(key))));
            return std::nullopt;
        }
        return ConfigReader(value(key).toObject(), mSource, mErrors, mPrefix + QLatin1StringView(key) + u'.');
    }

    // A config class's __init__ default for a key the file leaves out,
    // applied as transformers applies it when it builds the model (Google's
    // Gemma 3 configs omit vocab_size and head_dim, for instance).
    void useDefault(const char *key, const QJsonValue &fallback)
    {
        if (!contains(key))
            mObject.insert(QLatin1StringView(key), fallback);
    }

    const QString &source() const { return mSource; }

private:
    std::int64_t integer(const char *key, std::int64_t minimum, double maximum)
    {
        const QJsonValue v = value(key);
        const double number = v.toDouble();
        if (!v.isDouble()) {
            fail(key, QStringLiteral("must be an integer, got %1").arg(describeJsonValue(v)));
        } else if (!std::isfinite(number) || number != std::floor(number)) {
            fail(key, QStringLiteral("must be a whole number, got %1").arg(describeJsonValue(v)));
        } else if (number < static_cast<double>(minimum)) {
            fail(key, minimum == 1 ? QStringLiteral("must be a positive integer, got %1").arg(describeJsonValue(v))
                                   : QStringLiteral("must not be negative, got %1").arg(describeJsonValue(v)));
        } else if (number > maximum) {
            fail(key, QStringLiteral("is %1, larger than any real model (limit %2); the value is corrupt")
                          .arg(describeJsonValue(v), QString::number(maximum, 'g', 15)));
        } else {
            return static_cast<std::int64_t>(number);
        }
        return 0;
    }

    QJsonObject mObject;
    QString mSource;
    QString mPrefix;
    std::vector<ImportError> &mErrors;
};

} // namespace planner
