#include "core/deploy/launchscript.h"

#include "core/deploy/deploytext.h"
#include "core/deploy/enginecommand.h"

#include <sstream>

namespace planner {

namespace {

using deploytext::gigabytes;
using deploytext::groupedCount;
using deploytext::shellWord;

std::string plural(std::int64_t n, const std::string &noun, const std::string &nouns = {})
{
    return groupedCount(n) + " " + (n == 1 ? noun : nouns.empty() ? noun + "s" : nouns);
}

void writeComment(std::ostringstream &out, const std::string &text)
{
    out << deploytext::comment(text);
}

// The command, one option per line; `prefix` (environment) and `suffix`
// (" &") go on its first and last lines.
void writeCommand(std::ostringstream &out, const CommandLine &command, const std::string &prefix = {},
                  const std::string &suffix = {}, const std::string &indent = {})
{
    out << indent << prefix;
    for (std::size_t i = 0; i < command.head.size(); ++i)
        out << (i ? " " : "") << shellWord(command.head[i]);
    for (const std::vector<std::string> &option : command.options) {
        out << " \\\n" << indent << "    ";
        for (std::size_t i = 0; i < option.size(); ++i)
            out << (i ? " " : "") << shellWord(option[i]);
    }
    out << suffix << '\n';
}

std::string engineName(const DeploymentLayout &l)
{
    return l.engine.name;
}

std::string placementSentence(const DeploymentLayout &l)
{
    if (l.multiNode())
        return "each copy spans " + plural(l.serversPerReplica, "server") + " (" + std::to_string(l.gpusPerServer)
               + " GPUs on each), " + plural(l.servers, "server") + " in all";
    std::string text = "on " + plural(l.servers, "server");
    if (l.replicasPerServer > 1)
        text += ", " + std::to_string(l.replicasPerServer) + " copies per server";
    return text;
}

// Copies on one server as separate processes, each on its own GPUs and port.
void writeSeparateProcesses(std::ostringstream &out, const DeploymentLayout &l)
{
    const int g = l.gpusPerReplica();
    for (int r = 0; r < l.replicasPerServer; ++r) {
        std::vector<std::string> devices;
        for (int d = r * g; d < (r + 1) * g; ++d)
            devices.push_back(std::to_string(d));
        ServeOptions o;
        o.port = defaultPort(l.launchEngine) + r;
        writeCommand(out, serveCommand(l, o),
                     deviceVisibilityVariable(l.gpu) + "=" + deploytext::joined(devices, ",") + " ", " &");
    }
    out << "wait\n";
}

void writeSingleServer(std::ostringstream &out, const DeploymentLayout &l)
{
    const int copiesOnServer = l.replicasPerServer;
    const bool shared = copiesOnServer > 1 && sharesProcessAcrossReplicas(l);
    if (l.servers > 1)
        writeComment(out, "Run this on each of the " + std::to_string(l.servers)
                              + " servers and balance requests "
                                "across them: every server holds independent copies.");
    if (copiesOnServer > 1 && !shared)
        writeComment(out, std::to_string(copiesOnServer) + " copies per server run as separate processes on ports "
                              + std::to_string(defaultPort(l.launchEngine)) + "-"
                              + std::to_string(defaultPort(l.launchEngine) + copiesOnServer - 1)
                              + "; put a load balancer in front of them.");
    out << "set -eu\n";
    if (copiesOnServer > 1 && !shared) {
        writeSeparateProcesses(out, l);
        return;
    }
    ServeOptions o;
    o.dataParallel = shared ? copiesOnServer : 1;
    writeCommand(out, serveCommand(l, o));
}

void writeRankPreamble(std::ostringstream &out, const DeploymentLayout &l)
{
    const std::string others = l.serversPerReplica == 2
                                   ? "1 = the other server"
                                   : "1-" + std::to_string(l.serversPerReplica - 1) + " = the other servers";
    out << "set -eu\n"
        << "NODE_RANK=${1:?usage: sh $0 NODE_RANK (0 = head, " << others << ")}\n"
        << ": \"${HEAD_NODE_IP:?set HEAD_NODE_IP to the address of server 0 on the fast network}\"\n";
}

void writeMultiNodeVllm(std::ostringstream &out, const DeploymentLayout &l)
{
    const int gpus = l.serversPerReplica * l.gpusPerServer;
    writeComment(out, "vLLM runs a copy that spans servers on a Ray cluster (docs/serving/parallelism_scaling.md). "
                      "Run this script on every server of the copy with HEAD_NODE_IP set to server 0's "
                      "address: with argument 0 on server 0 (Ray head and the API on port "
                          + std::to_string(defaultPort(l.launchEngine))
                          + "), with N on server N (Ray workers). Use "
                            "the same vLLM version and model path everywhere; pre-download the model on every server.");
    writeComment(out, "Recent vLLM releases can also start without Ray: the same vllm serve on every server with "
                      "--nnodes "
                          + std::to_string(l.serversPerReplica)
                          + " --node-rank N --master-addr "
                            "$HEAD_NODE_IP, and --headless on all but server 0.");
    if (l.replicas > 1)
        writeComment(out, std::to_string(l.replicas) + " copies: repeat this on each group of "
                              + plural(l.serversPerReplica, "server") + ".");
    writeRankPreamble(out, l);
    out << "if [ \"$NODE_RANK\" -ne 0 ]; then\n"
        << "    exec ray start --block --address=\"$HEAD_NODE_IP:6379\"\n"
        << "fi\n"
        << "ray start --head --port=6379\n"
        << "# Wait until every server of the copy has joined: " << gpus << " GPUs in the Ray cluster.\n"
        << "until ray status 2>/dev/null | grep -q \"/" << gpus << ".0 GPU\"; do sleep 5; done\n";
    ServeOptions o;
    o.placement = NodePlacement{"$HEAD_NODE_IP", "$NODE_RANK"};
    writeCommand(out, serveCommand(l, o));
}

void writeMultiNodeSglang(std::ostringstream &out, const DeploymentLayout &l)
{
    writeComment(out, "SGLang runs one launch_server per server of the copy (--nnodes, --node-rank, "
                      "--dist-init-addr; docs/advanced_features/server_arguments.md). Run this script with argument N "
                      "on server N, with HEAD_NODE_IP set to server 0's address; server 0 serves the API on port "
                          + std::to_string(defaultPort(l.launchEngine)) + ".");
    if (l.replicas > 1)
        writeComment(out, std::to_string(l.replicas) + " copies: repeat this on each group of "
                              + plural(l.serversPerReplica, "server") + ".");
    writeRankPreamble(out, l);
    ServeOptions o;
    o.placement = NodePlacement{"$HEAD_NODE_IP", "$NODE_RANK"};
    writeCommand(out, serveCommand(l, o));
}

// A pool's command inside the role's case branch, on its default port.
void writePoolBranch(std::ostringstream &out, const DeploymentLayout &l, const char *role, int port)
{
    ServeOptions o;
    o.port = port;
    o.dataParallel = l.replicasPerServer > 1 && sharesProcessAcrossReplicas(l) ? l.replicasPerServer : 1;
    out << role << ")\n";
    writeCommand(out, serveCommand(l, o), "exec ", {}, "    ");
    out << "    ;;\n";
}

} // namespace

std::vector<std::string> planSummary(const DeploymentLayout &l)
{
    std::vector<std::string> lines;
    lines.push_back(l.model.displayName + " with " + engineName(l) + ": scenario \"" + l.scenarioName + "\" of plan \""
                    + l.planName + "\".");
    std::string layout = "TP " + std::to_string(l.parallel.tensor) + " x PP " + std::to_string(l.parallel.pipeline);
    if (l.parallel.expert > 1)
        layout += " x EP " + std::to_string(l.parallel.expert);
    if (l.parallel.dataParallelAttention)
        layout += " with data-parallel attention";
    lines.push_back("Planned: " + plural(l.replicas, "copy", "copies") + " of the model, each " + layout + " on "
                    + std::to_string(l.gpusPerReplica()) + " x " + l.gpu.name + ", " + placementSentence(l)
                    + "; context " + groupedCount(l.contextTokens) + " tokens per sequence, "
                    + plural(l.sequencesPerReplica, "sequence") + " per copy at once.");
    const MemoryBreakdown &m = l.memory.perGpu;
    lines.push_back("Per GPU (the most loaded): " + gigabytes(units::inBytes(m.total())) + " of "
                    + gigabytes(units::inBytes(l.memory.capacity)) + " usable (weights "
                    + gigabytes(units::inBytes(m.weights)) + ", KV cache " + gigabytes(units::inBytes(m.kvCache))
                    + ", activations " + gigabytes(units::inBytes(m.activations)) + ", runtime and reserve "
                    + gigabytes(units::inBytes(m.overhead)) + ").");
    if (l.repoFromSource)
        lines.push_back("Model: " + l.modelRepo + ", the Hugging Face repository named in the model's source.");
    else
        lines.push_back("Model: '" + l.modelRepo
                        + "' is the planner's model id: the model's source names no "
                          "Hugging Face repository, so replace it with the model's repository id or local path.");
    for (const std::string &note : loadingNotes(l))
        lines.push_back(note);
    lines.insert(lines.end(), l.notes.begin(), l.notes.end());
    return lines;
}

std::string disaggregatedScript(const DeploymentLayout &prefill, const DeploymentLayout &decode)
{
    std::ostringstream out;
    out << "#!/bin/sh\n";
    for (const std::string &line : planSummary(decode))
        writeComment(out, line);
    writeComment(out, "Prefill pool: " + plural(prefill.replicas, "copy", "copies") + ", each TP "
                          + std::to_string(prefill.parallel.tensor) + " x PP "
                          + std::to_string(prefill.parallel.pipeline)
                          + (prefill.parallel.expert > 1 ? " x EP " + std::to_string(prefill.parallel.expert) : "")
                          + " on " + plural(prefill.servers, "server") + "; it computes the prompts and sends each "
                          + "KV cache to the decode pool above over NIXL (pip install nixl).");
    writeComment(out, "Run this script with the role each server plays: 'prefill' on the prefill pool's servers, "
                      "'decode' on the decode pool's, and 'router' once, with PREFILL_URLS and DECODE_URLS listing "
                      "their addresses (SGLang's router pairs them; docs/advanced_features/pd_disaggregation.md). "
                      "Clients talk to the router on port 8000.");
    writeComment(out, "Gated models (e.g. meta-llama) need a Hugging Face token: export HF_TOKEN=... first.");
    const int prefillPort = defaultPort(LaunchEngine::Sglang);
    const int decodePort = prefillPort + 1;
    const bool shared = decode.baseGpu > 0;
    out << "set -eu\n"
        << "ROLE=${1:?usage: sh $0 prefill|decode|router}\n"
        << "case \"$ROLE\" in\n";
    writePoolBranch(out, prefill, "prefill", prefillPort);
    writePoolBranch(out, decode, "decode", decodePort);
    out << "router)\n";
    if (shared) // both pools on this server
        out << "    : \"${PREFILL_URLS:=http://127.0.0.1:" << prefillPort << "}\"\n"
            << "    : \"${DECODE_URLS:=http://127.0.0.1:" << decodePort << "}\"\n";
    else
        out << "    : \"${PREFILL_URLS:?set PREFILL_URLS to the prefill servers, e.g. 'http://10.0.0.1:" << prefillPort
            << "'}\"\n"
            << "    : \"${DECODE_URLS:?set DECODE_URLS to the decode servers, e.g. 'http://10.0.0.2:" << decodePort
            << "'}\"\n";
    out << "    set --\n"
        << "    for url in $PREFILL_URLS; do set -- \"$@\" --prefill \"$url\"; done\n"
        << "    for url in $DECODE_URLS; do set -- \"$@\" --decode \"$url\"; done\n"
        << "    exec python3 -m sglang_router.launch_router --pd-disaggregation \"$@\" --host 0.0.0.0 --port 8000\n"
        << "    ;;\n"
        << "*)\n"
        << "    echo \"usage: sh $0 prefill|decode|router\" >&2\n"
        << "    exit 2\n"
        << "    ;;\n"
        << "esac\n";
    return out.str();
}

std::string launchScript(const DeploymentLayout &l)
{
    std::ostringstream out;
    out << "#!/bin/sh\n";
    for (const std::string &line : planSummary(l))
        writeComment(out, line);
    if (l.launchEngine != LaunchEngine::LlamaCpp)
        writeComment(out, "Gated models (e.g. meta-llama) need a Hugging Face token: export HF_TOKEN=... first.");
    if (!l.multiNode())
        writeSingleServer(out, l);
    else if (l.launchEngine == LaunchEngine::Vllm)
        writeMultiNodeVllm(out, l);
    else
        writeMultiNodeSglang(out, l);
    return out.str();
}

} // namespace planner
