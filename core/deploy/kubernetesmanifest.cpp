#include "core/deploy/kubernetesmanifest.h"

#include "core/deploy/deploytext.h"
#include "core/deploy/enginecommand.h"
#include "core/deploy/launchscript.h"
#include "core/model/weightbytes.h"

#include <cmath>
#include <sstream>

namespace planner {

namespace {

using deploytext::yamlString;

// The vLLM image's helper that starts (leader) or joins (worker) the Ray
// cluster and waits for it to be complete (examples/online_serving/
// multi-node-serving.sh, used by vLLM's docs/deployment/frameworks/lws.md).
constexpr const char *kRayHelper = "bash /vllm-workspace/examples/online_serving/multi-node-serving.sh";

struct Pod {
    std::string containerName;
    std::vector<std::string> command;
    bool serves = true; // runs the HTTP server (gets the port and the probes)
};

std::string containerName(LaunchEngine e)
{
    return e == LaunchEngine::Vllm ? "vllm" : e == LaunchEngine::Sglang ? "sglang" : "llama-cpp";
}

std::string shellLine(const std::vector<std::string> &words)
{
    std::vector<std::string> quoted;
    for (const std::string &w : words)
        quoted.push_back(deploytext::shellWord(w));
    return deploytext::joined(quoted, " ");
}

std::string indent(int n)
{
    return std::string(static_cast<std::size_t>(n), ' ');
}

// Whole GiB, rounded up, with 5 % room (GGUF metadata, filesystem).
std::string storageFor(units::Bytes bytes)
{
    return std::to_string(static_cast<long long>(std::ceil(units::inGiB(bytes) * 1.05)) + 1) + "Gi";
}

// The download the model cache must hold: the repository's own checkpoint.
double downloadBytes(const DeploymentLayout &l)
{
    const std::optional<WeightFormat> checkpoint = findWeightFormat(l.model.checkpointFormat);
    return units::inBytes(checkpointBytes(l.model, checkpoint ? *checkpoint : l.weights, l.model.mtpLayers > 0));
}

void writeContainer(std::ostringstream &out, int at, const DeploymentLayout &l, const Pod &pod)
{
    const std::string in = indent(at);
    const std::string image = containerImage(l.launchEngine, l.gpu);
    const std::string resource = gpuResourceName(l.gpu);
    out << in << "- name: " << pod.containerName << '\n';
    if (image.empty())
        out << in << "  # No public " << l.engine.name << " image for " << l.gpu.vendor
            << " GPUs is assumed: build or pick one.\n";
    out << in << "  image: " << yamlString(image.empty() ? "REPLACE-WITH-AN-IMAGE" : image) << '\n';
    out << in << "  command:\n";
    for (const std::string &word : pod.command)
        out << in << "    - " << yamlString(word) << '\n';
    if (l.launchEngine != LaunchEngine::LlamaCpp) // llama.cpp loads a local file
        out << in << "  env:\n"
            << in
            << "    - name: HF_TOKEN  # gated models: kubectl create secret generic hf-token --from-literal=token=hf_...\n"
            << in << "      valueFrom:\n"
            << in << "        secretKeyRef:\n"
            << in << "          name: hf-token\n"
            << in << "          key: token\n"
            << in << "          optional: true\n";
    if (pod.serves)
        out << in << "  ports:\n"
            << in << "    - name: http\n"
            << in << "      containerPort: " << defaultPort(l.launchEngine) << '\n';
    // GPUs go in limits; Kubernetes sets the request equal to it.
    out << in << "  resources:\n"
        << in << "    limits:\n"
        << in << "      " << resource << ": " << yamlString(std::to_string(l.gpusPerServer)) << '\n';
    out << in << "  volumeMounts:\n";
    if (l.launchEngine == LaunchEngine::LlamaCpp) {
        out << in << "    - name: models\n" << in << "      mountPath: /models\n" << in << "      readOnly: true\n";
    } else {
        out << in << "    - name: shm\n"
            << in << "      mountPath: /dev/shm\n"
            << in << "    - name: model-cache\n"
            << in << "      mountPath: /root/.cache/huggingface\n";
    }
    if (!pod.serves)
        return;
    // Loading hundreds of GB takes a while: an hour before the startup probe gives up.
    const std::string path(healthPath(l.launchEngine));
    out << in << "  startupProbe:\n"
        << in << "    httpGet:\n"
        << in << "      path: " << path << '\n'
        << in << "      port: http\n"
        << in << "    periodSeconds: 10\n"
        << in << "    failureThreshold: 360\n"
        << in << "  readinessProbe:\n"
        << in << "    httpGet:\n"
        << in << "      path: " << path << '\n'
        << in << "      port: http\n"
        << in << "    periodSeconds: 10\n";
}

void writeVolumes(std::ostringstream &out, int at, const DeploymentLayout &l, const std::string &name)
{
    const std::string in = indent(at);
    out << in << "volumes:\n";
    if (l.launchEngine == LaunchEngine::LlamaCpp) {
        out << in << "  - name: models\n"
            << in << "    persistentVolumeClaim:\n"
            << in << "      claimName: " << name << "-models\n";
        return;
    }
    // The engines' worker processes exchange tensors through shared memory
    // (vLLM docs/deployment/k8s.md; SGLang server_arguments.md: /dev/shm for Kubernetes).
    out << in << "  - name: shm\n"
        << in << "    emptyDir:\n"
        << in << "      medium: Memory\n"
        << in << "      sizeLimit: 16Gi\n"
        << in << "  - name: model-cache  # about " << deploytext::gigabytes(downloadBytes(l))
        << " of weights: the node needs that much ephemeral storage, or mount a PersistentVolumeClaim here\n"
        << in << "    emptyDir: {}\n";
}

void writeHeader(std::ostringstream &out, const DeploymentLayout &l)
{
    for (const std::string &line : planSummary(l))
        out << deploytext::comment(line);
    out << deploytext::comment("Apply with: kubectl apply -f THIS-FILE. Each pod gets "
                               + std::to_string(l.gpusPerServer) + " GPUs through the " + gpuResourceName(l.gpu)
                               + " resource of the vendor's device plugin.");
    if (l.multiNode())
        out << deploytext::comment("A copy spans " + std::to_string(l.serversPerReplica)
                                   + " servers: this needs the LeaderWorkerSet controller (https://lws.sigs.k8s.io). "
                                     "Cross-server traffic uses the pod network unless the pods get the servers' "
                                     "InfiniBand/RoCE devices (an RDMA device plugin or hostNetwork), which the "
                                     "plan's speed assumes.");
}

void writeDeployment(std::ostringstream &out, const DeploymentLayout &l, const std::string &name)
{
    Pod pod;
    pod.containerName = containerName(l.launchEngine);
    ServeOptions o;
    o.inContainer = true;
    pod.command = serveCommand(l, o).words();
    out << "apiVersion: apps/v1\n"
        << "kind: Deployment\n"
        << "metadata:\n"
        << "  name: " << name << '\n'
        << "  labels:\n"
        << "    app.kubernetes.io/name: " << name << '\n'
        << "spec:\n"
        << "  replicas: " << l.replicas << "  # one pod per planned copy\n"
        << "  selector:\n"
        << "    matchLabels:\n"
        << "      app.kubernetes.io/name: " << name << '\n'
        << "  template:\n"
        << "    metadata:\n"
        << "      labels:\n"
        << "        app.kubernetes.io/name: " << name << '\n'
        << "    spec:\n"
        << "      containers:\n";
    writeContainer(out, 8, l, pod);
    writeVolumes(out, 6, l, name);
}

void writeLeaderWorkerSet(std::ostringstream &out, const DeploymentLayout &l, const std::string &name)
{
    Pod leader;
    Pod worker;
    leader.containerName = containerName(l.launchEngine) + "-leader";
    worker.containerName = containerName(l.launchEngine) + "-worker";
    worker.serves = false;
    ServeOptions o;
    o.inContainer = true;
    o.placement = NodePlacement{"$(LWS_LEADER_ADDRESS)", "$(LWS_WORKER_INDEX)"};
    const std::vector<std::string> serve = serveCommand(l, o).words();
    if (l.launchEngine == LaunchEngine::Vllm) {
        leader.command = {"sh", "-c",
                          std::string(kRayHelper) + " leader --ray_cluster_size=" + std::to_string(l.serversPerReplica)
                              + " && exec " + shellLine(serve)};
        worker.command = {"sh", "-c", std::string(kRayHelper) + " worker --ray_address=$(LWS_LEADER_ADDRESS)"};
    } else {
        // Kubernetes expands $(LWS_...) in the arguments; every pod runs launch_server.
        leader.command = serve;
        worker.command = serve;
    }
    out << "apiVersion: leaderworkerset.x-k8s.io/v1\n"
        << "kind: LeaderWorkerSet\n"
        << "metadata:\n"
        << "  name: " << name << '\n'
        << "spec:\n"
        << "  replicas: " << l.replicas << "  # one group of pods per planned copy\n"
        << "  leaderWorkerTemplate:\n"
        << "    size: " << l.serversPerReplica << "  # pods (servers) per copy\n"
        << "    restartPolicy: RecreateGroupOnPodRestart\n"
        << "    leaderTemplate:\n"
        << "      metadata:\n"
        << "        labels:\n"
        << "          role: leader\n"
        << "      spec:\n"
        << "        containers:\n";
    writeContainer(out, 10, l, leader);
    writeVolumes(out, 8, l, name);
    out << "    workerTemplate:\n"
        << "      spec:\n"
        << "        containers:\n";
    writeContainer(out, 10, l, worker);
    writeVolumes(out, 8, l, name);
}

void writeService(std::ostringstream &out, const DeploymentLayout &l, const std::string &name)
{
    out << "---\n"
        << "apiVersion: v1\n"
        << "kind: Service\n"
        << "metadata:\n"
        << "  name: " << name << '\n'
        << "spec:\n"
        << "  selector:\n";
    if (l.multiNode())
        out << "    leaderworkerset.sigs.k8s.io/name: " << name << '\n' << "    role: leader\n";
    else
        out << "    app.kubernetes.io/name: " << name << '\n';
    out << "  ports:\n"
        << "    - name: http\n"
        << "      port: " << defaultPort(l.launchEngine) << '\n'
        << "      targetPort: http\n";
}

void writeModelClaim(std::ostringstream &out, const DeploymentLayout &l, const std::string &name)
{
    out << "---\n"
        << deploytext::comment("The GGUF file the pods load: copy " + ggufPath(l)
                               + " into this volume before the pods start (ReadWriteOnce serves pods on one node; "
                                 "use ReadOnlyMany storage for copies on several nodes).")
        << "apiVersion: v1\n"
        << "kind: PersistentVolumeClaim\n"
        << "metadata:\n"
        << "  name: " << name << "-models\n"
        << "spec:\n"
        << "  accessModes:\n"
        << "    - ReadWriteOnce\n"
        << "  resources:\n"
        << "    requests:\n"
        << "      storage: " << storageFor(checkpointBytes(l.model, l.weights)) << '\n';
}

} // namespace

std::string kubernetesManifest(const DeploymentLayout &l)
{
    std::ostringstream out;
    const std::string name = deploytext::kubernetesName(l.model.id + "-" + l.engine.id);
    writeHeader(out, l);
    if (gpuResourceName(l.gpu).empty()) {
        out << deploytext::comment("No Kubernetes device-plugin resource is known for " + l.gpu.vendor
                                   + " GPUs, so no manifest is written.");
        return out.str();
    }
    if (l.multiNode())
        writeLeaderWorkerSet(out, l, name);
    else
        writeDeployment(out, l, name);
    writeService(out, l, name);
    if (l.launchEngine == LaunchEngine::LlamaCpp)
        writeModelClaim(out, l, name);
    return out.str();
}

} // namespace planner
