#pragma once
// The model versions the planner ships with, each with the source of its
// architecture figures. Parameter counts are not stored: they are computed from
// these specs and checked against the official totals in tests/core.

#include "core/model/modelspec.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner {

const std::vector<ModelSpec> &builtinModels();
std::optional<ModelSpec> findBuiltinModel(std::string_view id);
// Family names in display order; versions of a family are compared side by side.
std::vector<std::string> builtinFamilies();

} // namespace planner
