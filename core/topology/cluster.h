#pragma once
// What the engine needs from a topology, and what is wrong with it.
//
// reduceToCluster: the GPUs (their type and count, how many per server) and
// the bandwidth of the paths the parallel groups use. Inside a server the
// tensor-parallel path is the weakest GPU-to-GPU path: a GPU group's own
// fabric (NVLink/NVSwitch) or, without one, PCIe through the host; between
// two GPU groups of a server, the links drawn between them or else PCIe.
// Between servers, the links drawn between them (or their NICs), shared by the
// GPUs of the smaller server; pipeline and expert parallelism and data-parallel
// replicas cross that path. A switch fabric that spans servers (an NVL72
// rack's NVLink switch trays, drawn between its compute trays) joins their
// GPUs into one NVLink domain of at most the fabric's domain size: groups
// inside a domain use its per-GPU NVLink path, not the scale-out network.
//
// checkTopology: the problems the canvas shows as badges (a server without CPU
// or memory, GPUs with no path to the others, more GPUs than the CPUs' PCIe
// lanes at x8 each, mixed GPU types in one server, a link a part cannot take).
// linkProblem answers the same for a link before it is drawn. A link or fabric
// flagged there is not counted by reduceToCluster: the estimate uses the path
// the GPUs have without it (PCIe inside a server), and the issue says so.

#include "core/hardware/gpuspec.h"
#include "core/hardware/partsnapshot.h"
#include "core/perf/perfmodel.h"
#include "core/topology/topology.h"
#include "core/util/message.h"

#include <optional>
#include <string>
#include <vector>

namespace planner {

struct TopologyIssue {
    int nodeId = 0; // the node the badge sits on (0: the link's)
    int linkId = 0; // the link at fault, if any
    Message message;
    Message fallback; // what the estimate uses instead of the faulty link; empty when nothing is replaced
};

struct Cluster {
    std::optional<GpuSpec> gpu; // the GPU type (the most numerous one when mixed)
    int gpuCount = 0;           // GPUs of that type
    int servers = 0;            // servers holding GPUs
    int gpusPerServer = 0;      // the most in one server
    // The fewest GPUs an NVLink domain joins across servers (the compute trays
    // of an NVL72 rack, joined by its switch trays); gpusPerServer when no
    // fabric spans servers.
    int gpusPerDomain = 0;
    LinkPath domain; // among the GPUs of such a domain in different servers
    PerfLinks links;
    LinkPath dataParallel; // between replicas: inside a server or across servers
    bool cloud = false;    // every GPU server is a rented cloud instance
    // Identical servers with nothing drawn between them: replicas behind a
    // load balancer. A replica, an expert-parallel group, a prefill pool's
    // KV transfer and a training run must then stay inside one server (the
    // links between servers are empty).
    bool fleet = false;
    // No GPUs: the one server's CPU and memory are the device (gpu is
    // cpuAsDevice's), which only llama.cpp's CPU backend runs.
    bool cpuOnly = false;
    Message problem; // why it cannot be estimated; empty when it can
};

Cluster reduceToCluster(const Topology &topology, const PartSnapshot &parts);

// The path `ports` ports of a scale-out link give each of the `gpusSharing`
// GPUs of a server, with the link's latency (or a typical one when the
// catalogue has none).
LinkPath scaleOutPath(const LinkSpec &link, double ports, int gpusSharing);

// `gpuCount` GPUs in identical servers of `gpusPerServer`, with `inside`
// among the GPUs of a server and `between` (per GPU) from one server to the
// next: the cluster the command-line tool and the build search describe
// without a drawn topology.
Cluster clusterOfServers(const GpuSpec &gpu, int gpuCount, int gpusPerServer, const PerfLinks &inside,
                         const LinkPath &between);
// One CPU and `memory` of RAM as the whole cluster: the CPU-only inference a
// canvas without GPUs gets, and the command-line tool's --cpu.
Cluster cpuDeviceCluster(const CpuSpec &cpu, units::Bytes memory);

// A disaggregated deployment's two pools on one cluster: the first
// `prefillGpus` GPUs (whole servers where they fill them) compute prompts and
// the others decode. Each pool keeps the cluster's paths; the KV caches cross
// the widest span the pair covers: a server's GPU path when both share one
// server, the NVLink domain's path inside one domain (an NVL72 rack), else
// the network between servers. Needs 0 < prefillGpus < gpuCount.
struct ClusterPools {
    Cluster prefill;
    Cluster decode;
    LinkPath kvTransfer;
};
ClusterPools splitCluster(const Cluster &cluster, int prefillGpus);
std::vector<TopologyIssue> checkTopology(const Topology &topology, const PartSnapshot &parts);
// Why a link of this kind cannot join these two nodes; nullopt when it can.
std::optional<Message> linkProblem(const Topology &topology, const PartSnapshot &parts, int from, int to,
                                   const LinkSpec &link);

} // namespace planner
