#pragma once
// Hugging Face config.json -> ModelSpec.
//
// The importer is strict on purpose: a spec that is silently wrong sizes the
// wrong hardware, so every key it needs is checked for presence, type and
// range, defaults are taken only where Hugging Face's own config class defines
// them for that model_type, and anything ModelSpec cannot represent exactly is
// refused with a message that names the config.json key and the file. The
// result then passes planner::validate(), like a built-in spec.
//
// Supported model_type values: see kArchitectures in the .cpp (the README's
// "Supported architectures" lists them for users).

#include "core/model/modelspec.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace planner {

struct ImportError {
    QString field;   // the config.json key (or "path", "json", "config.json" for file-level errors)
    QString message; // one sentence naming the key and the file
};

struct ModelImportResult {
    std::optional<ModelSpec> spec; // set only when errors is empty
    std::vector<ImportError> errors;

    bool ok() const { return spec.has_value() && errors.empty(); }
};

// path: a config.json file, or a model folder that contains one.
ModelImportResult importHuggingFaceConfig(const QString &path);

// A model id from a name ("Meta Llama 3.1 8B" -> "meta-llama-3.1-8b"): lower
// case letters, digits, '.', '_' and '-' only, any other run of characters one
// '-', so an id from a shared file carries no shell or YAML syntax; empty when
// nothing is left.
QString safeModelId(const QString &name);

// sourceName names the file in messages and becomes ModelSpec::source; when it
// ends in config.json its folder name gives the display name (and the id when
// the JSON has no usable _name_or_path).
ModelImportResult importHuggingFaceConfigJson(const QByteArray &json, const QString &sourceName);

} // namespace planner
