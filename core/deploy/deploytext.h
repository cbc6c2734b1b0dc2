#pragma once
// Text helpers of the launch export: quoting for the shell and for YAML,
// Kubernetes object names, and the Hugging
// Face repository a model's source names.

#include "core/util/text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planner::deploytext {

// A shell word: as is when it holds only safe characters, else single-quoted.
// A word that is a variable reference followed by literal characters
// ("$HEAD_NODE_IP:50000") is double-quoted so the shell still expands it;
// anything else with a '$' ("$(cmd)") is single-quoted, never run.
std::string shellWord(std::string_view word);

// A double-quoted YAML scalar: every container argument is written this way,
// so "8" stays a string (Kubernetes rejects numbers in command lists); line
// breaks and control characters are escaped.
std::string yamlString(std::string_view text);

// 4,096 with thousands separators.
std::string groupedCount(std::int64_t value);
// "98.24 GB" (decimal gigabytes, as the planner's tables print them).
std::string gigabytes(double bytes);

// A name every Kubernetes object accepts (RFC 1035 label: lower case letters,
// digits and '-', at most maxLength characters, starting with a letter and
// ending with a letter or digit).
std::string kubernetesName(std::string_view text, std::size_t maxLength = 40);

// "deepseek-ai/DeepSeek-R1" from a source that links
// https://huggingface.co/deepseek-ai/DeepSeek-R1/...; nullopt when it names no
// repository there.
std::optional<std::string> huggingFaceRepo(std::string_view source);

// Comment lines ("# text\n"), wrapped at about 100 columns on word boundaries;
// line breaks and control characters in the text become spaces.
std::string comment(std::string_view text);

std::string joined(const std::vector<std::string> &items, std::string_view separator);

} // namespace planner::deploytext
