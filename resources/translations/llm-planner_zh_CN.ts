<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisCharts</name>
    <message>
        <source>%1 (above the chart)</source>
        <translation>%1（超出图表范围）</translation>
    </message>
    <message>
        <source>no GPU</source>
        <translation>无 GPU</translation>
    </message>
    <message>
        <source>Memory per GPU: %1 (%2)</source>
        <translation>单卡显存：%1（%2）</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 缓存</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Runtime and engine reserve</source>
        <translation>运行时与引擎预留</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Throughput and TPOT against concurrency</source>
        <translation>吞吐量与 TPOT 随并发数变化</translation>
    </message>
    <message>
        <source>Output tokens/s</source>
        <translation>输出 token/s</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>token/s</translation>
    </message>
    <message>
        <source>TPOT</source>
        <translation>TPOT</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Concurrent sequences (all replicas)</source>
        <translation>并发序列数（全部副本）</translation>
    </message>
    <message>
        <source>TPOT (ms)</source>
        <translation>TPOT (ms)</translation>
    </message>
    <message>
        <source>TPOT target %1 ms</source>
        <translation>TPOT 目标 %1 ms</translation>
    </message>
    <message>
        <source>TTFT against prompt length</source>
        <translation>TTFT 随输入长度变化</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Prompt length (tokens)</source>
        <translation>输入长度 (token)</translation>
    </message>
    <message>
        <source>TTFT (s)</source>
        <translation>TTFT (s)</translation>
    </message>
    <message>
        <source>TTFT target %1 s</source>
        <translation>TTFT 目标 %1 s</translation>
    </message>
    <message>
        <source>Simulated latency against request rate</source>
        <translation>时延随请求速率变化（仿真）</translation>
    </message>
    <message>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation>TTFT p99</translation>
    </message>
    <message>
        <source>TPOT p50</source>
        <translation>TPOT p50</translation>
    </message>
    <message>
        <source>TPOT p99</source>
        <translation>TPOT p99</translation>
    </message>
    <message>
        <source>Requests per second (Poisson arrivals)</source>
        <translation>每秒请求数（泊松到达）</translation>
    </message>
    <message>
        <source>Max rate in targets (p99): %1 req/s</source>
        <translation>达标最大速率 (p99)：%1 请求/秒</translation>
    </message>
    <message>
        <source>Cumulative cost over the horizon</source>
        <translation>测算周期内累计成本</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source> (lower bound)</source>
        <translation>（下限）</translation>
    </message>
    <message>
        <source>Break-even: month %1</source>
        <translation>盈亏平衡：第 %1 个月</translation>
    </message>
    <message>
        <source>Power at the wall (kW)</source>
        <translation>总功率（含 PUE，kW）</translation>
    </message>
    <message>
        <source>
does not fit: %1 short</source>
        <translation>
显存不足：缺 %1</translation>
    </message>
    <message>
        <source>%1 per GPU (%2)</source>
        <translation>单卡 %1（%2）</translation>
    </message>
    <message>
        <source>Usable capacity %1</source>
        <translation>可用容量 %1</translation>
    </message>
    <message>
        <source>Cumulative %1</source>
        <translation>累计成本 (%1)</translation>
    </message>
    <message>
        <source>%1 per 10⁶ output tokens</source>
        <translation>%1/百万输出 token</translation>
    </message>
    <message>
        <source>Capital (%1)</source>
        <translation>资本支出 (%1)</translation>
    </message>
    <message>
        <source>Monthly cost (%1)</source>
        <translation>月度成本 (%1)</translation>
    </message>
    <message>
        <source>TTFT at 1 sequence</source>
        <translation>1 个序列时的 TTFT</translation>
    </message>
    <message>
        <source>TTFT at %1 sequences</source>
        <translation>%1 个序列时的 TTFT</translation>
    </message>
    <message>
        <source>Training memory per GPU: %1 (%2)</source>
        <translation>训练时单卡显存：%1（%2）</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Optimizer states</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>Runtime reserve</source>
        <translation>运行时预留</translation>
    </message>
    <message>
        <source>not estimated: %1</source>
        <translation>未估算：%1</translation>
    </message>
    <message>
        <source>Servers like the drawn ones (1 GPU each)</source>
        <translation>与所画相同的服务器（每台 1 块 GPU）</translation>
    </message>
    <message>
        <source>Servers like the drawn ones (%1 GPUs each)</source>
        <translation>与所画相同的服务器（每台 %1 块 GPU）</translation>
    </message>
    <message>
        <source>Drawn: 1 server</source>
        <translation>所画：1 台服务器</translation>
    </message>
    <message>
        <source>Drawn: %1 servers</source>
        <translation>所画：%1 台服务器</translation>
    </message>
    <message>
        <source>Days to train against servers</source>
        <translation>训练天数与服务器数量</translation>
    </message>
    <message>
        <source>Days (nominal)</source>
        <translation>天数（标称）</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Deadline %1 days</source>
        <translation>期限 %1 天</translation>
    </message>
    <message>
        <source>draw two servers linked by a network to see how the time scales</source>
        <translation>画出两台由网络相连的服务器，才能看到时间如何随规模变化</translation>
    </message>
    <message>
        <source>Run cost against servers</source>
        <translation>训练费用与服务器数量</translation>
    </message>
    <message>
        <source>the scenario has no cost</source>
        <translation>该方案没有费用</translation>
    </message>
    <message>
        <source>Run cost (lower bound: unpriced parts)</source>
        <translation>训练费用（下限：部分部件无价格）</translation>
    </message>
    <message>
        <source>Run cost</source>
        <translation>训练费用</translation>
    </message>
    <message>
        <source>GPU-hours</source>
        <translation>GPU 小时</translation>
    </message>
    <message>
        <source>Run cost (%1)</source>
        <translation>训练费用（%1）</translation>
    </message>
    <message>
        <source>output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>tokens (served, or trained on in a training run)</source>
        <translation>token（服务时为输出 token，训练运行为训练 token）</translation>
    </message>
    <message>
        <source>trained tokens</source>
        <translation>训练 token</translation>
    </message>
    <message>
        <source>Cost per million %1</source>
        <translation>每百万%1的成本</translation>
    </message>
    <message>
        <source>%1 per million %2</source>
        <translation>每百万%2 %1</translation>
    </message>
    <message>
        <source>%1 per 10⁶ tokens</source>
        <translation>%1/百万 token</translation>
    </message>
    <message>
        <source>Output tokens/s by model version: %1</source>
        <translation>各模型版本的输出 token/s：%1</translation>
    </message>
    <message>
        <source>%1 at the workload</source>
        <translation>%1 在当前负载下</translation>
    </message>
    <message>
        <source>Days to train by model version: %1</source>
        <translation>各模型版本的训练天数：%1</translation>
    </message>
    <message>
        <source>Days on the drawn servers</source>
        <translation>在所画服务器上的天数</translation>
    </message>
</context>
<context>
    <name>BoundNames</name>
    <message>
        <source>compute</source>
        <translation>算力</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>显存带宽</translation>
    </message>
    <message>
        <source>communication</source>
        <translation>通信</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>CanvasItems</name>
    <message>
        <source>over PCIe</source>
        <translation>经 PCIe</translation>
    </message>
    <message>
        <source>%1 cores · %2 PCIe lanes each</source>
        <translation>每颗 %1 核 · %2 条 PCIe 通道</translation>
    </message>
    <message>
        <source>%1 GB in all</source>
        <translation>共 %1 GB</translation>
    </message>
    <message>
        <source>%1 TB in all</source>
        <translation>共 %1 TB</translation>
    </message>
    <message>
        <source>%1 GB/s per direction each</source>
        <translation>每块单向 %1 GB/s</translation>
    </message>
    <message>
        <source>not in the plan&apos;s parts</source>
        <translation>不在本规划的部件中</translation>
    </message>
    <message>
        <source>cloud · %1 · %2</source>
        <translation>云 · %1 · %2</translation>
    </message>
    <message>
        <source>on-prem · %1</source>
        <translation>本地 · %1</translation>
    </message>
    <message>
        <source>on-prem · custom build</source>
        <translation>本地 · 自定义配置</translation>
    </message>
    <message>
        <source>%1
%2 GB/s per direction per link</source>
        <translation>%1
每条链路单向 %2 GB/s</translation>
    </message>
    <message>
        <source>%1 each · %2 GB/s · %3</source>
        <translation>每块 %1 · %2 GB/s · %3</translation>
    </message>
    <message>
        <source>unified memory, GPU share %1 %</source>
        <translation>统一内存，GPU 可用 %1 %</translation>
    </message>
    <message>
        <source>%1 cores each</source>
        <translation>每个 %1 核</translation>
    </message>
</context>
<context>
    <name>CatalogueEdits</name>
    <message>
        <source>Import model %1</source>
        <translation>导入模型 %1</translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>GPU &apos;%1&apos; is not in the plan&apos;s parts</source>
        <translation>GPU“%1”不在本规划的部件中</translation>
    </message>
    <message>
        <source>no GPUs: drop a GPU or a server onto the canvas</source>
        <translation>没有 GPU：请将 GPU 或服务器拖到画布上</translation>
    </message>
    <message>
        <source>some GPUs have no path to the others: link the servers (InfiniBand or Ethernet)</source>
        <translation>部分 GPU 与其他 GPU 之间没有通路：请连接服务器（InfiniBand 或以太网）</translation>
    </message>
    <message>
        <source>a link needs two parts</source>
        <translation>链路需要连接两个部件</translation>
    </message>
    <message>
        <source>a part cannot be linked to itself</source>
        <translation>部件不能与自身连接</translation>
    </message>
    <message>
        <source>%1 cannot be linked: links join GPUs, servers and network cards</source>
        <translation>%1 无法连接：链路只连接 GPU、服务器和网卡</translation>
    </message>
    <message>
        <source>%1 joins servers or their network cards, not GPUs</source>
        <translation>%1 用于连接服务器或其网卡，而非 GPU</translation>
    </message>
    <message>
        <source>%1 joins two servers, not parts of one server</source>
        <translation>%1 用于连接两台服务器，而非同一服务器内的部件</translation>
    </message>
    <message>
        <source>%1 joins GPUs; link servers with InfiniBand or Ethernet</source>
        <translation>%1 用于连接 GPU；服务器之间请用 InfiniBand 或以太网连接</translation>
    </message>
    <message>
        <source>%1 does not leave a server; link servers with InfiniBand or Ethernet</source>
        <translation>%1 只在服务器内部使用；服务器之间请用 InfiniBand 或以太网连接</translation>
    </message>
    <message>
        <source>%1 has no NVLink</source>
        <translation>%1 不支持 NVLink</translation>
    </message>
    <message>
        <source>%1 has no Infinity Fabric</source>
        <translation>%1 不支持 Infinity Fabric</translation>
    </message>
    <message>
        <source>%1 is not inside a server</source>
        <translation>%1 不在任何服务器内</translation>
    </message>
    <message>
        <source>%1 has no NVLink: %2 cannot join these GPUs</source>
        <translation>%1 不支持 NVLink：%2 无法连接这些 GPU</translation>
    </message>
    <message>
        <source>%1 has no CPU: a server needs a host processor</source>
        <translation>%1 没有 CPU：服务器需要主机处理器</translation>
    </message>
    <message>
        <source>%1 has no memory: a server needs host RAM</source>
        <translation>%1 没有内存：服务器需要主机内存</translation>
    </message>
    <message>
        <source>%1 mixes GPU types; a tensor-parallel group needs identical GPUs</source>
        <translation>%1 混用了不同型号的 GPU；张量并行组需要相同的 GPU</translation>
    </message>
    <message>
        <source>%1 GPUs need at least %2 PCIe lanes (x8 each); the CPUs provide %3</source>
        <translation>%1 块 GPU 至少需要 %2 条 PCIe 通道（每块 x8）；CPU 只提供 %3 条</translation>
    </message>
    <message>
        <source>link &apos;%1&apos; is not in the plan&apos;s parts</source>
        <translation>链路“%1”不在本规划的部件中</translation>
    </message>
    <message>
        <source>%1 has no path to the other GPUs: link its server to the others (InfiniBand or Ethernet)</source>
        <translation>%1 与其他 GPU 之间没有通路：请将其所在服务器与其他服务器连接（InfiniBand 或以太网）</translation>
    </message>
    <message>
        <source>unknown weight format &apos;%1&apos;</source>
        <translation>未知的权重格式“%1”</translation>
    </message>
    <message>
        <source>unknown KV-cache format &apos;%1&apos;</source>
        <translation>未知的 KV 缓存格式“%1”</translation>
    </message>
    <message>
        <source>unknown engine &apos;%1&apos;</source>
        <translation>未知的推理引擎“%1”</translation>
    </message>
    <message>
        <source>does not fit: %1 GB short per GPU</source>
        <translation>显存不足：每块 GPU 缺少 %1 GB</translation>
    </message>
    <message>
        <source>%1 has no memory capacity in the catalogue</source>
        <translation>目录中没有 %1 的显存容量</translation>
    </message>
    <message>
        <source>%1 has no memory bandwidth in the catalogue</source>
        <translation>目录中没有 %1 的显存带宽</translation>
    </message>
    <message>
        <source>%1 has no %2 rate in the catalogue</source>
        <translation>目录中没有 %1 的 %2 算力</translation>
    </message>
    <message>
        <source>the estimate does not count it and uses PCIe between these GPUs</source>
        <translation>估算不计入此链路，这些 GPU 之间按 PCIe 计算</translation>
    </message>
    <message>
        <source>the estimate does not count this link</source>
        <translation>估算不计入此链路</translation>
    </message>
    <message>
        <source>a sequence must hold at least 1 token</source>
        <translation>每个序列至少需要 1 个 token</translation>
    </message>
    <message>
        <source>TP %1 x PP %2 needs %3 GPUs; the cluster has %4</source>
        <translation>TP %1 × PP %2 需要 %3 个 GPU；集群只有 %4 个</translation>
    </message>
    <message>
        <source>serves at most %1 requests/s with the %2 sequences it holds; the load is %3 requests/s</source>
        <translation>以其可容纳的 %2 个序列最多处理 %1 个请求/秒；负载为 %3 个请求/秒</translation>
    </message>
    <message>
        <source>%1 runs at most %2 sequences per replica (%3 in all) but the load needs %4 at once</source>
        <translation>%1 每个副本最多运行 %2 个序列（共 %3 个），但负载需要同时运行 %4 个</translation>
    </message>
    <message>
        <source>memory holds %1 sequences but the load needs %2 at once</source>
        <translation>显存可容纳 %1 个序列，但负载需要同时运行 %2 个</translation>
    </message>
    <message>
        <source>TPOT %1 ms is over the %2 ms target at %3 sequences</source>
        <translation>%3 个序列时 TPOT 为 %1 ms，超过 %2 ms 的目标</translation>
    </message>
    <message>
        <source>TTFT %1 s is over the %2 s target at %3 sequences</source>
        <translation>%3 个序列时 TTFT 为 %1 秒，超过 %2 秒的目标</translation>
    </message>
    <message>
        <source>The verdict judges the plan&apos;s %1 sequences at once with the analytical model; under Poisson arrivals the simulation keeps p99 within the targets up to %2 requests/s.</source>
        <translation>结论按解析模型评估规划中同时运行的 %1 个序列；在泊松到达下，模拟在每秒 %2 个请求以内使 p99 保持在目标之内。</translation>
    </message>
    <message>
        <source>The verdict and the simulation agree: %1 requests/s is served (the simulation keeps p99 within the targets up to %2 requests/s).</source>
        <translation>结论与模拟一致：可以处理每秒 %1 个请求（模拟在每秒 %2 个请求以内使 p99 保持在目标之内）。</translation>
    </message>
    <message>
        <source>The verdict says %1 requests/s is served: it uses the analytical model at the mean load. Under Poisson bursts the simulation keeps p99 within the targets only up to %2 requests/s: near saturation, queueing adds latency the verdict does not count. Plan headroom.</source>
        <translation>结论认为可以处理每秒 %1 个请求：它使用平均负载下的解析模型。在泊松突发下，模拟仅在每秒 %2 个请求以内使 p99 保持在目标之内：接近饱和时，排队会增加结论未计入的延迟。请预留余量。</translation>
    </message>
    <message>
        <source>The verdict says %1 requests/s is not served (%3): it uses the analytical model at the mean load, which is the conservative answer. The simulation, batching requests as they arrive, keeps p99 within the targets up to %2 requests/s.</source>
        <translation>结论认为无法处理每秒 %1 个请求（%3）：它使用平均负载下的解析模型，这是保守的答案。模拟按请求到达进行批处理，在每秒 %2 个请求以内使 p99 保持在目标之内。</translation>
    </message>
    <message>
        <source>The verdict and the simulation agree: %1 requests/s is not served (the simulation keeps p99 within the targets up to %2 requests/s).</source>
        <translation>结论与模拟一致：无法处理每秒 %1 个请求（模拟在每秒 %2 个请求以内使 p99 保持在目标之内）。</translation>
    </message>
    <message>
        <source>%1 must be a positive integer, got %2</source>
        <translation>%1 必须是正整数，实际为 %2</translation>
    </message>
    <message>
        <source>%1 must not be negative</source>
        <translation>%1 不能为负数</translation>
    </message>
    <message>
        <source>%1 (%2) must be a multiple of %3 (%4)</source>
        <translation>%1（%2）必须是 %3（%4）的倍数</translation>
    </message>
    <message>
        <source>%1 must not exceed %2</source>
        <translation>%1 不能超过 %2</translation>
    </message>
    <message>
        <source>%1 must be between 0 and %2</source>
        <translation>%1 必须介于 0 和 %2 之间</translation>
    </message>
    <message>
        <source>%1 must be a positive integer</source>
        <translation>%1 必须是正整数</translation>
    </message>
    <message>
        <source>parts go into a server</source>
        <translation>部件须放入服务器中</translation>
    </message>
    <message>
        <source>the number of GPUs must be at least 1, got %1</source>
        <translation>GPU 数量至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>tensor, pipeline and expert parallel sizes must be at least 1</source>
        <translation>张量、流水线和专家并行规模都至少为 1</translation>
    </message>
    <message>
        <source>tensor x pipeline parallel size (%1) must divide the number of GPUs (%2)</source>
        <translation>张量 × 流水线并行规模（%1）必须整除 GPU 数量（%2）</translation>
    </message>
    <message>
        <source>tensor parallel size %1 must divide or be a multiple of the model&apos;s %2 key/value heads</source>
        <translation>张量并行规模 %1 必须整除模型的 %2 个键/值头，或为其倍数</translation>
    </message>
    <message>
        <source>tensor parallel size %1 must divide the model&apos;s %2 attention heads</source>
        <translation>张量并行规模 %1 必须整除模型的 %2 个注意力头</translation>
    </message>
    <message>
        <source>pipeline parallel size %1 exceeds the model&apos;s %2 layers</source>
        <translation>流水线并行规模 %1 超过模型的 %2 层</translation>
    </message>
    <message>
        <source>expert parallelism needs a mixture-of-experts model</source>
        <translation>专家并行需要混合专家（MoE）模型</translation>
    </message>
    <message>
        <source>expert parallel size %1 must divide the GPUs of one pipeline stage (%2)</source>
        <translation>专家并行规模 %1 必须整除一个流水线阶段的 GPU 数（%2）</translation>
    </message>
    <message>
        <source>%1 has no data-parallel attention</source>
        <translation>%1 不支持数据并行注意力</translation>
    </message>
    <message>
        <source>context length must be at least 1 token, got %1</source>
        <translation>上下文长度至少为 1 个 token，当前为 %1</translation>
    </message>
    <message>
        <source>context length %1 exceeds the model&apos;s maximum of %2 tokens</source>
        <translation>上下文长度 %1 超过模型上限 %2 个 token</translation>
    </message>
    <message>
        <source>concurrency must be at least 1 sequence, got %1</source>
        <translation>并发至少为 1 个序列，当前为 %1</translation>
    </message>
    <message>
        <source>offloaded layers must be between 0 and %1</source>
        <translation>卸载层数必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <source>GPU memory capacity must be positive</source>
        <translation>GPU 显存容量必须为正数</translation>
    </message>
    <message>
        <source>LoRA rank must be between 1 and 4096, got %1</source>
        <translation>LoRA 秩必须在 1 到 4096 之间，当前为 %1</translation>
    </message>
    <message>
        <source>input length must be at least 1 token, got %1</source>
        <translation>输入长度至少为 1 个 token，当前为 %1</translation>
    </message>
    <message>
        <source>output length must be at least 1 token, got %1</source>
        <translation>输出长度至少为 1 个 token，当前为 %1</translation>
    </message>
    <message>
        <source>concurrency must be at least 1, got %1</source>
        <translation>并发至少为 1，当前为 %1</translation>
    </message>
    <message>
        <source>the GPU&apos;s memory bandwidth must be positive</source>
        <translation>GPU 显存带宽必须为正数</translation>
    </message>
    <message>
        <source>the GPU has no throughput figure for %1</source>
        <translation>该 GPU 没有 %1 的算力数据</translation>
    </message>
    <message>
        <source>a parallel deployment needs links with positive bandwidth between its GPUs</source>
        <translation>并行部署需要 GPU 之间有带宽为正的链路</translation>
    </message>
    <message>
        <source>the number of tokens to train on must be positive</source>
        <translation>训练 token 数必须为正数</translation>
    </message>
    <message>
        <source>the global batch must not be negative</source>
        <translation>全局批大小不能为负数</translation>
    </message>
    <message>
        <source>the global batch (%1 sequences) must be a multiple of data-parallel ranks x micro-batch (%2)</source>
        <translation>全局批大小（%1 个序列）必须是数据并行数 × 微批大小（%2）的倍数</translation>
    </message>
    <message>
        <source>a multi-GPU run needs links with positive bandwidth</source>
        <translation>多 GPU 训练需要带宽为正的链路</translation>
    </message>
    <message>
        <source>the GPU has no 16-bit throughput figure</source>
        <translation>该 GPU 没有 16 位算力数据</translation>
    </message>
    <message>
        <source>there are no measurements to calibrate against</source>
        <translation>没有可用于校准的测量数据</translation>
    </message>
    <message>
        <source>the measured value must be a positive number</source>
        <translation>测量值必须为正数</translation>
    </message>
    <message>
        <source>the deployment does not fit in memory, so it has no speed to compare</source>
        <translation>该部署放不进显存，因此没有可比较的速度</translation>
    </message>
    <message>
        <source>the electricity tariff (USD/kWh) must be between %1 and %2, got %3</source>
        <translation>电价（美元/千瓦时）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>PUE must be between %1 and %2, got %3</source>
        <translation>PUE 必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>the average draw (share of TDP) must be between %1 and %2, got %3</source>
        <translation>平均功耗（占 TDP 的比例）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>the amortisation period (years) must be between %1 and %2, got %3</source>
        <translation>折旧年限（年）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>the maintenance share (of capital a year) must be between %1 and %2, got %3</source>
        <translation>维护费比例（每年占资本支出）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>the colocation price (USD per kW-month) must be between %1 and %2, got %3</source>
        <translation>托管价格（美元/千瓦·月）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>the integration cost (USD per server) must be between %1 and %2, got %3</source>
        <translation>集成成本（美元/台服务器）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>the horizon (months) must be between %1 and %2, got %3</source>
        <translation>比较期限（月）必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>cloud hours per month must be between %1 and %2, got %3</source>
        <translation>每月云端运行小时数必须在 %1 到 %2 之间，当前为 %3</translation>
    </message>
    <message>
        <source>a recommendation needs at least one model and load</source>
        <translation>推荐至少需要一个模型及其负载</translation>
    </message>
    <message>
        <source>input and output lengths must be at least 1 token</source>
        <translation>输入和输出长度都至少为 1 个 token</translation>
    </message>
    <message>
        <source>input + output (%1 tokens) exceeds the model&apos;s context of %2</source>
        <translation>输入 + 输出（%1 个 token）超过模型的上下文 %2</translation>
    </message>
    <message>
        <source>the request rate must be a positive number of requests per second</source>
        <translation>请求速率必须为正数（每秒请求数）</translation>
    </message>
    <message>
        <source>the TTFT and TPOT targets must be positive</source>
        <translation>TTFT 和 TPOT 目标必须为正数</translation>
    </message>
    <message>
        <source>the peak factor must be at least 1 (the average rate itself)</source>
        <translation>峰值系数至少为 1（即平均速率本身）</translation>
    </message>
    <message>
        <source>spare replicas and spare units must be between 0 and %1</source>
        <translation>备用副本和备用单元数必须在 0 到 %1 之间</translation>
    </message>
    <message>
        <source>allow on-prem builds, cloud instances or both</source>
        <translation>请允许本地部署、云实例或两者</translation>
    </message>
    <message>
        <source>the monthly budget must be positive</source>
        <translation>月度预算必须为正数</translation>
    </message>
    <message>
        <source>the capital budget must be positive</source>
        <translation>资本预算必须为正数</translation>
    </message>
    <message>
        <source>a replica needs at least one unit</source>
        <translation>一个副本至少需要一个单元</translation>
    </message>
    <message>
        <source>no weight format to try has at least %1 bits</source>
        <translation>没有可尝试的权重格式达到至少 %1 位</translation>
    </message>
    <message>
        <source>the context must be at least 1 token</source>
        <translation>上下文至少为 1 个 token</translation>
    </message>
    <message>
        <source>the request rate must be positive</source>
        <translation>请求速率必须为正数</translation>
    </message>
    <message>
        <source>concurrency must be at least 1</source>
        <translation>并发至少为 1</translation>
    </message>
    <message>
        <source>model &apos;%1&apos; is not in the plan&apos;s part snapshot</source>
        <translation>模型“%1”不在方案的部件快照中</translation>
    </message>
    <message>
        <source>%1 has a count below 1</source>
        <translation>%1 的数量小于 1</translation>
    </message>
    <message>
        <source>GPU &apos;%1&apos; is not in the plan&apos;s part snapshot</source>
        <translation>GPU“%1”不在方案的部件快照中</translation>
    </message>
    <message>
        <source>a link joins a node that does not exist</source>
        <translation>有链路连接到不存在的节点</translation>
    </message>
    <message>
        <source>link &apos;%1&apos; is not in the plan&apos;s part snapshot</source>
        <translation>链路“%1”不在方案的部件快照中</translation>
    </message>
    <message>
        <source>the distribution&apos;s parameters must be finite numbers</source>
        <translation>分布参数必须为有限数值</translation>
    </message>
    <message>
        <source>must be at least 1 token, got %1</source>
        <translation>至少为 1 个 token，当前为 %1</translation>
    </message>
    <message>
        <source>must be at most %1 tokens</source>
        <translation>最多为 %1 个 token</translation>
    </message>
    <message>
        <source>the uniform maximum %1 is below its minimum %2</source>
        <translation>均匀分布的最大值 %1 小于最小值 %2</translation>
    </message>
    <message>
        <source>the standard deviation must not be negative, got %1</source>
        <translation>标准差不能为负数，当前为 %1</translation>
    </message>
    <message>
        <source>the deployment does not fit: weights, activations and reserve leave no memory for the KV cache (see &apos;fit&apos;)</source>
        <translation>该部署放不下：权重、激活和预留内存之后没有留给 KV 缓存的空间（见“fit”）</translation>
    </message>
    <message>
        <source>the arrival rate must be a positive number of requests per second (at least %1), got %2</source>
        <translation>到达速率必须为正数（每秒请求数，至少 %1），当前为 %2</translation>
    </message>
    <message>
        <source>the concurrency must be at least 1 request, got %1</source>
        <translation>并发至少为 1 个请求，当前为 %1</translation>
    </message>
    <message>
        <source>the trace has no requests</source>
        <translation>请求轨迹中没有请求</translation>
    </message>
    <message>
        <source>the trace has more than %1 requests</source>
        <translation>请求轨迹中的请求超过 %1 个</translation>
    </message>
    <message>
        <source>trace request %1: needs a non-negative arrival time and at least 1 input and 1 output token</source>
        <translation>轨迹请求 %1：需要非负的到达时间，且至少 1 个输入和 1 个输出 token</translation>
    </message>
    <message>
        <source>the number of requests must be between 1 and %1, got %2</source>
        <translation>请求数必须在 1 到 %1 之间，当前为 %2</translation>
    </message>
    <message>
        <source>the TTFT SLO must be a positive number of seconds</source>
        <translation>TTFT SLO 必须为正的秒数</translation>
    </message>
    <message>
        <source>the TPOT SLO must be a positive number of seconds</source>
        <translation>TPOT SLO 必须为正的秒数</translation>
    </message>
    <message>
        <source>the token budget per step must be positive (0 for the engine&apos;s), got %1</source>
        <translation>每步 token 预算必须为正数（0 表示使用引擎默认值），当前为 %1</translation>
    </message>
    <message>
        <source>the running-sequence limit must be positive (0 for the engine&apos;s), got %1</source>
        <translation>运行序列上限必须为正数（0 表示使用引擎默认值），当前为 %1</translation>
    </message>
    <message>
        <source>the KV-utilisation series needs at least 2 points</source>
        <translation>KV 利用率序列至少需要 2 个点</translation>
    </message>
    <message>
        <source>efficiency factors must lie in (0, 1]</source>
        <translation>效率系数必须在 (0, 1] 区间内</translation>
    </message>
    <message>
        <source>requests of %1 tokens exceed the model&apos;s maximum of %2</source>
        <translation>%1 个 token 的请求超过模型上限 %2</translation>
    </message>
    <message>
        <source>%1 layers</source>
        <translation>%1 层</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 sliding-window (%2 tokens)</source>
        <translation>%1 层滑动窗口（%2 个 token）</translation>
    </message>
    <message>
        <source>%1 chunked (%2 tokens)</source>
        <translation>%1 层分块注意力（%2 个 token）</translation>
    </message>
    <message>
        <source>%1 linear attention</source>
        <translation>%1 层线性注意力</translation>
    </message>
    <message>
        <source>%1 Mamba-2</source>
        <translation>%1 层 Mamba-2</translation>
    </message>
    <message>
        <source>%1 sparse (top %2 tokens)</source>
        <translation>%1 层稀疏注意力（前 %2 个 token）</translation>
    </message>
    <message>
        <source>%1 full</source>
        <translation>%1 层全注意力</translation>
    </message>
    <message>
        <source>%1 feed-forward only</source>
        <translation>%1 层仅前馈</translation>
    </message>
    <message>
        <source>%1 has linear-attention layers but %2 is missing</source>
        <translation>%1 含有线性注意力层，但缺少 %2</translation>
    </message>
    <message>
        <source>%1 has Mamba layers but %2 is missing</source>
        <translation>%1 含有 Mamba 层，但缺少 %2</translation>
    </message>
    <message>
        <source>sparse attention&apos;s indexer needs MLA with %1</source>
        <translation>稀疏注意力的索引器需要带 %1 的 MLA</translation>
    </message>
    <message>
        <source>%1 names a feed-forward block other than dense, experts or none</source>
        <translation>%1 含有稠密、专家或无之外的前馈块</translation>
    </message>
    <message>
        <source>%1 has expert layers but %2 is missing</source>
        <translation>%1 含有专家层，但缺少 %2</translation>
    </message>
    <message>
        <source>tensor parallel size %1 must divide the model&apos;s %2 linear-attention key heads and %3 value heads</source>
        <translation>张量并行规模 %1 必须整除模型的 %2 个线性注意力键头和 %3 个值头</translation>
    </message>
    <message>
        <source>tensor parallel size %1 must divide the model&apos;s %2 Mamba heads</source>
        <translation>张量并行规模 %1 必须整除模型的 %2 个 Mamba 头</translation>
    </message>
    <message>
        <source>%1 layers on this GPU keep a KV cache: %2 bytes per token</source>
        <translation>此 GPU 上有 %1 层保存 KV 缓存：每个 token %2 字节</translation>
    </message>
    <message>
        <source>%1 of them slide a window and keep at most %2 tokens</source>
        <translation>其中 %1 层为滑动窗口，最多保留 %2 个 token</translation>
    </message>
    <message>
        <source>%1 of them attend in chunks and keep at most %2 tokens</source>
        <translation>其中 %1 层为分块注意力，最多保留 %2 个 token</translation>
    </message>
    <message>
        <source>%1 of those bytes are sparse attention&apos;s index keys; attention reads only the top %2 tokens</source>
        <translation>其中 %1 字节为稀疏注意力的索引键；注意力只读取前 %2 个 token</translation>
    </message>
    <message>
        <source>%1 linear-attention layers keep %2 MB of state per sequence, whatever its length</source>
        <translation>%1 层线性注意力每个序列保存 %2 MB 状态，与长度无关</translation>
    </message>
    <message>
        <source>%1 Mamba-2 layers keep %2 MB of state per sequence, whatever its length</source>
        <translation>%1 层 Mamba-2 每个序列保存 %2 MB 状态，与长度无关</translation>
    </message>
    <message>
        <source>%1 linear-attention and Mamba layers keep %2 MB of state per sequence, whatever its length</source>
        <translation>%1 层线性注意力和 Mamba 每个序列保存 %2 MB 状态，与长度无关</translation>
    </message>
    <message>
        <source>%1 cannot be combined with MLA</source>
        <translation>%1 不能与 MLA 同时使用</translation>
    </message>
    <message>
        <source>encoder-only: keys and values live only within one forward pass, so nothing is cached between requests</source>
        <translation>仅编码器：键和值只存在于一次前向计算中，请求之间不缓存任何内容</translation>
    </message>
    <message>
        <source>%1 is encoder-only: a request is one forward pass with no output tokens, so generation estimates do not apply; &apos;llm-planner-cli perf&apos; gives its requests per second batch by batch</source>
        <translation>%1 是仅编码器模型：一个请求就是一次没有输出 token 的前向计算，生成类估算不适用；&apos;llm-planner-cli perf&apos; 按批大小给出其每秒请求数</translation>
    </message>
    <message>
        <source>%1 generates text: its speed is time to first token and per output token, not an encoder&apos;s requests per pass</source>
        <translation>%1 生成文本：其速度是首 token 时间和每个输出 token 的时间，而不是编码器每次前向计算的请求数</translation>
    </message>
    <message>
        <source>input length %1 exceeds the model&apos;s %2 learned positions</source>
        <translation>输入长度 %1 超过模型的 %2 个学习位置</translation>
    </message>
    <message>
        <source>%1 compressed %2:1, top %3</source>
        <translation>%1 层 %2:1 压缩（取前 %3 个）</translation>
    </message>
    <message>
        <source>%1 compressed %2:1</source>
        <translation>%1 层 %2:1 压缩</translation>
    </message>
    <message>
        <source>%1 names a layer kind other than full, sliding, chunked, linear attention, Mamba, compressed or none</source>
        <translation>%1 含有完整、滑动窗口、分块、线性注意力、Mamba、压缩或无之外的层类型</translation>
    </message>
    <message>
        <source>%1 has compressed layers but %2 is missing</source>
        <translation>%1 含有压缩层，但缺少 %2</translation>
    </message>
    <message>
        <source>%1 has 4:1 compressed layers but %2 is missing</source>
        <translation>%1 含有 4:1 压缩层，但缺少 %2</translation>
    </message>
    <message>
        <source>%1 must be smaller than %2</source>
        <translation>%1 必须小于 %2</translation>
    </message>
    <message>
        <source>data-parallel attention applies to MLA models (DeepSeek-V2/V3/R1) and DeepSeek-V4 only</source>
        <translation>数据并行注意力仅适用于 MLA 模型（DeepSeek-V2/V3/R1）和 DeepSeek-V4</translation>
    </message>
    <message>
        <source>%1 layers on this GPU keep their last %2 tokens: %3 bytes per token of the window</source>
        <translation>此 GPU 上的 %1 层保留最近 %2 个词元：窗口内每词元 %3 字节</translation>
    </message>
    <message>
        <source>%1 of them add one entry per %2 tokens and %3 one per %4 tokens: %5 bytes per token of context</source>
        <translation>其中 %1 层每 %2 个词元增加一项，%3 层每 %4 个词元增加一项：每个上下文词元 %5 字节</translation>
    </message>
    <message>
        <source>%1 of those bytes are the indexer&apos;s keys; the %2:1 layers attend to the top %3 entries</source>
        <translation>其中 %1 字节为索引器的键；%2:1 层只关注前 %3 项</translation>
    </message>
    <message>
        <source>the compressors hold %1 MB per sequence while they pool, whatever its length</source>
        <translation>压缩器在汇聚时每个序列占用 %1 MB，与长度无关</translation>
    </message>
    <message>
        <source>expert parallel size %1 exceeds the model&apos;s %2 routed experts: some GPUs would hold none</source>
        <translation>专家并行规模 %1 超过模型的 %2 个路由专家：部分 GPU 将没有专家</translation>
    </message>
    <message>
        <source>efficiency factors must lie between 0.01 and 1</source>
        <translation>效率系数必须介于 0.01 与 1 之间</translation>
    </message>
    <message>
        <source>%1 is %2, larger than any real model (limit %3); the value is corrupt</source>
        <translation>%1 为 %2，超过任何真实模型（上限 %3）；该值已损坏</translation>
    </message>
    <message>
        <source>%1 together with %2, %3, the MLP widths and the expert counts implies more than 1e15 parameters (the largest models have ~2e12); the model is corrupt</source>
        <translation>%1 与 %2、%3、MLP 宽度和专家数量一起意味着超过 1e15 个参数（最大的模型约 2e12）；该模型数据已损坏</translation>
    </message>
    <message>
        <source>%1 makes one layer&apos;s recurrent state larger than 1e12 elements (released models hold a few million); the model is corrupt</source>
        <translation>%1 使单层循环状态超过 1e12 个元素（已发布模型仅数百万）；该模型数据已损坏</translation>
    </message>
    <message>
        <source>%1 has a count of %2, more than the %3 the planner takes</source>
        <translation>%1 的数量为 %2，超过规划器可接受的 %3</translation>
    </message>
    <message>
        <source>%1 comes to %2 across its servers, more than the %3 the planner takes</source>
        <translation>%1 在各服务器上合计 %2，超过规划器可接受的 %3</translation>
    </message>
    <message>
        <source>the scenario holds %1 GPUs, more than the %2 the planner takes</source>
        <translation>该方案包含 %1 块 GPU，超过规划器可接受的 %2</translation>
    </message>
    <message>
        <source>the GPU may use %1 % of the %2 GB unified memory by default (%3 GiB); macOS raises the limit with sudo sysctl iogpu.wired_limit_mb=&lt;MiB&gt;</source>
        <translation>GPU 默认可使用 %2 GB 统一内存的 %1 %（%3 GiB）；macOS 可用 sudo sysctl iogpu.wired_limit_mb=&lt;MiB&gt; 提高上限</translation>
    </message>
    <message>
        <source>the GPU may use %1 % of the %2 GB unified memory by default (%3 GiB); Linux raises it with the ttm.pages_limit kernel parameter, or the firmware&apos;s dedicated memory setting</source>
        <translation>GPU 默认可使用 %2 GB 统一内存的 %1 %（%3 GiB）；Linux 可通过 ttm.pages_limit 内核参数或固件的专用显存设置提高</translation>
    </message>
    <message>
        <source>the GPU may use %1 % of the %2 GB unified memory (%3 GiB)</source>
        <translation>GPU 可使用 %2 GB 统一内存的 %1 %（%3 GiB）</translation>
    </message>
    <message>
        <source>%1 joins servers or their GPUs, not network cards</source>
        <translation>%1 连接服务器或其 GPU，而不是网卡</translation>
    </message>
    <message>
        <source>%1 joins at most %2 GPUs; these servers hold %3</source>
        <translation>%1 最多连接 %2 个 GPU；这些服务器共有 %3 个</translation>
    </message>
    <message>
        <source>%1 joins at most %2 GPUs; this group has %3</source>
        <translation>%1 最多连接 %2 个 GPU；此组有 %3 个</translation>
    </message>
    <message>
        <source>CPU-only inference is estimated for one server; add GPUs to plan several</source>
        <translation>纯 CPU 推理只估算一台服务器；要规划多台请添加 GPU</translation>
    </message>
    <message>
        <source>the server&apos;s CPU is not in the plan&apos;s parts</source>
        <translation>服务器的 CPU 不在方案的部件中</translation>
    </message>
    <message>
        <source>CPU-only inference runs from the server&apos;s memory: add memory modules</source>
        <translation>纯 CPU 推理使用服务器内存运行：请添加内存条</translation>
    </message>
    <message>
        <source>a server without GPUs runs the model on its CPU with llama.cpp; %1 needs a GPU</source>
        <translation>没有 GPU 的服务器用 llama.cpp 在 CPU 上运行模型；%1 需要 GPU</translation>
    </message>
    <message>
        <source>%1 does not run on Apple GPUs; choose llama.cpp</source>
        <translation>%1 不能在 Apple GPU 上运行；请选择 llama.cpp</translation>
    </message>
    <message>
        <source>expert parallel size %1 must divide the tensor-parallel size %2, which splits each expert over the rest</source>
        <translation>专家并行规模 %1 必须整除张量并行规模 %2（其余部分再切分每个专家）</translation>
    </message>
    <message>
        <source>a median or p99 latency needs the request rate it was measured at</source>
        <translation>中位数或 p99 延迟需要给出测量时的请求速率</translation>
    </message>
    <message>
        <source>at a request rate, give the median or p99 latency (ttft_median_s, tpot_p99_s, ...) or output tokens/s</source>
        <translation>在给定请求速率下，请给出中位数或 p99 延迟（ttft_median_s、tpot_p99_s 等）或输出 token/s</translation>
    </message>
    <message>
        <source>an MTP draft needs a model with a multi-token-prediction module, loaded beside the model</source>
        <translation>MTP 草稿需要带有多 token 预测模块的模型，并且该模块需随模型一起加载</translation>
    </message>
    <message>
        <source>a speculative draft proposes 1 to 16 tokens a step and a step emits at least 1 and at most draft + 1 tokens, got %1 and %2</source>
        <translation>投机解码草稿每步提出 1 到 16 个 token，每步输出至少 1 个、至多草稿数 + 1 个 token，实际为 %1 和 %2</translation>
    </message>
    <message>
        <source>with a prefill pool the deployment is the decode pool, so it runs the decode phase only</source>
        <translation>有预填充池时，该部署即为解码池，只运行解码阶段</translation>
    </message>
    <message>
        <source>the prefill and decode pools must serve the same model</source>
        <translation>预填充池和解码池必须服务同一个模型</translation>
    </message>
    <message>
        <source>the KV transfer link between the pools needs a positive bandwidth and a non-negative latency</source>
        <translation>两个池之间的 KV 传输链路需要正的带宽和非负的延迟</translation>
    </message>
    <message>
        <source>the prefix-cache hit rate is a share of each prompt&apos;s tokens, at least 0 and below 1, got %1</source>
        <translation>前缀缓存命中率是每个提示词 token 的占比，须不小于 0 且小于 1，得到 %1</translation>
    </message>
    <message>
        <source>a prefill pool does not decode, so it runs no speculative draft</source>
        <translation>预填充池不做解码，因此不运行投机解码草稿</translation>
    </message>
    <message>
        <source>a run at a request rate serves each request from prompt to last token, so it measures both phases</source>
        <translation>按请求速率的运行会处理每个请求从提示词到最后一个 token 的全过程，因此测量的是两个阶段</translation>
    </message>
    <message>
        <source>unknown speculative draft: %1</source>
        <translation>未知的投机解码草稿：%1</translation>
    </message>
    <message>
        <source>%1 has no multi-token-prediction module to draft with; choose EAGLE or n-gram</source>
        <translation>%1 没有可用于起草的多 token 预测模块；请选择 EAGLE 或 n-gram</translation>
    </message>
    <message>
        <source>a prefill pool splits a generating model&apos;s GPUs; %1 on this cluster has nothing to split</source>
        <translation>预填充池用于拆分生成式模型的 GPU；%1 在此集群上没有可拆分的 GPU</translation>
    </message>
    <message>
        <source>the prefill pool takes %1 of the %2 GPUs; it needs at least 1 and leaves at least 1 to decode</source>
        <translation>预填充池占用 %2 块 GPU 中的 %1 块；它至少需要 1 块，且至少留 1 块用于解码</translation>
    </message>
    <message>
        <source>prefill pool: %1</source>
        <translation>预填充池：%1</translation>
    </message>
    <message>
        <source>the prefill pool computes at most %1 prompts/s; the load is %2 requests/s</source>
        <translation>预填充池每秒最多处理 %1 个提示；负载为 %2 个请求/秒</translation>
    </message>
    <message>
        <source>the prefill pool does not fit one prompt: %1 GB short per GPU</source>
        <translation>预填充池放不下一个提示：每块 GPU 缺少 %1 GB</translation>
    </message>
    <message>
        <source>tensor x pipeline x context parallel size must divide the number of GPUs</source>
        <translation>张量 x 流水线 x 上下文并行规模必须整除 GPU 数</translation>
    </message>
    <message>
        <source>with context parallelism the sequence length must be a multiple of 2 x CP (%1)</source>
        <translation>使用上下文并行时，序列长度必须是 2 x CP（%1）的倍数</translation>
    </message>
    <message>
        <source>interleaved virtual stages need at least 2 pipeline stages</source>
        <translation>交错虚拟阶段至少需要 2 个流水线阶段</translation>
    </message>
    <message>
        <source>EP %1 must divide the %2 routed experts and the GPUs of a pipeline stage</source>
        <translation>EP %1 必须整除 %2 个路由专家以及一个流水线阶段的 GPU 数</translation>
    </message>
    <message>
        <source>expert parallel size must be at least 1</source>
        <translation>专家并行规模至少为 1</translation>
    </message>
    <message>
        <source>DualPipe needs an even number of pipeline stages and no virtual stages</source>
        <translation>DualPipe 需要偶数个流水线阶段且不能有虚拟阶段</translation>
    </message>
    <message>
        <source>the deadline must be a number of days, or 0 for none</source>
        <translation>截止期限必须是天数，0 表示不设期限</translation>
    </message>
    <message>
        <source>training needs GPUs: the canvas has only a CPU and its memory</source>
        <translation>训练需要 GPU：画布上只有 CPU 及其内存</translation>
    </message>
    <message>
        <source>CP %1</source>
        <translation>CP %1</translation>
    </message>
    <message>
        <source>VPP %1</source>
        <translation>VPP %1</translation>
    </message>
    <message>
        <source>DualPipe</source>
        <translation>DualPipe</translation>
    </message>
    <message>
        <source>EP %1</source>
        <translation>EP %1</translation>
    </message>
    <message>
        <source>LoRA rank %1</source>
        <translation>LoRA 秩 %1</translation>
    </message>
    <message>
        <source>FP8 matmuls</source>
        <translation>FP8 矩阵乘</translation>
    </message>
    <message>
        <source>BF16</source>
        <translation>BF16</translation>
    </message>
    <message>
        <source>selective recomputation</source>
        <translation>选择性重计算</translation>
    </message>
    <message>
        <source>full recomputation</source>
        <translation>完全重计算</translation>
    </message>
    <message>
        <source>no state sharding</source>
        <translation>不分片优化器状态</translation>
    </message>
    <message>
        <source>ZeRO-1 (distributed optimizer)</source>
        <translation>ZeRO-1（分布式优化器）</translation>
    </message>
    <message>
        <source>ZeRO-2</source>
        <translation>ZeRO-2</translation>
    </message>
    <message>
        <source>ZeRO-3</source>
        <translation>ZeRO-3</translation>
    </message>
    <message>
        <source>FSDP</source>
        <translation>FSDP</translation>
    </message>
    <message>
        <source>takes %1 days, more than the %2 days asked</source>
        <translation>需要 %1 天，超过要求的 %2 天</translation>
    </message>
    <message>
        <source>the peak factor is the busiest load over the average, from 1 to 100, got %1</source>
        <translation>峰值系数是最忙时负载与平均负载之比，取值 1 到 100，实际为 %1</translation>
    </message>
    <message>
        <source>spare servers must be between 0 and 1,024, got %1</source>
        <translation>备用服务器数必须在 0 到 1,024 之间，实际为 %1</translation>
    </message>
    <message>
        <source>a training run spans its servers, and they are not linked: link them (InfiniBand or Ethernet)</source>
        <translation>训练任务横跨多台服务器，而这些服务器之间没有连接：请连接它们（InfiniBand 或以太网）</translation>
    </message>
    <message>
        <source>a prefill pool sends its KV caches over the network, and the servers are not linked: link them</source>
        <translation>预填充池通过网络发送 KV 缓存，而服务器之间没有连接：请连接它们</translation>
    </message>
    <message>
        <source>TP %1 x PP %2 needs %3 GPUs, and each unlinked server is a replica of its own with %4: link the servers to spread a replica over them</source>
        <translation>TP %1 x PP %2 需要 %3 块 GPU，而每台未连接的服务器各自是一个副本，只有 %4 块：请连接服务器，让副本跨服务器分布</translation>
    </message>
    <message>
        <source>EP %1 spans servers that are not linked: link them, or keep expert parallelism inside one server</source>
        <translation>EP %1 横跨未连接的服务器：请连接它们，或把专家并行限制在一台服务器内</translation>
    </message>
    <message>
        <source>the load at its peak (x%1) needs %2 servers like these with %3 spare; %4 are drawn</source>
        <translation>峰值负载（x%1）需要 %2 台这样的服务器（含 %3 台备用）；当前画了 %4 台</translation>
    </message>
    <message>
        <source>the price typed for %1 must be a positive amount below 1e9 USD, got %2</source>
        <translation>为 %1 输入的价格必须是低于 1e9 USD 的正数，实际为 %2</translation>
    </message>
    <message>
        <source>sequence length must be between 1 and 16,777,216 tokens, got %1</source>
        <translation>序列长度必须在 1 到 16,777,216 个 token 之间，实际为 %1</translation>
    </message>
    <message>
        <source>micro-batch size must be between 1 and 65,536, got %1</source>
        <translation>微批大小必须在 1 到 65,536 之间，实际为 %1</translation>
    </message>
</context>
<context>
    <name>CostFields</name>
    <message>
        <source>Electricity</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Average draw</source>
        <translation>平均功耗</translation>
    </message>
    <message>
        <source> of TDP</source>
        <translation> × TDP</translation>
    </message>
    <message>
        <source>Amortisation</source>
        <translation>摊销期</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维保</translation>
    </message>
    <message>
        <source> of capital a year</source>
        <translation> × 资本支出/年</translation>
    </message>
    <message>
        <source>Colocation</source>
        <translation>机房托管</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>集成费</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>测算周期</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Cloud hours</source>
        <translation>云使用时长</translation>
    </message>
    <message>
        <source> h per month</source>
        <translation> 小时/月</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>set by the user in %1</source>
        <translation>由用户在%1中设置</translation>
    </message>
    <message>
        <source> %1/kWh</source>
        <translation> %1/kWh</translation>
    </message>
    <message>
        <source> %1 per kW-month</source>
        <translation> %1/(kW·月)</translation>
    </message>
    <message>
        <source> %1 per server</source>
        <translation> %1/台服务器</translation>
    </message>
</context>
<context>
    <name>EstimateText</name>
    <message>
        <source>does not fit: %1 short per GPU</source>
        <translation>显存不足：每卡缺 %1</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>does not fit</source>
        <translation>放不下</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>serves</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>does not serve</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>cost unknown: no price for %1</source>
        <translation>成本未知：%1 没有价格</translation>
    </message>
    <message>
        <source>the prefill pool does not fit one prompt: %1 short per GPU</source>
        <translation>预填充池放不下一个提示：每块 GPU 缺少 %1</translation>
    </message>
    <message>
        <source>TP %1 · PP %2</source>
        <translation>TP %1 · PP %2</translation>
    </message>
    <message>
        <source> · EP %1</source>
        <translation> · EP %1</translation>
    </message>
    <message>
        <source> · DP attention</source>
        <translation> · 数据并行注意力</translation>
    </message>
    <message>
        <source>%1, 1 replica</source>
        <translation>%1，1 个副本</translation>
    </message>
    <message>
        <source>%1, %2 replicas</source>
        <translation>%1，%2 个副本</translation>
    </message>
    <message>
        <source>; prefill pool of 1 GPU: %1</source>
        <translation>；1 块 GPU 的预填充池：%1</translation>
    </message>
    <message>
        <source>; prefill pool of %1 GPUs: %2</source>
        <translation>；%1 块 GPU 的预填充池：%2</translation>
    </message>
    <message>
        <source>cost at least this: 1 part without a price (%1)</source>
        <translation>成本至少为此：1 个部件没有价格（%1）</translation>
    </message>
    <message>
        <source>cost at least this: %1 parts without a price (%2)</source>
        <translation>成本至少为此：%1 个部件没有价格（%2）</translation>
    </message>
    <message>
        <source>trains</source>
        <translation>可训练</translation>
    </message>
    <message>
        <source>meets the deadline</source>
        <translation>按期完成</translation>
    </message>
    <message>
        <source>misses the deadline</source>
        <translation>无法按期完成</translation>
    </message>
    <message>
        <source>%1 hours (%2 – %3) · %4 GPU-hours · MFU %5 %</source>
        <translation>%1 小时（%2 – %3）· %4 GPU 小时 · MFU %5 %</translation>
    </message>
    <message>
        <source>%1 days (%2 – %3) · %4 GPU-hours · MFU %5 %</source>
        <translation>%1 天（%2 – %3）· %4 GPU 小时 · MFU %5 %</translation>
    </message>
    <message>
        <source>TP %1 × PP %2 × DP %3</source>
        <translation>TP %1 × PP %2 × DP %3</translation>
    </message>
    <message>
        <source>1 server like these finishes within %1 days</source>
        <translation>1 台这样的服务器可在 %1 天内完成</translation>
    </message>
    <message>
        <source>%1 servers like these finish within %2 days</source>
        <translation>%1 台这样的服务器可在 %2 天内完成</translation>
    </message>
    <message>
        <source>no number of servers like these finishes within %1 days</source>
        <translation>多少台这样的服务器都无法在 %1 天内完成</translation>
    </message>
    <message>
        <source>to size the servers for the deadline, draw two linked by the network to scale over</source>
        <translation>要按期限估算服务器数量，请画出两台由网络相连的服务器</translation>
    </message>
    <message>
        <source>Full training or fine-tuning</source>
        <translation>全量训练或微调</translation>
    </message>
    <message>
        <source>LoRA adapters (16-bit base)</source>
        <translation>LoRA 适配器（16 位基座）</translation>
    </message>
    <message>
        <source>QLoRA adapters (4-bit base)</source>
        <translation>QLoRA 适配器（4 位基座）</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>8-bit Adam</source>
        <translation>8 位 Adam</translation>
    </message>
    <message>
        <source>Lion</source>
        <translation>Lion</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source> · 1 layer in host RAM (%1)</source>
        <translation> · 1 层在主机内存（%1）</translation>
    </message>
    <message>
        <source> · %1 layers in host RAM (%2)</source>
        <translation> · %1 层在主机内存（%2）</translation>
    </message>
    <message>
        <source>one sequence fits up to %1 tokens on this build</source>
        <translation>该配置上单条序列最多放得下 %1 个 token</translation>
    </message>
    <message>
        <source>the weights alone do not fit this build</source>
        <translation>仅权重就放不进该配置</translation>
    </message>
    <message>
        <source>holds %1 sequences of %2 tokens; %3 tokens each at %4 sequences</source>
        <translation>可容纳 %1 条 %2 token 的序列；%4 条序列时每条最多 %3 个 token</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source> · fleet: 1 server like these at the peak (× %1), spares included</source>
        <translation> · 集群：峰值（× %1）需 1 台这样的服务器，含备用</translation>
    </message>
    <message>
        <source> · fleet: %1 servers like these at the peak (× %2), spares included</source>
        <translation> · 集群：峰值（× %2）需 %1 台这样的服务器，含备用</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>1-year reserved</source>
        <translation>1 年预留</translation>
    </message>
    <message>
        <source>3-year reserved</source>
        <translation>3 年预留</translation>
    </message>
    <message>
        <source>Spot</source>
        <translation>竞价</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory modules</source>
        <translation>内存模块</translation>
    </message>
    <message>
        <source>Storage devices</source>
        <translation>存储设备</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Switches</source>
        <translation>交换机</translation>
    </message>
    <message>
        <source>Server templates</source>
        <translation>服务器模板</translation>
    </message>
    <message>
        <source>Cloud instances</source>
        <translation>云实例</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>部件库</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>部件数</translation>
    </message>
    <message>
        <source>With a price</source>
        <translation>有价格</translation>
    </message>
    <message>
        <source>No part has a price.</source>
        <translation>没有任何部件有价格。</translation>
    </message>
    <message>
        <source>Prices seen between %1 and %2; each shows its own date.</source>
        <translation>价格采集于 %1 至 %2 之间；每个价格均标有各自的日期。</translation>
    </message>
    <message>
        <source>About LLM Deployment Planner</source>
        <translation>关于 LLM Deployment Planner</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LLM Deployment Planner %1&lt;/h3&gt;&lt;p&gt;Sizes, times and costs large-language-model deployments from the model&apos;s architecture and the hardware&apos;s datasheets.&lt;/p&gt;%2&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;Sources: vendor datasheets and whitepapers, each model&apos;s config.json on Hugging Face, vendors&apos; list prices, public hardware tables and cloud providers&apos; price pages. Every part names its own source: hover it in the Parts palette.&lt;/p&gt;&lt;p&gt;Your own parts: %4&lt;/p&gt;&lt;p&gt;Built with Qt %5.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LLM Deployment Planner %1&lt;/h3&gt;&lt;p&gt;根据模型架构和硬件数据手册，估算大语言模型部署的规模、时延与成本。&lt;/p&gt;%2&lt;p&gt;%3&lt;/p&gt;&lt;p&gt;数据来源：厂商数据手册与白皮书、Hugging Face 上各模型的 config.json、厂商标价、公开硬件价格表以及云服务商的价格页面。每个部件都注明了来源：在部件面板中将鼠标悬停在部件上即可查看。&lt;/p&gt;&lt;p&gt;自定义部件库：%4&lt;/p&gt;&lt;p&gt;基于 Qt %5 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How the Numbers Are Computed</source>
        <translation>数值计算方法</translation>
    </message>
    <message>
        <source>Network adapters</source>
        <translation>网卡</translation>
    </message>
    <message>
        <source>Cables and transceivers</source>
        <translation>线缆和光模块</translation>
    </message>
</context>
<context>
    <name>InterfaceLanguage</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MemoryUnits</name>
    <message>
        <source>GiB = 2³⁰ bytes</source>
        <translation>GiB = 2³⁰ 字节</translation>
    </message>
    <message>
        <source>GB = 10⁹ bytes</source>
        <translation>GB = 10⁹ 字节</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Amounts in %1 at the user&apos;s rate of %2 %1 per USD; catalogue prices are quoted in USD.</source>
        <translation>金额以 %1 计，按用户设定的汇率 1 USD = %2 %1 换算；目录中的价格以 USD 报价。</translation>
    </message>
    <message>
        <source>Amounts in %1 at the user&apos;s rate of %2 %1 per USD (%3); catalogue prices are quoted in USD.</source>
        <translation>金额以 %1 计，按用户设定的汇率 1 USD = %2 %1（%3）换算；目录中的价格以 USD 报价。</translation>
    </message>
</context>
<context>
    <name>PlanEdits</name>
    <message>
        <source>Add server %1</source>
        <translation>添加服务器 %1</translation>
    </message>
    <message>
        <source>Add cloud instance %1</source>
        <translation>添加云实例 %1</translation>
    </message>
    <message>
        <source>%1 is drawn with the connect tool between two parts</source>
        <translation>%1 须使用连接工具在两个部件之间绘制</translation>
    </message>
    <message>
        <source>Add network card %1</source>
        <translation>添加网卡 %1</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>Move server</source>
        <translation>移动服务器</translation>
    </message>
    <message>
        <source>Move %1 servers</source>
        <translation>移动 %1 台服务器</translation>
    </message>
    <message>
        <source>Set %1 count to %2</source>
        <translation>将 %1 的数量设为 %2</translation>
    </message>
    <message>
        <source>Set link count to %1</source>
        <translation>将链路数设为 %1</translation>
    </message>
    <message>
        <source>Rename to %1</source>
        <translation>重命名为 %1</translation>
    </message>
    <message>
        <source>GPUs over PCIe</source>
        <translation>GPU 经 PCIe 互联</translation>
    </message>
    <message>
        <source>GPUs over %1</source>
        <translation>GPU 经 %1 互联</translation>
    </message>
    <message>
        <source>the catalogue has no link &apos;%1&apos;</source>
        <translation>部件库中没有链路“%1”</translation>
    </message>
    <message>
        <source>Link with %1</source>
        <translation>用 %1 连接</translation>
    </message>
    <message>
        <source>Arrange servers</source>
        <translation>排列服务器</translation>
    </message>
    <message>
        <source>Change workload</source>
        <translation>更改工作负载</translation>
    </message>
    <message>
        <source>Change deployment settings</source>
        <translation>更改部署设置</translation>
    </message>
    <message>
        <source>Change cost assumptions</source>
        <translation>更改成本假设</translation>
    </message>
    <message>
        <source>Add scenario %1</source>
        <translation>添加方案 %1</translation>
    </message>
    <message>
        <source>Rename scenario to %1</source>
        <translation>将方案重命名为 %1</translation>
    </message>
    <message>
        <source>Remove scenario</source>
        <translation>移除方案</translation>
    </message>
    <message>
        <source>Delete 1 item</source>
        <translation>删除 1 项</translation>
    </message>
    <message>
        <source>Delete %1 items</source>
        <translation>删除 %1 项</translation>
    </message>
    <message>
        <source>Paste 1 server</source>
        <translation>粘贴 1 台服务器</translation>
    </message>
    <message>
        <source>Paste %1 servers</source>
        <translation>粘贴 %1 台服务器</translation>
    </message>
    <message>
        <source>Compare 1 model version</source>
        <translation>比较 1 个模型版本</translation>
    </message>
    <message>
        <source>Compare %1 model versions</source>
        <translation>比较 %1 个模型版本</translation>
    </message>
    <message>
        <source>Serve the model versions</source>
        <translation>部署推理服务</translation>
    </message>
    <message>
        <source>Train the model versions</source>
        <translation>训练模型版本</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>更改训练设置</translation>
    </message>
    <message>
        <source>Set your price for %1</source>
        <translation>设置 %1 的自定价格</translation>
    </message>
    <message>
        <source>Use the catalogue&apos;s price for %1</source>
        <translation>%1 恢复使用目录价格</translation>
    </message>
    <message>
        <source>%1 has no network to link its units with</source>
        <translation>%1 没有可连接各单元的网络</translation>
    </message>
</context>
<context>
    <name>Proposal</name>
    <message>
        <source>Prepared by %1</source>
        <translation>编制：%1</translation>
    </message>
    <message>
        <source>on-demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>1-year reserved</source>
        <translation>1 年预留</translation>
    </message>
    <message>
        <source>3-year reserved</source>
        <translation>3 年预留</translation>
    </message>
    <message>
        <source>spot</source>
        <translation>竞价</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>TTFT ≤ %1 s, TPOT ≤ %2 ms</source>
        <translation>TTFT ≤ %1 s，TPOT ≤ %2 ms</translation>
    </message>
    <message>
        <source>%1 requests per second</source>
        <translation>每秒 %1 个请求</translation>
    </message>
    <message>
        <source>%1 sequences at once</source>
        <translation>并发 %1 条序列</translation>
    </message>
    <message>
        <source>prompts of %1 tokens and answers of %2 tokens at %3</source>
        <translation>输入 %1 token、输出 %2 token、%3</translation>
    </message>
    <message>
        <source>1 on-prem server</source>
        <translation>1 台本地服务器</translation>
    </message>
    <message>
        <source>%1 on-prem servers</source>
        <translation>%1 台本地服务器</translation>
    </message>
    <message>
        <source>1 cloud instance (%1)</source>
        <translation>1 个云实例（%1）</translation>
    </message>
    <message>
        <source>%1 cloud instances (%2)</source>
        <translation>%1 个云实例（%2）</translation>
    </message>
    <message>
        <source>no hardware drawn</source>
        <translation>未绘制硬件</translation>
    </message>
    <message>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <source>%1 × %2 in %3</source>
        <translation>%3，共 %1 × %2</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>qualifies</source>
        <translation>符合条件</translation>
    </message>
    <message>
        <source>cannot be estimated: %1</source>
        <translation>无法估算：%1</translation>
    </message>
    <message>
        <source>no model version picked</source>
        <translation>未选择模型版本</translation>
    </message>
    <message>
        <source>%1 does not fit</source>
        <translation>%1 显存不足</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 misses the latency targets</source>
        <translation>%1 未达到时延目标</translation>
    </message>
    <message>
        <source>no price known</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <source>Hardware proposal</source>
        <translation>硬件方案建议书</translation>
    </message>
    <message>
        <source>Scenarios: %1</source>
        <translation>方案：%1</translation>
    </message>
    <message>
        <source>Model versions: %1</source>
        <translation>模型版本：%1</translation>
    </message>
    <message>
        <source>none picked</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Workload: %1; %2</source>
        <translation>工作负载：%1；%2</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>No scenario can be recommended: none of the %1 fits every model version in memory and meets the latency targets (%2) for %3 at a known cost. What rules each one out is listed under “Scenarios at a glance” below.</source>
        <translation>无法推荐任何方案：针对该工作负载（%3），%1 个方案中没有一个能在已知成本下让所有模型版本都装入显存并满足时延目标（%2）。各方案被排除的原因见下文“方案一览”。</translation>
    </message>
    <message>
        <source> (With several model versions, a scenario counts at its dearest version&apos;s cost.)</source>
        <translation>（有多个模型版本时，方案按成本最高的版本计。）</translation>
    </message>
    <message>
        <source>What it serves</source>
        <translation>服务能力</translation>
    </message>
    <message>
        <source>What it costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>盈亏平衡</translation>
    </message>
    <message>
        <source>There is no break-even to report: the plan does not have both an on-prem and a cloud scenario that can be estimated and priced.</source>
        <translation>无盈亏平衡点可报告：本规划中没有同时具备可估算且有价格的本地部署方案和云方案。</translation>
    </message>
    <message>
        <source> These are the cheapest on-prem and the cheapest cloud scenario by monthly total.</source>
        <translation>以上分别为月度总成本最低的本地部署方案和云方案。</translation>
    </message>
    <message>
        <source> The capital is a lower bound (parts without a price), so buying may break even later.</source>
        <translation>资本支出为下限值（部分部件无价格），因此购买的盈亏平衡点可能更晚。</translation>
    </message>
    <message>
        <source>Scenarios at a glance</source>
        <translation>方案一览</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>No hardware is drawn in this scenario.</source>
        <translation>此方案中未绘制任何硬件。</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部件</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price source</source>
        <translation>价格来源</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>无价格</translation>
    </message>
    <message>
        <source>none in the catalogue</source>
        <translation>部件库中无</translation>
    </message>
    <message>
        <source>Total capital</source>
        <translation>资本支出合计</translation>
    </message>
    <message>
        <source>a lower bound: parts without a price are not counted</source>
        <translation>下限值：未计入无价格的部件</translation>
    </message>
    <message>
        <source>Cloud instance</source>
        <translation>云实例</translation>
    </message>
    <message>
        <source>Cloud bill per month</source>
        <translation>每月云服务费用</translation>
    </message>
    <message>
        <source>%1 prices, paid for every hour of the month</source>
        <translation>%1价格，按月内每小时计费</translation>
    </message>
    <message>
        <source>%1 prices, %2 hours a month</source>
        <translation>%1价格，每月 %2 小时</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>月度成本</translation>
    </message>
    <message>
        <source>Capital amortised over %1 years</source>
        <translation>资本支出按 %1 年摊销</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>维保</translation>
    </message>
    <message>
        <source>Colocation</source>
        <translation>机房托管</translation>
    </message>
    <message>
        <source>Cloud instances</source>
        <translation>云实例</translation>
    </message>
    <message>
        <source>Monthly total</source>
        <translation>月度合计</translation>
    </message>
    <message>
        <source>Each scenario&apos;s servers, parts and links as drawn on the planner&apos;s canvas. A red badge marks a problem found in the topology; solid lines are GPU links inside a server, dashed lines the network between servers, dashed boxes rented cloud instances.</source>
        <translation>各方案在规划画布上绘制的服务器、部件和链路。红色标记表示拓扑中发现的问题；实线为服务器内的 GPU 链路，虚线为服务器间网络，虚线框为租用的云实例。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Problems: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>显存够用</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>TPOT</source>
        <translation>TPOT</translation>
    </message>
    <message>
        <source>—
no model version picked</source>
        <translation>—
未选择模型版本</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Workload and targets</source>
        <translation>工作负载与目标</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <source>Model versions compared</source>
        <translation>对比的模型版本</translation>
    </message>
    <message>
        <source>Prompt per request</source>
        <translation>每请求输入</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 token</translation>
    </message>
    <message>
        <source>Answer per request</source>
        <translation>每请求输出</translation>
    </message>
    <message>
        <source>Context held per sequence</source>
        <translation>每序列上下文长度</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Time to first token (TTFT) target</source>
        <translation>首字延迟 (TTFT) 目标</translation>
    </message>
    <message>
        <source>at most %1 s</source>
        <translation>不超过 %1 s</translation>
    </message>
    <message>
        <source>Time per output token (TPOT) target</source>
        <translation>每输出 token 时延 (TPOT) 目标</translation>
    </message>
    <message>
        <source>at most %1 ms</source>
        <translation>不超过 %1 ms</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署配置</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 缓存</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>并行方式</translation>
    </message>
    <message>
        <source>Cloud prices</source>
        <translation>云计费方式</translation>
    </message>
    <message>
        <source>each checkpoint&apos;s own</source>
        <translation>各检查点原格式</translation>
    </message>
    <message>
        <source>Efficiency factors</source>
        <translation>效率系数</translation>
    </message>
    <message>
        <source>Engine on GPU</source>
        <translation>引擎 / GPU</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>算力</translation>
    </message>
    <message>
        <source>Memory bandwidth</source>
        <translation>显存带宽</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>—
no GPU or engine to estimate</source>
        <translation>—
无可供估算的 GPU 或引擎</translation>
    </message>
    <message>
        <source>%1
(%2–%3)</source>
        <translation>%1
(%2–%3)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Efficiency, %1 on %2: %3.</source>
        <translation>效率系数，%2 上的 %1：%3。</translation>
    </message>
    <message>
        <source>Engine profile, %1: %2.</source>
        <translation>引擎参数，%1：%2。</translation>
    </message>
    <message>
        <source>Cost assumptions</source>
        <translation>成本假设</translation>
    </message>
    <message>
        <source>For every scenario:</source>
        <translation>适用于所有方案：</translation>
    </message>
    <message>
        <source>For %1:</source>
        <translation>适用于 %1：</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>假设项</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Prices and their dates</source>
        <translation>价格及其日期</translation>
    </message>
    <message>
        <source>Price (USD)</source>
        <translation>价格 (USD)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>%1 (chassis and integration)</source>
        <translation>%1（机箱与集成）</translation>
    </message>
    <message>
        <source>%1 per hour %2</source>
        <translation>%2：%1/小时</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The plan uses no priced part.</source>
        <translation>本规划未使用任何有价格的部件。</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>执行摘要</translation>
    </message>
    <message>
        <source>Bill of materials</source>
        <translation>物料清单</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓扑</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>d MMMM yyyy</source>
        <extracomment>The title page&apos;s date, as QDate::toString writes it (Chinese: yyyy年M月d日).</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Every model version on every scenario, for %1 (%2). Memory is the most loaded GPU&apos;s, used of usable (%3); speeds are the performance model&apos;s nominal estimate.</source>
        <translation>各模型版本在各方案上的估算结果，工作负载：%1（%2）。显存指负载最高的 GPU 的已用量/可用量（%3）；速度为性能模型的标称估算值。</translation>
    </message>
    <message>
        <source>Memory per GPU (%1)</source>
        <translation>单卡显存 (%1)</translation>
    </message>
    <message>
        <source>We recommend %1: %2, the plan&apos;s one scenario. It fits every model version in memory and meets the latency targets (%3) for %4 at %5 per million output tokens.</source>
        <translation>推荐方案 %1：%2（本规划唯一的方案）。针对该工作负载（%4），它的显存可容纳所有模型版本并满足时延目标（%3），每百万输出 token 成本为 %5。</translation>
    </message>
    <message>
        <source>We recommend %1: %2. Of the %3 scenarios in this plan, it is the one that fits every model version in memory and meets the latency targets (%4) for %5 at the lowest cost per million output tokens: %6.</source>
        <translation>推荐方案 %1：%2。在本规划的 %3 个方案中，针对该工作负载（%5），它的显存可容纳所有模型版本并满足时延目标（%4），且每百万输出 token 成本最低：%6。</translation>
    </message>
    <message>
        <source> The next best, %1, serves the same at %2 per million output tokens.</source>
        <translation>次优方案 %1 同样满足要求，每百万输出 token 成本为 %2。</translation>
    </message>
    <message>
        <source>Capital: at least %1 (some parts have no price; see the bill of materials).</source>
        <translation>资本支出：至少 %1（部分部件无价格，见物料清单）。</translation>
    </message>
    <message>
        <source>Capital: %1.</source>
        <translation>资本支出：%1。</translation>
    </message>
    <message>
        <source>Cloud: %1 a month (%2 prices).</source>
        <translation>云服务：每月 %1（%2价格）。</translation>
    </message>
    <message>
        <source>In all %1 a month (capital amortised over %2 years, power, maintenance and colocation included), %3 per million output tokens.</source>
        <translation>合计每月 %1（含按 %2 年摊销的资本支出、电费、维保和机房托管费用），每百万输出 token 成本 %3。</translation>
    </message>
    <message>
        <source>Buying %1 (capital %2, then %3 a month to run) has cost less in cash than renting %4 (%5 a month) by the end of month %6.</source>
        <translation>到第 %6 个月末，购买 %1（资本支出 %2，此后每月运行成本 %3）的累计现金支出已低于租用 %4（每月 %5）。</translation>
    </message>
    <message>
        <source>Buying %1 (capital %2, then %3 a month to run) does not break even with renting %4 (%5 a month) within the horizon of %6 months.</source>
        <translation>在 %6 个月的测算周期内，购买 %1（资本支出 %2，此后每月运行成本 %3）与租用 %4（每月 %5）相比未能达到盈亏平衡。</translation>
    </message>
    <message>
        <source>Capital (%1)</source>
        <translation>资本支出 (%1)</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <source>Unit price (%1)</source>
        <translation>单价 (%1)</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>合计 (%1)</translation>
    </message>
    <message>
        <source>%1 / hour each</source>
        <translation>单价 (%1/小时)</translation>
    </message>
    <message>
        <source>Power: %1 kW at the wall at %2/kWh</source>
        <translation>电费：%1 kW（含 PUE），电价 %2/kWh</translation>
    </message>
    <message>
        <source>%1 … (%2; in full under “Prices and their dates”)</source>
        <translation>%1 …（%2；完整来源见“价格及其日期”）</translation>
    </message>
    <message>
        <source>%1 … (in full under “Prices and their dates”)</source>
        <translation>%1 …（完整来源见“价格及其日期”）</translation>
    </message>
    <message>
        <source>%1 cannot be judged: %2</source>
        <translation>%1 无法判断：%2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 ms a step
%2 ms a sequence
%3 ms a request</source>
        <translation>每步 %1 ms
每序列 %2 ms
每请求 %3 ms</translation>
    </message>
    <message>
        <source>
%1 ms a layer</source>
        <translation>
每层 %1 ms</translation>
    </message>
    <message>
        <source>The share of each datasheet peak the performance model assumes a serving engine reaches on a GPU, nominal with the slowest and fastest plausible in brackets (the range behind every speed&apos;s spread), and the engine&apos;s host time: per forward step, per sequence in a step and per request before its prefill. All are fitted to published serving measurements.</source>
        <translation>性能模型假定服务引擎在 GPU 上能达到的各项数据手册峰值的比例：名义值，括号内为最慢和最快的合理值（即每个速度范围的依据）；以及引擎的主机时间：每个前向步、步内每个序列、以及每个请求在预填充之前的时间。全部根据公开发布的服务测量值拟合。</translation>
    </message>
    <message>
        <source>Host time</source>
        <translation>主机时间</translation>
    </message>
    <message>
        <source>MTP</source>
        <translation>MTP</translation>
    </message>
    <message>
        <source>EAGLE</source>
        <translation>EAGLE</translation>
    </message>
    <message>
        <source>n-gram</source>
        <translation>n-gram</translation>
    </message>
    <message>
        <source>Prompt found in the prefix cache</source>
        <translation>命中前缀缓存的提示词</translation>
    </message>
    <message>
        <source>%1 % of each prompt, not computed again</source>
        <translation>每个提示词的 %1 %，不再重新计算</translation>
    </message>
    <message>
        <source>none assumed</source>
        <translation>未假设</translation>
    </message>
    <message>
        <source>
%1 draft of 1 token, %2 tokens a step</source>
        <translation>
%1 草稿 1 个 token，每步 %2 个 token</translation>
    </message>
    <message>
        <source>
%1 draft of %2 tokens, %3 tokens a step</source>
        <translation>
%1 草稿 %2 个 token，每步 %3 个 token</translation>
    </message>
    <message>
        <source>%1: %2 output tokens/s, about %3 requests/s with %4 sequences at once; TTFT %5, TPOT %6; %7; %8 of memory used per GPU.</source>
        <translation>%1：每秒 %2 个输出词元，同时 %4 个序列时约每秒 %3 个请求；TTFT %5，TPOT %6；%7；每块 GPU 使用内存 %8。</translation>
    </message>
    <message>
        <source>%1 · %2 sequences · decode %3-bound</source>
        <translation>%1 · %2 个序列 · 解码受%3限制</translation>
    </message>
    <message>
        <source>
prefill pool sends KV caches at %1 GB/s per GPU</source>
        <translation>
预填充池以每块 GPU %1 GB/s 发送 KV 缓存</translation>
    </message>
    <message>
        <source>within the deadline of %1 days</source>
        <translation>在 %1 天的期限内</translation>
    </message>
    <message>
        <source>(no deadline set)</source>
        <translation>（未设期限）</translation>
    </message>
    <message>
        <source>We recommend %1: %2, the plan&apos;s one scenario. It fits the training run of every model version in memory and trains its %3 tokens %4 at %5 per million tokens.</source>
        <translation>我们推荐 %1：%2，即本计划唯一的方案。它的显存容得下每个模型版本的训练，并以每百万 token %5 的费用%4训练完 %3 个 token。</translation>
    </message>
    <message>
        <source>We recommend %1: %2. Of the %3 scenarios in this plan, it is the one that fits the training run of every model version in memory and trains its %4 tokens %5 at the lowest cost per million tokens: %6.</source>
        <translation>我们推荐 %1：%2。在本计划的 %3 个方案中，它的显存容得下每个模型版本的训练，并以最低的每百万 token 费用 %6 %5训练完 %4 个 token。</translation>
    </message>
    <message>
        <source>%1 trillion</source>
        <translation>%1 万亿</translation>
    </message>
    <message>
        <source>%1 billion</source>
        <translation>%1 十亿</translation>
    </message>
    <message>
        <source>%1 million</source>
        <translation>%1 百万</translation>
    </message>
    <message>
        <source>%1: %2 tokens/s trained; %3. %4; %5 of memory used per GPU.</source>
        <translation>%1：每秒训练 %2 个 token；%3。%4；单卡显存用量 %5。</translation>
    </message>
    <message>
        <source>Task: training or fine-tuning runs (each scenario&apos;s settings are under Assumptions)</source>
        <translation>任务：训练或微调（各方案的设置见“假设”）</translation>
    </message>
    <message>
        <source>No scenario can be recommended: none of the %1 fits the training run of every model version in memory and finishes it by its deadline at a known cost. What rules each one out, and how many servers would finish in time, is listed under “Scenarios at a glance” below.</source>
        <translation>无法推荐任何方案：%1 个方案中没有一个既容得下每个模型版本的训练、又能在期限内以已知费用完成。各方案被排除的原因，以及需要多少台服务器才能按期完成，见下方“方案一览”。</translation>
    </message>
    <message>
        <source> The next best, %1, trains the same at %2 per million tokens.</source>
        <translation> 次优的 %1 以每百万 token %2 完成同样的训练。</translation>
    </message>
    <message>
        <source>What it trains</source>
        <translation>训练能力</translation>
    </message>
    <message>
        <source>In all %1 a month (capital amortised over %2 years, power, maintenance and colocation included); the run takes its hours of that: %3, or %4 per million tokens trained.</source>
        <translation>合计每月 %1（含按 %2 年摊销的资本、电费、维护和托管）；训练占用其中相应的小时数：%3，即每百万训练 token %4。</translation>
    </message>
    <message>
        <source>%1 / M tokens</source>
        <translation>%1 / 百万 token</translation>
    </message>
    <message>
        <source>≥ marks a lower bound: some parts have no price; a cost is unknown when a GPU or a cloud instance has none. %1 / month includes the capital amortised, power, maintenance, colocation and cloud bills; %1 / M tokens is the dearest model version&apos;s, per million output tokens served or, for a training run, per million tokens trained.</source>
        <translation>≥ 表示下限：部分部件没有价格；GPU 或云实例没有价格时费用未知。%1 / 月包含资本摊销、电费、维护、托管和云账单；%1 / 百万 token 取最贵的模型版本，推理时按每百万输出 token 计，训练时按每百万训练 token 计。</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>token/s</translation>
    </message>
    <message>
        <source>For a training run, tokens/s are the tokens trained a second, the verdict says whether it finishes by its deadline, and the cost per million tokens is the run&apos;s cost (its hours of the scenario&apos;s monthly cost, or of the instances&apos; price) over the tokens it trains on.</source>
        <translation>对训练方案，token/s 指每秒训练的 token 数，结论表示能否按期完成，每百万 token 费用为训练费用（方案月成本或实例价格中按训练小时数计的部分）除以训练的 token 数。</translation>
    </message>
    <message>
        <source>Training run: %1</source>
        <translation>训练：%1</translation>
    </message>
    <message>
        <source>Layout and precision</source>
        <translation>并行布局与精度</translation>
    </message>
    <message>
        <source>Memory per GPU</source>
        <translation>单卡显存</translation>
    </message>
    <message>
        <source>%1 of %2: weights %3, gradients %4, optimizer states %5, activations %6, runtime %7</source>
        <translation>%1 / %2：权重 %3，梯度 %4，优化器状态 %5，激活值 %6，运行时 %7</translation>
    </message>
    <message>
        <source>Speed and time</source>
        <translation>速度与时间</translation>
    </message>
    <message>
        <source>%1 tokens/s; %2</source>
        <translation>%1 token/s；%2</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Run cost</source>
        <translation>训练费用</translation>
    </message>
    <message>
        <source>Method and optimizer</source>
        <translation>方法与优化器</translation>
    </message>
    <message>
        <source>Sequence and batch</source>
        <translation>序列与批大小</translation>
    </message>
    <message>
        <source>Tokens and deadline</source>
        <translation>token 数与期限</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 tokens a sequence
micro-batch %2, global batch %3</source>
        <translation>每条序列 %1 个 token
微批 %2，全局批 %3</translation>
    </message>
    <message>
        <source>one micro-batch per rank</source>
        <translation>每个数据并行副本一个微批</translation>
    </message>
    <message>
        <source>%1 tokens
%2</source>
        <translation>%1 个 token
%2</translation>
    </message>
    <message>
        <source>within %1 days</source>
        <translation>%1 天内</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Training runs</source>
        <translation>训练任务</translation>
    </message>
</context>
<context>
    <name>ProposalCharts</name>
    <message>
        <source>The scenarios side by side (%1)</source>
        <translation>方案对比（%1）</translation>
    </message>
    <message>
        <source>Memory per GPU: %1</source>
        <translation>单卡显存：%1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Throughput and TPOT against concurrency: %1</source>
        <translation>吞吐量与 TPOT 随并发数变化：%1</translation>
    </message>
    <message>
        <source>TTFT against prompt length: %1</source>
        <translation>TTFT 随输入长度变化：%1</translation>
    </message>
    <message>
        <source>Latency under load (serving simulation): %1</source>
        <translation>负载下时延（服务仿真）：%1</translation>
    </message>
    <message>
        <source>Cumulative cost over the horizon</source>
        <translation>测算周期内累计成本</translation>
    </message>
    <message>
        <source>Days to train against servers: %1</source>
        <translation>训练天数与服务器数量：%1</translation>
    </message>
    <message>
        <source>Run cost against servers: %1</source>
        <translation>训练费用与服务器数量：%1</translation>
    </message>
</context>
<context>
    <name>ProposalExportText</name>
    <message>
        <source>Simulating the serving load of each model version…</source>
        <translation>正在模拟每个模型版本的服务负载…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting the proposal</source>
        <translation>正在导出方案书</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source>Laying out and writing the pages…</source>
        <translation>正在排版并写入页面…</translation>
    </message>
</context>
<context>
    <name>ProposalWriter</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be started</source>
        <translation>无法写入 %1：无法开始生成 PDF</translation>
    </message>
    <message>
        <source>The proposal was not written: the export was cancelled</source>
        <translation>方案书未写入：导出已取消</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Drop GPUs, CPUs and memory here</source>
        <translation>将 GPU、CPU 和内存拖放到此处</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> token</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>%1 GB/s per direction, %2 µs</source>
        <translation>单向 %1 GB/s，%2 µs</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plan the hardware for serving and training LLMs.</source>
        <translation>为 LLM 推理服务与训练规划硬件。</translation>
    </message>
    <message>
        <source>A plan file (.llmplan) to open.</source>
        <translation>要打开的规划文件 (.llmplan)。</translation>
    </message>
    <message>
        <source>LLM Deployment Planner</source>
        <translation>LLM Deployment Planner</translation>
    </message>
    <message>
        <source>The catalogue cannot be opened:
%1</source>
        <translation>无法打开部件库：
%1</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>部件库</translation>
    </message>
</context>
<context>
    <name>planner::AnalysisPanel</name>
    <message>
        <source>Model version for the speed and load charts:</source>
        <translation>速度和负载图表所用的模型版本：</translation>
    </message>
    <message>
        <source>Memory fit</source>
        <translation>显存占用</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Under load</source>
        <translation>负载表现</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Compare scenarios</source>
        <translation>方案对比</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No estimate: see the summary&apos;s note</source>
        <translation>无估算结果：见汇总中的备注</translation>
    </message>
    <message>
        <source>A lower bound: some parts have no price</source>
        <translation>下限值：部分部件没有价格</translation>
    </message>
    <message>
        <source>A training scenario serves no load: the Speed tab shows how its time and cost scale with the servers</source>
        <translation>训练方案不承担推理负载：“速度”页显示其时间和费用如何随服务器数量变化</translation>
    </message>
</context>
<context>
    <name>planner::ChartView</name>
    <message>
        <source>%1
%2 %3
%4: %5</source>
        <translation>%1
%2 %3
%4：%5</translation>
    </message>
    <message>
        <source>%1
%2 %3</source>
        <translation>%1
%2 %3</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1 as PNG</source>
        <translation>无法将 %1 写为 PNG</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>Cannot save chart</source>
        <translation>无法保存图表</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save Chart as SVG…</source>
        <translation>将图表保存为 SVG…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Copy Chart</source>
        <translation>复制图表</translation>
    </message>
</context>
<context>
    <name>planner::CostPanel</name>
    <message>
        <source>The price the scenario&apos;s cloud instances are charged at</source>
        <translation>该方案中云实例的计费方式</translation>
    </message>
    <message>
        <source>Cloud prices</source>
        <translation>云计费方式</translation>
    </message>
    <message>
        <source>Use My Defaults</source>
        <translation>使用我的默认值</translation>
    </message>
    <message>
        <source>Set every assumption of this scenario to the defaults in Preferences</source>
        <translation>将此方案的所有成本假设重置为首选项中的默认值</translation>
    </message>
    <message>
        <source>Assumptions of the scenario &lt;b&gt;%1&lt;/b&gt;; hover a value for its source.</source>
        <translation>方案 &lt;b&gt;%1&lt;/b&gt; 的成本假设；将鼠标悬停在数值上可查看来源。</translation>
    </message>
    <message>
        <source>this plan</source>
        <translation>本规划</translation>
    </message>
    <message>
        <source>Capital up front, the monthly total (amortisation, power, maintenance, colocation and cloud bills) and the cash spent over the horizon; the Analysis dock&apos;s Cost tab draws it month by month</source>
        <translation>前期资本、每月合计（摊销、电费、维护、托管和云账单）以及整个周期内的现金支出；“分析”面板的“成本”页按月绘出</translation>
    </message>
    <message>
        <source>Nothing to cost yet.</source>
        <translation>尚无可计算的成本。</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; over %2 months in cash: capital %3, then %4 a month.</source>
        <translation>%2 个月现金合计 &lt;b&gt;%1&lt;/b&gt;：资本 %3，之后每月 %4。</translation>
    </message>
</context>
<context>
    <name>planner::ExportProposalDialog</name>
    <message>
        <source>Export Proposal</source>
        <translation>导出建议书</translation>
    </message>
    <message>
        <source>the plan&apos;s name</source>
        <translation>计划名称</translation>
    </message>
    <message>
        <source>no “Prepared by” line</source>
        <translation>不显示“编制”一行</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>作者(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>planner::FindBuildDialog</name>
    <message>
        <source>%1 · %2 weights · %3 KV · %4 replicas</source>
        <translation>%1 · %2 权重 · %3 KV · %4 个副本</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Monthly cost against latency</source>
        <translation>月成本与延迟</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Pareto front: no cheaper build is as fast</source>
        <translation>帕累托前沿：没有更便宜且同样快的配置</translation>
    </message>
    <message>
        <source>End-to-end latency of a request (s)</source>
        <translation>单个请求的端到端延迟（秒）</translation>
    </message>
    <message>
        <source>%1 a month</source>
        <translation>每月 %1</translation>
    </message>
    <message>
        <source>no build meets the request</source>
        <translation>没有配置满足要求</translation>
    </message>
    <message>
        <source>Find a Build</source>
        <translation>寻找配置</translation>
    </message>
    <message>
        <source>&amp;On-prem servers</source>
        <translation>本地服务器(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cloud instances</source>
        <translation>云实例(&amp;C)</translation>
    </message>
    <message>
        <source>any (e.g. NVIDIA, AMD)</source>
        <translation>任意（如 NVIDIA, AMD）</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <source>The average rate the build must serve (the workload&apos;s request rate); it is sized for the workload&apos;s peak</source>
        <translation>配置必须承担的平均请求率（工作负载的请求率）；按工作负载的峰值配置</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>any (down to 4-bit)</source>
        <translation>任意（低至 4 位）</translation>
    </message>
    <message>
        <source>8-bit or wider</source>
        <translation>8 位及以上</translation>
    </message>
    <message>
        <source>16-bit</source>
        <translation>16 位</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>部署位置：</translation>
    </message>
    <message>
        <source>GPU &amp;vendors:</source>
        <translation>GPU 厂商(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>请求率(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Budget a month:</source>
        <translation>每月预算(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Weights:</source>
        <translation>权重(&amp;W)：</translation>
    </message>
    <message>
        <source>Cloud &amp;prices:</source>
        <translation>云价格(&amp;P)：</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU 数</translation>
    </message>
    <message>
        <source>Layout per version</source>
        <translation>各版本布局</translation>
    </message>
    <message>
        <source>Latency (s)</source>
        <translation>延迟（秒）</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <source>%1 / M tokens</source>
        <translation>%1 / 百万 token</translation>
    </message>
    <message>
        <source>Pareto</source>
        <translation>帕累托</translation>
    </message>
    <message>
        <source>&amp;Add as Scenario</source>
        <translation>添加为方案(&amp;A)</translation>
    </message>
    <message>
        <source>Pick the model versions to serve in the workload panel first.</source>
        <translation>请先在工作负载面板中选择要部署的模型版本。</translation>
    </message>
    <message>
        <source>Searching every server template and cloud instance…</source>
        <translation>正在搜索所有服务器模板和云实例…</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>on-prem</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>云</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>★ on the front</source>
        <translation>★ 在前沿上</translation>
    </message>
    <message>
        <source>Ruled out: %1 layouts by memory, %2 by latency, %3 by fleet size, %4 by budget, %5 by placement or vendor, %6 without a price.</source>
        <translation>已排除：%1 个布局因显存，%2 个因延迟，%3 个因集群规模，%4 个因预算，%5 个因部署位置或厂商，%6 个因无价格。</translation>
    </message>
    <message>
        <source>No build meets the request: ruled out by %1. %2</source>
        <translation>没有配置满足要求：被%1排除。%2</translation>
    </message>
    <message>
        <source>%1 builds from %2 layouts in %3 ms. %4</source>
        <translation>从 %2 个布局中找到 %1 个配置，用时 %3 毫秒。%4</translation>
    </message>
    <message>
        <source>Found: %1 × %2</source>
        <translation>搜索结果：%1 × %2</translation>
    </message>
    <message>
        <source>Cannot add the build</source>
        <translation>无法添加该配置</translation>
    </message>
    <message>
        <source>Added as scenario “%1”.</source>
        <translation>已添加为方案“%1”。</translation>
    </message>
    <message>
        <source>A new scenario with this build: each server or instance a replica, or linked by its network where a replica spans several</source>
        <translation>以此配置新建场景：每台服务器或实例为一个副本；副本跨多台时按其网络连接</translation>
    </message>
    <message>
        <source>A build for several model versions gives each its own servers and layout; add the versions&apos; builds one at a time</source>
        <translation>多个模型版本的配置为每个版本分配各自的服务器和布局；请逐个添加各版本的配置</translation>
    </message>
    <message>
        <source>The catalogue has no network port to link these units with; draw the build and link its units by hand</source>
        <translation>目录中没有可连接这些单元的网络端口；请手动绘制该配置并连接其单元</translation>
    </message>
</context>
<context>
    <name>planner::ImportModelDialog</name>
    <message>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>no weights</source>
        <translation>无权重</translation>
    </message>
    <message>
        <source>%1 routed experts, %2 per token</source>
        <translation>%1 个路由专家，每个 token %2 个</translation>
    </message>
    <message>
        <source>%1 (no planner weight format describes it: weight memory unknown until you pick one in the workload)</source>
        <translation>%1（规划器没有对应的权重格式：在工作负载中选择格式之前，权重内存未知）</translation>
    </message>
    <message>
        <source>%1, %2 of weights</source>
        <translation>%1，权重 %2</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>磁盘占用</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>A config.json, a .safetensors file or index, or a .gguf file</source>
        <translation>config.json、.safetensors 文件或索引，或 .gguf 文件</translation>
    </message>
    <message>
        <source>Choose F&amp;older…</source>
        <translation>选择文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>A model folder holding config.json (and safetensors files, whose headers then count)</source>
        <translation>包含 config.json 的模型文件夹（若有 safetensors 文件，则按其文件头计数）</translation>
    </message>
    <message>
        <source>&amp;Scan Again</source>
        <translation>重新扫描(&amp;S)</translation>
    </message>
    <message>
        <source>The family the workload panel lists it under; versions of one family are compared side by side</source>
        <translation>工作负载面板中列出它的系列；同一系列的版本并排比较</translation>
    </message>
    <message>
        <source>Also add it to the model versions the plan compares (switching to its family)</source>
        <translation>同时把它加入方案比较的模型版本（切换到它的系列）</translation>
    </message>
    <message>
        <source>What the planner reads</source>
        <translation>规划器读取的内容</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>%1 — %2 (not on this computer)</source>
        <translation>%1 — %2（本机没有）</translation>
    </message>
    <message>
        <source>%1 — %2 (no models)</source>
        <translation>%1 — %2（没有模型）</translation>
    </message>
    <message>
        <source>Model files (config.json *.json *.safetensors *.gguf);;All files (*)</source>
        <translation>模型文件 (config.json *.json *.safetensors *.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Model Folder</source>
        <translation>导入模型文件夹</translation>
    </message>
    <message>
        <source>Pick a model above, or choose a file or folder.</source>
        <translation>在上面选择一个模型，或选择文件或文件夹。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (id &lt;tt&gt;%2&lt;/tt&gt;)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（id &lt;tt&gt;%2&lt;/tt&gt;）</translation>
    </message>
    <message>
        <source>Layers: %1</source>
        <translation>层：%1</translation>
    </message>
    <message>
        <source>Mixture of experts: %1</source>
        <translation>混合专家：%1</translation>
    </message>
    <message>
        <source>Parameters: %1 in total, %2 active per token</source>
        <translation>参数：总计 %1，每个 token 激活 %2</translation>
    </message>
    <message>
        <source>Parameters: %1, every one active per token</source>
        <translation>参数：%1，每个 token 全部激活</translation>
    </message>
    <message>
        <source>The checkpoint also stores %1 in multi-token-prediction modules</source>
        <translation>检查点另在多 token 预测模块中存有 %1</translation>
    </message>
    <message>
        <source>The checkpoint also stores %1 in the image encoder</source>
        <translation>检查点另在图像编码器中存有 %1</translation>
    </message>
    <message>
        <source>Context: up to %1 tokens</source>
        <translation>上下文：最多 %1 个 token</translation>
    </message>
    <message>
        <source>Checkpoint format: %1</source>
        <translation>检查点格式：%1</translation>
    </message>
    <message>
        <source>The %1 header holds %2 in %3</source>
        <translation>%1 文件头含 %2，占 %3</translation>
    </message>
    <message>
        <source>Importing replaces %1 with this id.</source>
        <translation>导入将替换具有此 id 的%1。</translation>
    </message>
    <message>
        <source>, %1 shared</source>
        <translation>，%1 个共享</translation>
    </message>
    <message>
        <source>&amp;Compare it in this plan</source>
        <translation>在此方案中比较它(&amp;C)</translation>
    </message>
    <message>
        <source>Famil&amp;y:</source>
        <translation>系列(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Models found on this computer (only their headers are read):</source>
        <translation>在本机找到的模型(&amp;M)（只读取文件头）：</translation>
    </message>
</context>
<context>
    <name>planner::InspectorPanel</name>
    <message>
        <source>Scenario</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Inside a server</source>
        <translation>服务器内</translation>
    </message>
    <message>
        <source>Between servers</source>
        <translation>服务器间</translation>
    </message>
    <message>
        <source> per GPU</source>
        <translation>（每 GPU）</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Select a server, part or link to see and edit it.</source>
        <translation>选择服务器、部件或链路以查看和编辑。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Cloud instance</source>
        <translation>云实例</translation>
    </message>
    <message>
        <source>%1 %2, %3 (prices of %4)</source>
        <translation>%1 %2，%3（%4 价格）</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部件</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>%1 GB %2 at %3 GB/s (%4 GiB usable)</source>
        <translation>%1 GB %2，%3 GB/s（可用 %4 GiB）</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>算力</translation>
    </message>
    <message>
        <source>%1 TFLOPS BF16, %2 TFLOPS FP8 (dense)</source>
        <translation>%1 TFLOPS BF16，%2 TFLOPS FP8（稠密）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>PCIe through the host</source>
        <translation>经主机 PCIe</translation>
    </message>
    <message>
        <source>GPU fabric</source>
        <translation>GPU 互联</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>带宽</translation>
    </message>
    <message>
        <source>%1 GB/s per direction per link</source>
        <translation>每条链路单向 %1 GB/s</translation>
    </message>
    <message>
        <source>Parallel links</source>
        <translation>并行链路数</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>%1 with %2 of memory at %3 GB/s (no GPU: llama.cpp on the CPU)</source>
        <translation>%1，内存 %2，带宽 %3 GB/s（无 GPU：llama.cpp 在 CPU 上运行）</translation>
    </message>
    <message>
        <source>NVLink domain</source>
        <translation>NVLink 域</translation>
    </message>
    <message>
        <source>%1 GPUs across servers, %2</source>
        <translation>跨服务器 %1 个 GPU，%2</translation>
    </message>
    <message>
        <source>1 item selected.</source>
        <translation>已选择 1 项。</translation>
    </message>
    <message>
        <source>%1 items selected.</source>
        <translation>已选择 %1 项。</translation>
    </message>
    <message>
        <source>%1 × %2 in 1 server</source>
        <translation>%1 × %2，位于 1 台服务器</translation>
    </message>
    <message>
        <source>%1 × %2 in %3 servers</source>
        <translation>%1 × %2，位于 %3 台服务器</translation>
    </message>
    <message>
        <source>1 problem: hover the red badge</source>
        <translation>1 个问题：将鼠标悬停在红色标记上</translation>
    </message>
    <message>
        <source>%1 problems: hover the red badges</source>
        <translation>%1 个问题：将鼠标悬停在红色标记上</translation>
    </message>
    <message>
        <source>nothing drawn: %1 identical servers, each a replica of its own behind a load balancer</source>
        <translation>未画连接：%1 台相同的服务器，各自作为负载均衡后的一个副本</translation>
    </message>
    <message>
        <source> an hour</source>
        <translation> /小时</translation>
    </message>
    <message>
        <source> a chassis</source>
        <translation> /机箱</translation>
    </message>
    <message>
        <source>catalogue&apos;s: %1</source>
        <translation>目录价：%1</translation>
    </message>
    <message>
        <source>none in the catalogue</source>
        <translation>目录中无价格</translation>
    </message>
    <message>
        <source>A price you were quoted, used in place of the catalogue&apos;s in every scenario and in the proposal&apos;s bill of materials; 0 goes back to the catalogue&apos;s</source>
        <translation>你拿到的报价，在所有方案和建议书的物料清单中替代目录价格；设为 0 则恢复目录价格</translation>
    </message>
    <message>
        <source>where it comes from, e.g. vendor quote Q-77</source>
        <translation>价格来源，如供应商报价 Q-77</translation>
    </message>
    <message>
        <source>Your price</source>
        <translation>自定价格</translation>
    </message>
    <message>
        <source>Quoted by</source>
        <translation>报价来源</translation>
    </message>
    <message>
        <source> each</source>
        <translation> /个</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>网卡</translation>
    </message>
    <message>
        <source>Cable</source>
        <translation>线缆</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>交换机</translation>
    </message>
</context>
<context>
    <name>planner::LaunchExportDialog</name>
    <message>
        <source>Export Launch Command — %1</source>
        <translation>导出启动命令 — %1</translation>
    </message>
    <message>
        <source>Shell script</source>
        <translation>Shell 脚本</translation>
    </message>
    <message>
        <source>Kubernetes manifest</source>
        <translation>Kubernetes 清单</translation>
    </message>
    <message>
        <source>&amp;Model version</source>
        <translation>模型版本(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>推理引擎(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation>输出格式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Cannot export: %1</source>
        <translation>无法导出：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save Launch Command</source>
        <translation>保存启动命令</translation>
    </message>
    <message>
        <source>Shell scripts (*.sh)</source>
        <translation>Shell 脚本 (*.sh)</translation>
    </message>
    <message>
        <source>Kubernetes manifests (*.yaml *.yml)</source>
        <translation>Kubernetes 清单 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>No Kubernetes manifest for a prefill/decode pair: the shell script serves it (roles prefill, decode and router).</source>
        <translation>预填充/解码组合没有 Kubernetes 清单：由 shell 脚本提供服务（角色 prefill、decode 和 router）。</translation>
    </message>
</context>
<context>
    <name>planner::LayoutFields</name>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>GPUs each layer is split over; auto: the GPUs of one server</source>
        <translation>每层切分到的 GPU 数；自动：单台服务器的 GPU 数</translation>
    </message>
    <message>
        <source>Stages the layers are split into; auto: the fewest at which the model fits</source>
        <translation>层被拆分成的阶段数；自动：模型能放下的最少阶段数</translation>
    </message>
    <message>
        <source>GPUs a mixture-of-experts model&apos;s experts are spread over (wide EP); auto: the experts are split like every other layer, by tensor parallelism</source>
        <translation>混合专家模型的专家分布到的 GPU 数（宽专家并行）；自动：专家与其他层一样按张量并行拆分</translation>
    </message>
    <message>
        <source>Data-parallel</source>
        <translation>数据并行</translation>
    </message>
    <message>
        <source>Each GPU of a tensor-parallel group runs attention for its own sequences (SGLang&apos;s and vLLM&apos;s DP attention, for MLA models with expert parallelism)</source>
        <translation>张量并行组中的每块 GPU 为自己的序列计算注意力（SGLang 和 vLLM 的 DP 注意力，用于带专家并行的 MLA 模型）</translation>
    </message>
    <message>
        <source>engine&apos;s default</source>
        <translation>引擎默认值</translation>
    </message>
    <message>
        <source>Sequences a replica runs at once (vLLM --max-num-seqs, SGLang --max-running-requests, TensorRT-LLM --max_batch_size)</source>
        <translation>每个副本同时运行的序列数（vLLM --max-num-seqs、SGLang --max-running-requests、TensorRT-LLM --max_batch_size）</translation>
    </message>
    <message>
        <source> sequences</source>
        <translation> 条序列</translation>
    </message>
    <message>
        <source> GPUs</source>
        <translation> 块 GPU</translation>
    </message>
    <message>
        <source>Tensor-parallel size of the prefill pool; auto as above</source>
        <translation>预填充池的张量并行规模；自动规则同上</translation>
    </message>
    <message>
        <source>Expert-parallel size of the prefill pool; auto as above</source>
        <translation>预填充池的专家并行规模；自动规则同上</translation>
    </message>
    <message>
        <source>Data-parallel attention on the prefill pool</source>
        <translation>预填充池上的数据并行注意力</translation>
    </message>
    <message>
        <source>Tensor parallel</source>
        <translation>张量并行</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>流水线级数</translation>
    </message>
    <message>
        <source>Expert parallel</source>
        <translation>专家并行</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Running limit</source>
        <translation>运行上限</translation>
    </message>
    <message>
        <source>Prefill pool</source>
        <translation>预填充池</translation>
    </message>
    <message>
        <source>Prefill TP</source>
        <translation>预填充 TP</translation>
    </message>
    <message>
        <source>Prefill EP</source>
        <translation>预填充 EP</translation>
    </message>
    <message>
        <source>Prefill attention</source>
        <translation>预填充注意力</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Decoder layers whose weights stay in host RAM and stream to the GPU each step (llama.cpp --n-gpu-layers, vLLM --cpu-offload-gb): a model that does not fit runs, at the host memory&apos;s bandwidth</source>
        <translation>权重留在主机内存、每步传到 GPU 的解码层数（llama.cpp --n-gpu-layers，vLLM --cpu-offload-gb）：放不下的模型也能运行，速度受主机内存带宽限制</translation>
    </message>
    <message>
        <source> layers in host RAM</source>
        <translation> 层在主机内存</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>A fleet of unlinked servers (each a replica behind a load balancer) is sized for the peak load plus this many spare servers (N+k)</source>
        <translation>未连接的服务器集群（每台是负载均衡后的一个副本）按峰值负载再加这么多台备用服务器来配置（N+k）</translation>
    </message>
    <message>
        <source> spare servers</source>
        <translation> 台备用服务器</translation>
    </message>
    <message>
        <source>Fleet spares</source>
        <translation>集群备用</translation>
    </message>
    <message>
        <source>Auto: the fewest that fit</source>
        <translation>自动：能放下的最少层数</translation>
    </message>
    <message>
        <source>Offload as many layers as it takes to fit: the fewest (at least the count above) with which the model and its KV cache fit the GPUs</source>
        <translation>按需卸载层数以放下模型：取最少的层数（不少于上面的数值），使模型及其 KV 缓存能放入 GPU</translation>
    </message>
    <message>
        <source>Disaggregated serving: this many of the scenario&apos;s GPUs (the first servers) compute the prompts and send their KV caches over the drawn links to the others, which only decode; none: every GPU does both</source>
        <translation>预填充/解码分离：场景中这么多 GPU（最前面的服务器）计算提示词，并通过所画链路把 KV 缓存发给其余只做解码的 GPU；无：每个 GPU 两者都做</translation>
    </message>
</context>
<context>
    <name>planner::MainWindow</name>
    <message>
        <source>Drag servers, cloud instances or parts from the palette onto the canvas.</source>
        <translation>从部件面板将服务器、云实例或部件拖到画布上。</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>部件</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>&lt;opened plan&gt;</source>
        <translation>&lt;打开的规划&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Plan</source>
        <translation>新建规划(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export Proposal (PDF)…</source>
        <translation>导出建议书 (PDF)(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Arrange Servers in a &amp;Grid</source>
        <translation>按网格排列服务器(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>方案(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add Scenario (copy of this one)…</source>
        <translation>添加方案（复制当前方案）(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename Scenario…</source>
        <translation>重命名方案(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move Scenario</source>
        <translation>移除方案(&amp;M)</translation>
    </message>
    <message>
        <source>Export &amp;Launch Command…</source>
        <translation>导出启动命令(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LLM Deployment Planner</source>
        <translation>关于 LLM Deployment Planner(&amp;A)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Select and move (S)</source>
        <translation>选择并移动 (S)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Draw a link from one part to another (L)</source>
        <translation>在两个部件之间绘制链路 (L)</translation>
    </message>
    <message>
        <source>The kind of link the connect tool draws</source>
        <translation>连接工具绘制的链路类型</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source> Scenario </source>
        <translation> 方案 </translation>
    </message>
    <message>
        <source>+ Scenario</source>
        <translation>+ 方案</translation>
    </message>
    <message>
        <source>%1[*] — LLM Deployment Planner</source>
        <translation>%1[*] — LLM Deployment Planner</translation>
    </message>
    <message>
        <source>Open Plan</source>
        <translation>打开规划</translation>
    </message>
    <message>
        <source>Plans (*.%1)</source>
        <translation>规划文件 (*.%1)</translation>
    </message>
    <message>
        <source>Cannot open plan</source>
        <translation>无法打开规划</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Save Plan As</source>
        <translation>规划另存为</translation>
    </message>
    <message>
        <source>Cannot save plan</source>
        <translation>无法保存规划</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The plan has unsaved changes. Save them?</source>
        <translation>规划有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>Recover plan</source>
        <translation>恢复规划</translation>
    </message>
    <message>
        <source>The planner did not close normally. Recover the plan autosaved at %1?</source>
        <translation>规划器上次未正常关闭。是否恢复于 %1 自动保存的规划？</translation>
    </message>
    <message>
        <source>Add Scenario</source>
        <translation>添加方案</translation>
    </message>
    <message>
        <source>Name of the new scenario (a copy of this one):</source>
        <translation>新方案的名称（复制当前方案）：</translation>
    </message>
    <message>
        <source>Scenario %1</source>
        <translation>方案 %1</translation>
    </message>
    <message>
        <source>Rename Scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>A plan keeps at least one scenario.</source>
        <translation>规划中至少须保留一个方案。</translation>
    </message>
    <message>
        <source>Cannot export the proposal</source>
        <translation>无法导出建议书</translation>
    </message>
    <message>
        <source>Wrote the proposal to %1</source>
        <translation>建议书已写入 %1</translation>
    </message>
    <message>
        <source>Preferences saved; new plans and scenarios use the cost defaults.</source>
        <translation>首选项已保存；新建的规划和方案将使用这些默认成本假设。</translation>
    </message>
    <message>
        <source>&amp;How the Numbers Are Computed</source>
        <translation>数值计算方法(&amp;H)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The planner shows the new language when it starts again.</source>
        <translation>重新启动规划器后将显示新语言。</translation>
    </message>
    <message>
        <source>&amp;Go To</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Canvas</source>
        <translation>画布(&amp;C)</translation>
    </message>
    <message>
        <source>The planner did not close normally. Recover the changes to %1 autosaved at %2?</source>
        <translation>规划器上次未正常关闭。是否恢复 %2 自动保存的对 %1 的修改？</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>部件库</translation>
    </message>
    <message>
        <source>Your catalogue could not be changed: %1</source>
        <translation>无法修改您的部件库：%1</translation>
    </message>
    <message>
        <source>&amp;Import Model…</source>
        <translation>导入模型(&amp;I)…</translation>
    </message>
    <message>
        <source>the built-in model %1 (it shows again if you remove yours)</source>
        <translation>内置模型 %1（删除您的模型后会重新显示）</translation>
    </message>
    <message>
        <source>your model %1</source>
        <translation>您的模型 %1</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>The model could not be stored in your catalogue: %1</source>
        <translation>无法把模型存入您的部件库：%1</translation>
    </message>
    <message>
        <source>Imported %1 into your catalogue as &apos;%2&apos;.</source>
        <translation>已将 %1 导入您的部件库，id 为“%2”。</translation>
    </message>
    <message>
        <source>It was kept as %1.</source>
        <translation>已保留为 %1。</translation>
    </message>
    <message>
        <source>It could not be moved aside and stays at %1.</source>
        <translation>无法移走，仍位于 %1。</translation>
    </message>
    <message>
        <source>The planner did not close normally, but the plan it autosaved cannot be read (%1), so nothing was recovered. %2</source>
        <translation>规划器上次未正常关闭，但其自动保存的方案无法读取（%1），因此未恢复任何内容。%2</translation>
    </message>
    <message>
        <source>Copied 1 server</source>
        <translation>已复制 1 台服务器</translation>
    </message>
    <message>
        <source>Copied %1 servers</source>
        <translation>已复制 %1 台服务器</translation>
    </message>
    <message>
        <source>Added to the canvas; Ctrl+Z takes it back.</source>
        <translation>已加入画布；按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Drag from one part or server to another to draw a %1 link.</source>
        <translation>从一个部件或服务器拖到另一个，即可画出 %1 链路。</translation>
    </message>
    <message>
        <source>Proposal exported</source>
        <translation>建议书已导出</translation>
    </message>
    <message>
        <source>The proposal is written to
%1</source>
        <translation>建议书已写入
%1</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Find a Build…</source>
        <translation>寻找配置(&amp;F)…</translation>
    </message>
    <message>
        <source>Versions side by side</source>
        <translation>版本并排对比</translation>
    </message>
    <message>
        <source>Export cancelled: %1 was not written</source>
        <translation>导出已取消：未写入 %1</translation>
    </message>
</context>
<context>
    <name>planner::ModelVersionTableModel</name>
    <message>
        <source>MHA</source>
        <translation>MHA</translation>
    </message>
    <message>
        <source>GQA</source>
        <translation>GQA</translation>
    </message>
    <message>
        <source>MQA</source>
        <translation>MQA</translation>
    </message>
    <message>
        <source>MLA</source>
        <translation>MLA</translation>
    </message>
    <message>
        <source>%1 B (%2)</source>
        <translation>%1 B (%2)</translation>
    </message>
    <message>
        <source> + MoE</source>
        <translation> + MoE</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Total parameters</source>
        <translation>总参数量</translation>
    </message>
    <message>
        <source>Active per token</source>
        <translation>每 token 激活参数</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层数</translation>
    </message>
    <message>
        <source>Max context (tokens)</source>
        <translation>最大上下文 (token)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>planner::PartListModel</name>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 TB</translation>
    </message>
    <message>
        <source>%1 GB/s</source>
        <translation>%1 GB/s</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Price as of %1</source>
        <translation>价格日期：%1</translation>
    </message>
    <message>
        <source>%1 TFLOPS BF16</source>
        <translation>%1 TFLOPS BF16</translation>
    </message>
    <message>
        <source>%1 TFLOPS FP32</source>
        <translation>%1 TFLOPS FP32</translation>
    </message>
    <message>
        <source>%1 cores / %2 threads</source>
        <translation>%1 核 / %2 线程</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 核</translation>
    </message>
    <message>
        <source>%1 ch %2</source>
        <translation>%1 通道 %2</translation>
    </message>
    <message>
        <source>%1 lanes PCIe %2.0</source>
        <translation>%1 条 PCIe %2.0 通道</translation>
    </message>
    <message>
        <source>%1 PCIe lanes</source>
        <translation>%1 条 PCIe 通道</translation>
    </message>
    <message>
        <source>%1 MT/s</source>
        <translation>%1 MT/s</translation>
    </message>
    <message>
        <source>%1 GB/s read</source>
        <translation>读取 %1 GB/s</translation>
    </message>
    <message>
        <source>%1 GB/s per direction</source>
        <translation>单向 %1 GB/s</translation>
    </message>
    <message>
        <source>%1 µs latency</source>
        <translation>时延 %1 µs</translation>
    </message>
    <message>
        <source>%1x %2</source>
        <translation>%1x %2</translation>
    </message>
    <message>
        <source>%1 on demand</source>
        <translation>按需 %1</translation>
    </message>
    <message>
        <source>%1 reserved 1 yr</source>
        <translation>1 年预留 %1</translation>
    </message>
    <message>
        <source>%1 spot</source>
        <translation>竞价 %1</translation>
    </message>
    <message>
        <source>no price recorded</source>
        <translation>未记录价格</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1/h</source>
        <translation>%1/小时</translation>
    </message>
</context>
<context>
    <name>planner::PartsPalette</name>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云</translation>
    </message>
    <message>
        <source>Search parts</source>
        <translation>搜索部件</translation>
    </message>
    <message>
        <source>Filter every tab by name, id or figures; separate words to match them all</source>
        <translation>按名称、ID 或参数筛选所有标签页；输入多个词（以空格分隔）时须全部匹配</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 parts match the search</source>
        <translation>%2 个部件中有 %1 个符合搜索条件</translation>
    </message>
    <message>
        <source>%1 parts; drag one onto the canvas</source>
        <translation>%1 个部件；可拖到画布上</translation>
    </message>
</context>
<context>
    <name>planner::PlanDocument</name>
    <message>
        <source>Untitled plan</source>
        <translation>未命名规划</translation>
    </message>
    <message>
        <source>On-prem</source>
        <translation>本地部署</translation>
    </message>
</context>
<context>
    <name>planner::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Your name, as proposals should show it</source>
        <translation>您的姓名，将显示在建议书中</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>作者(&amp;A)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How often a plan with unsaved changes is saved aside for recovery after a crash</source>
        <translation>有未保存更改的规划每隔多久另存一份，以便崩溃后恢复</translation>
    </message>
    <message>
        <source>Auto&amp;save every</source>
        <translation>自动保存间隔(&amp;S)</translation>
    </message>
    <message>
        <source>Cost assumptions of new plans and scenarios</source>
        <translation>新建规划和方案的成本假设</translation>
    </message>
    <message>
        <source>Takes effect when the planner starts again</source>
        <translation>重新启动规划器后生效</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>GB (10⁹ bytes, as datasheets)</source>
        <translation>GB（10⁹ 字节，与规格书一致）</translation>
    </message>
    <message>
        <source>GiB (2³⁰ bytes, as nvidia-smi)</source>
        <translation>GiB（2³⁰ 字节，与 nvidia-smi 一致）</translation>
    </message>
    <message>
        <source>&amp;Memory sizes in</source>
        <translation>显存单位(&amp;M)</translation>
    </message>
    <message>
        <source>The currency prices and costs are shown in (an ISO 4217 code); the catalogue keeps its prices in USD</source>
        <translation>价格和成本显示所用的货币（ISO 4217 代码）；目录中的价格仍以 USD 保存</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>货币(&amp;C)</translation>
    </message>
    <message>
        <source>1 USD = </source>
        <translation>1 USD = </translation>
    </message>
    <message>
        <source>The exchange rate you budget with; the planner ships none</source>
        <translation>您做预算时使用的汇率；规划器不内置任何汇率</translation>
    </message>
    <message>
        <source>The day the rate is from; the proposal states it</source>
        <translation>汇率的日期；方案书中会注明</translation>
    </message>
    <message>
        <source>as of</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>E&amp;xchange rate</source>
        <translation>汇率(&amp;X)</translation>
    </message>
    <message>
        <source>Type a three-letter currency code (ISO 4217), such as CNY or EUR.</source>
        <translation>请输入三个字母的货币代码（ISO 4217），例如 CNY 或 EUR。</translation>
    </message>
    <message>
        <source>1 USD = ?</source>
        <translation>1 USD = ?</translation>
    </message>
    <message>
        <source>Enter the exchange rate: how many %1 one USD buys.</source>
        <translation>请输入汇率：1 USD 可兑换多少 %1。</translation>
    </message>
</context>
<context>
    <name>planner::SummaryPanel</name>
    <message>
        <source>Scenario</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Model version</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Fits</source>
        <translation>显存够用</translation>
    </message>
    <message>
        <source>Memory per GPU</source>
        <translation>单卡显存</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>TPOT</source>
        <translation>TPOT</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Pick model versions in the workload panel</source>
        <translation>请在工作负载面板中选择模型版本</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 / month</source>
        <translation>%1/月</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1. Speeds are the performance model&apos;s nominal estimate at the load&apos;s concurrency; the verdict is the analytical model&apos;s (no queueing). ≥ marks a cost whose capital misses unpriced parts; a cost is unknown when a GPU or instance has no price. Evaluated in %2 ms.</source>
        <translation>%1。速度为性能模型在负载并发下的标称估算；结论来自解析模型（不含排队）。≥ 表示资本支出缺少未定价部件的成本；GPU 或实例没有价格时成本为未知。评估耗时 %2 毫秒。</translation>
    </message>
    <message>
        <source>GPU share of unified memory %1 %</source>
        <translation>GPU 可用统一内存 %1 %</translation>
    </message>
    <message>
        <source>decode %1-bound · %2 · %3 sequences</source>
        <translation>解码受%1限制 · %2 · %3 个序列</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>训练 %1</translation>
    </message>
    <message>
        <source>run cost unknown</source>
        <translation>训练费用未知</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>token/s</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>%1 / M tokens</source>
        <translation>%1 / 百万 token</translation>
    </message>
    <message>
        <source>Output tokens a second served; for a training run, tokens a second trained</source>
        <translation>每秒输出的 token；训练方案为每秒训练的 token</translation>
    </message>
    <message>
        <source>Whether the build serves the workload&apos;s load within its SLOs; for a training run, whether it finishes by the deadline</source>
        <translation>该配置能否在 SLO 内承担工作负载；训练方案为能否按期完成</translation>
    </message>
    <message>
        <source>Per million output tokens served; for a training run, per million tokens trained</source>
        <translation>每百万输出 token；训练方案为每百万训练 token</translation>
    </message>
</context>
<context>
    <name>planner::TopologyScene</name>
    <message>
        <source>Not added: %1</source>
        <translation>未添加：%1</translation>
    </message>
    <message>
        <source>Not linked: %1</source>
        <translation>未连接：%1</translation>
    </message>
</context>
<context>
    <name>planner::TrainingFields</name>
    <message>
        <source>Full: every weight is trained, with its gradient and optimizer states. LoRA and QLoRA train small adapters beside frozen weights (QLoRA keeps them in 4-bit NF4)</source>
        <translation>全量：训练每个权重，并保存其梯度和优化器状态。LoRA 和 QLoRA 在冻结的权重旁训练小型适配器（QLoRA 以 4 位 NF4 保存冻结权重）</translation>
    </message>
    <message>
        <source>Rank of each LoRA adapter (r)</source>
        <translation>每个 LoRA 适配器的秩 (r)</translation>
    </message>
    <message>
        <source>Every linear layer</source>
        <translation>所有线性层</translation>
    </message>
    <message>
        <source>Attention projections</source>
        <translation>注意力投影层</translation>
    </message>
    <message>
        <source>The layers that get adapters (PEFT target_modules)</source>
        <translation>加适配器的层（PEFT target_modules）</translation>
    </message>
    <message>
        <source>The optimizer&apos;s states per trained parameter: AdamW two FP32 moments and an FP32 master copy, 8-bit Adam two 8-bit moments, Lion and SGD one moment</source>
        <translation>每个被训练参数的优化器状态：AdamW 为两个 FP32 矩和一份 FP32 主权重，8 位 Adam 为两个 8 位矩，Lion 和 SGD 为一个矩</translation>
    </message>
    <message>
        <source>None (replicated)</source>
        <translation>不分片（每卡一份）</translation>
    </message>
    <message>
        <source>ZeRO-1 / distributed optimizer</source>
        <translation>ZeRO-1 / 分布式优化器</translation>
    </message>
    <message>
        <source>ZeRO-2 (and gradients)</source>
        <translation>ZeRO-2（再分片梯度）</translation>
    </message>
    <message>
        <source>ZeRO-3 (and weights)</source>
        <translation>ZeRO-3（再分片权重）</translation>
    </message>
    <message>
        <source>FSDP (full sharding)</source>
        <translation>FSDP（完全分片）</translation>
    </message>
    <message>
        <source>What the data-parallel ranks split between them instead of each holding a copy</source>
        <translation>数据并行副本之间分摊而非各持一份的内容</translation>
    </message>
    <message>
        <source>BF16</source>
        <translation>BF16</translation>
    </message>
    <message>
        <source>FP8 matmuls (Transformer Engine)</source>
        <translation>FP8 矩阵乘（Transformer Engine）</translation>
    </message>
    <message>
        <source>The precision of the matrix multiplications; FP8 keeps BF16 weights and FP32 master weights, and runs at the BF16 rate on a GPU without an FP8 one</source>
        <translation>矩阵乘的精度；FP8 仍保留 BF16 权重和 FP32 主权重，在没有 FP8 算力的 GPU 上按 BF16 算力计</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Selective (attention)</source>
        <translation>选择性（注意力）</translation>
    </message>
    <message>
        <source>Full (every layer)</source>
        <translation>完全（每一层）</translation>
    </message>
    <message>
        <source>Activations recomputed in the backward pass instead of kept: selective recomputes the attention core (Korthikanti et al. 2022), full keeps only each layer&apos;s input</source>
        <translation>在反向传播中重算而非保存的激活值：选择性重算注意力核心（Korthikanti 等，2022），完全重算只保存每层的输入</translation>
    </message>
    <message>
        <source>GPUs each layer is split over (with sequence parallelism)</source>
        <translation>每层切分到的 GPU 数（含序列并行）</translation>
    </message>
    <message>
        <source>Stages the layers are split into</source>
        <translation>层被切分成的流水线级数</translation>
    </message>
    <message>
        <source>Interleaved pipeline: model chunks per pipeline rank; the bubble shrinks by this factor</source>
        <translation>交错流水线：每个流水线 rank 上的模型块数；气泡按此倍数缩小</translation>
    </message>
    <message>
        <source>1F1B</source>
        <translation>1F1B</translation>
    </message>
    <message>
        <source>DualPipe (DeepSeek-V3)</source>
        <translation>DualPipe（DeepSeek-V3）</translation>
    </message>
    <message>
        <source>The pipeline schedule; DualPipe overlaps the expert all-to-all with computation and keeps two copies of the weights of each stage</source>
        <translation>流水线调度；DualPipe 让专家 all-to-all 与计算重叠，每级保存两份权重</translation>
    </message>
    <message>
        <source>GPUs a mixture-of-experts model&apos;s experts are spread over</source>
        <translation>混合专家模型的专家分布到的 GPU 数</translation>
    </message>
    <message>
        <source>GPUs each sequence is split over (ring attention), for long sequences</source>
        <translation>每条序列切分到的 GPU 数（环形注意力），用于长序列</translation>
    </message>
    <message>
        <source>Tokens in each training sequence</source>
        <translation>每条训练序列的 token 数</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> token</translation>
    </message>
    <message>
        <source>Sequences each GPU computes per pass</source>
        <translation>每块 GPU 每次计算的序列数</translation>
    </message>
    <message>
        <source> sequences</source>
        <translation> 条序列</translation>
    </message>
    <message>
        <source>Sequences per optimizer step, over every data-parallel rank; it sets the pipeline&apos;s micro-batches (gradient accumulation)</source>
        <translation>每个优化器步、所有数据并行副本合计的序列数；它决定流水线的微批数（梯度累积）</translation>
    </message>
    <message>
        <source>one micro-batch per rank</source>
        <translation>每个数据并行副本一个微批</translation>
    </message>
    <message>
        <source> billion tokens</source>
        <translation> 十亿 token</translation>
    </message>
    <message>
        <source>Tokens the run trains on (the dataset times the epochs)</source>
        <translation>训练的 token 总数（数据集大小乘以轮数）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Finish within this many days; the verdict then says how many servers like the drawn ones make it</source>
        <translation>在这么多天内完成；结论会给出需要多少台与所画相同的服务器</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA 秩</translation>
    </message>
    <message>
        <source>LoRA on</source>
        <translation>LoRA 作用于</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Sharding</source>
        <translation>分片</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重计算</translation>
    </message>
    <message>
        <source>Tensor parallel</source>
        <translation>张量并行</translation>
    </message>
    <message>
        <source>Pipeline stages</source>
        <translation>流水线级数</translation>
    </message>
    <message>
        <source>Virtual stages</source>
        <translation>虚拟级数</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Expert parallel</source>
        <translation>专家并行</translation>
    </message>
    <message>
        <source>Context parallel</source>
        <translation>上下文并行</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>微批</translation>
    </message>
    <message>
        <source>Global batch</source>
        <translation>全局批</translation>
    </message>
    <message>
        <source>Train on</source>
        <translation>训练量</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
</context>
<context>
    <name>planner::WorkloadPanel</name>
    <message>
        <source>Checkpoint&apos;s own</source>
        <translation>检查点原格式</translation>
    </message>
    <message>
        <source>Concurrent requests</source>
        <translation>并发请求数</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>请求速率</translation>
    </message>
    <message>
        <source> sequences</source>
        <translation> 条序列</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> 请求/秒</translation>
    </message>
    <message>
        <source>Model family</source>
        <translation>模型系列</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KV 缓存</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>推理引擎</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <source>TTFT target</source>
        <translation>TTFT 目标</translation>
    </message>
    <message>
        <source>TPOT target</source>
        <translation>TPOT 目标</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>MTP module (1 draft token)</source>
        <translation>MTP 模块（1 个草稿 token）</translation>
    </message>
    <message>
        <source>EAGLE-3 head (3 draft tokens)</source>
        <translation>EAGLE-3 头（3 个草稿 token）</translation>
    </message>
    <message>
        <source>N-gram lookup (3 draft tokens)</source>
        <translation>N-gram 查找（3 个草稿 token）</translation>
    </message>
    <message>
        <source>A draft that proposes tokens one pass of the model verifies; each kind starts at its published acceptance (MTP: DeepSeek-V3&apos;s report; EAGLE-3: vLLM on Llama-3.1-8B, MT-Bench; n-gram: SpecDecode-Bench on ShareGPT)</source>
        <translation>由草稿提出 token、模型一次前向验证；每种草稿的初始接受长度取自公开数据（MTP：DeepSeek-V3 技术报告；EAGLE-3：vLLM 在 Llama-3.1-8B、MT-Bench 上的测量；n-gram：SpecDecode-Bench 在 ShareGPT 上的数据）</translation>
    </message>
    <message>
        <source> tokens a step</source>
        <translation> token/步</translation>
    </message>
    <message>
        <source>Tokens a decode step emits on average with the draft: the accepted draft tokens and the model&apos;s own; measure yours and enter it</source>
        <translation>使用草稿时每个解码步平均产出的 token 数：被接受的草稿 token 加上模型自身的 token；请填入您实测的数值</translation>
    </message>
    <message>
        <source> % of each prompt</source>
        <translation> % 的提示词</translation>
    </message>
    <message>
        <source>Share of each prompt found in the engine&apos;s prefix cache (a shared system prompt, earlier turns of a chat), not computed again; DeepSeek reports 56 % for its API</source>
        <translation>每个提示词中命中引擎前缀缓存的比例（共享的系统提示词、对话中的前几轮），这部分不再重新计算；DeepSeek 报告其 API 为 56 %</translation>
    </message>
    <message>
        <source>Speculative</source>
        <translation>投机解码</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接受长度</translation>
    </message>
    <message>
        <source>Prefix cache</source>
        <translation>前缀缓存</translation>
    </message>
    <message>
        <source>Serve (inference)</source>
        <translation>推理服务</translation>
    </message>
    <message>
        <source>Train or fine-tune</source>
        <translation>训练或微调</translation>
    </message>
    <message>
        <source>What this scenario&apos;s hardware does with the model versions: serve a load, or run a training or fine-tuning job</source>
        <translation>该方案的硬件用这些模型版本做什么：承担推理负载，或运行训练/微调任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>The most sequences the build&apos;s memory holds at one request&apos;s tokens, and the longest sequence at the load&apos;s concurrency, per model version</source>
        <translation>按模型版本列出：显存按单个请求的 token 数能容纳的最多序列数，以及在负载并发下最长的序列</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source> the average</source>
        <translation> 平均负载</translation>
    </message>
    <message>
        <source>The load at its busiest over its average: a fleet of unlinked servers is sized for the peak (with its spare servers)</source>
        <translation>最忙时负载与平均负载之比：未连接的服务器集群按峰值（加备用服务器）配置</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
</context>
</TS>
