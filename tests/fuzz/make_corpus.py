#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets: tests/fuzz/corpus/<target>/.

Small real-format samples, each under 4 KB apart from the copied sample plans:
plan files and Hugging Face config.json files copied from the repository, and
safetensors files, GGUF files, catalogue CSV and simulator traces written here.
Run it from anywhere; it rewrites the corpus folders it owns.
"""
import json
import pathlib
import shutil
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fuzz" / "corpus"


def folder(name):
    path = CORPUS / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


# --- plans and config.json: real files ---------------------------------------------------------
plans = folder("plan")
for name in ["r1-distill-qwen-32b-2x-rtx4090.llmplan", "deepseek-r1-8x-h200.llmplan"]:
    shutil.copy(ROOT / "resources" / "plans" / name, plans / name)

hf = folder("hfconfig")
for config in sorted((ROOT / "tests" / "fixtures" / "hf").glob("*/*.json")):
    shutil.copy(config, hf / f"{config.parent.name}-{config.name}")
# MiniMax-M1's config states no dtype; a copy that does reaches the importer's
# lightning-attention path instead of stopping at the missing key.
minimax = json.loads((ROOT / "tests" / "fixtures" / "hf" / "MiniMax-M1" / "config.json").read_text())
minimax["torch_dtype"] = "bfloat16"
(hf / "MiniMax-M1-bf16-config.json").write_text(json.dumps(minimax, indent=2) + "\n")

# --- safetensors -------------------------------------------------------------------------------
DTYPE_BYTES = {"F32": 4, "BF16": 2, "F16": 2, "F8_E4M3": 1, "U8": 1, "I64": 8}


def safetensors(tensors, metadata=None):
    header, offset = {}, 0
    if metadata:
        header["__metadata__"] = metadata
    for name, dtype, shape in tensors:
        count = 1
        for d in shape:
            count *= d
        size = count * DTYPE_BYTES[dtype]
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the format pads the header to 8 bytes with spaces
    return struct.pack("<Q", len(text)) + text + bytes(offset)


st = folder("safetensors")
(st / "one-f32.safetensors").write_bytes(safetensors([("a", "F32", [4])]))
(st / "scalar-and-empty.safetensors").write_bytes(safetensors([("s", "F32", []), ("e", "F16", [0, 3])]))
(st / "tiny-llama-bf16.safetensors").write_bytes(safetensors(
    [("model.embed_tokens.weight", "BF16", [16, 8]),
     ("model.layers.0.input_layernorm.weight", "BF16", [8]),
     ("model.layers.0.self_attn.q_proj.weight", "BF16", [8, 8]),
     ("model.layers.0.self_attn.k_proj.weight", "BF16", [4, 8]),
     ("model.layers.0.self_attn.v_proj.weight", "BF16", [4, 8]),
     ("model.layers.0.self_attn.o_proj.weight", "BF16", [8, 8]),
     ("model.layers.0.mlp.gate_proj.weight", "BF16", [16, 8]),
     ("model.layers.0.mlp.up_proj.weight", "BF16", [16, 8]),
     ("model.layers.0.mlp.down_proj.weight", "BF16", [8, 16]),
     ("model.norm.weight", "BF16", [8]),
     ("lm_head.weight", "BF16", [16, 8])],
    {"format": "pt"}))
(st / "fp8-block-scales.safetensors").write_bytes(safetensors(
    [("w.weight", "F8_E4M3", [16, 16]),
     ("w.weight_scale_inv", "F32", [1, 1])]))
(st / "mxfp4-packed.safetensors").write_bytes(safetensors(
    [("mlp.experts.gate_up_proj_blocks", "U8", [2, 4, 1, 16]),
     ("mlp.experts.gate_up_proj_scales", "U8", [2, 4, 1])]))

# --- GGUF --------------------------------------------------------------------------------------
U32, I32, F32V, STRING, ARRAY = 4, 5, 6, 8, 9
F32, F16 = 0, 1


def gstr(text):
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def kv_u32(key, value):
    return gstr(key) + struct.pack("<II", U32, value)


def kv_f32(key, value):
    return gstr(key) + struct.pack("<If", F32V, value)


def kv_str(key, value):
    return gstr(key) + struct.pack("<I", STRING) + gstr(value)


def kv_tokens(count):
    out = gstr("tokenizer.ggml.tokens") + struct.pack("<IIQ", ARRAY, STRING, count)
    return out + b"".join(gstr(f"t{i}") for i in range(count))


def gguf(kvs, tensors, alignment=32):
    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(kvs)) + b"".join(kvs)
    offset = 0
    for name, dims, ggml_type in tensors:
        out += gstr(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
        out += struct.pack("<IQ", ggml_type, offset)
        count = 1
        for d in dims:
            count *= d
        size = count * (4 if ggml_type == F32 else 2)
        offset += size + (-size % alignment)
    out += bytes(-len(out) % alignment)
    return out + bytes(offset)


def tiny_llama(arch="llama", vocab=16, hidden=8, ff=16, heads=2, kv_heads=1):
    head_dim = hidden // heads
    kvs = [kv_str("general.architecture", arch), kv_str("general.name", "Tiny"),
           kv_u32("general.file_type", 1), kv_u32(f"{arch}.block_count", 1),
           kv_u32(f"{arch}.context_length", 256), kv_u32(f"{arch}.embedding_length", hidden),
           kv_u32(f"{arch}.feed_forward_length", ff), kv_u32(f"{arch}.attention.head_count", heads),
           kv_u32(f"{arch}.attention.head_count_kv", kv_heads),
           kv_f32(f"{arch}.attention.layer_norm_rms_epsilon", 1e-5), kv_tokens(vocab)]
    tensors = [("token_embd.weight", [hidden, vocab], F16),
               ("blk.0.attn_norm.weight", [hidden], F32),
               ("blk.0.attn_q.weight", [hidden, heads * head_dim], F16),
               ("blk.0.attn_k.weight", [hidden, kv_heads * head_dim], F16),
               ("blk.0.attn_v.weight", [hidden, kv_heads * head_dim], F16),
               ("blk.0.attn_output.weight", [heads * head_dim, hidden], F16),
               ("blk.0.ffn_norm.weight", [hidden], F32),
               ("blk.0.ffn_gate.weight", [hidden, ff], F16),
               ("blk.0.ffn_up.weight", [hidden, ff], F16),
               ("blk.0.ffn_down.weight", [ff, hidden], F16),
               ("output_norm.weight", [hidden], F32),
               ("output.weight", [hidden, vocab], F16)]
    return gguf(kvs, tensors)


gg = folder("gguf")
(gg / "tiny-llama.gguf").write_bytes(tiny_llama())
(gg / "tiny-qwen2.gguf").write_bytes(tiny_llama(arch="qwen2"))
(gg / "metadata-only.gguf").write_bytes(gguf([kv_str("general.architecture", "llama")], []))
(gg / "one-tensor.gguf").write_bytes(gguf([kv_u32("general.alignment", 64)], [("t", [4, 2], F32)], 64))

# --- catalogue CSV: the header and three rows of each shipped table ----------------------------
TABLES = ["gpu", "cpu", "memory", "storage", "link", "switch", "server", "instance", "model"]  # Catalogue::tables()
FILES = {"gpu": "gpus", "cpu": "cpus", "memory": "memory", "storage": "storage", "link": "links",
         "switch": "switches", "server": "servers", "instance": "instances"}
csv, imports = folder("csv"), folder("catalogueimport")
for table, stem in FILES.items():
    lines = (ROOT / "resources" / "catalogue" / f"{stem}.csv").read_text(encoding="utf-8").splitlines(True)
    sample = "".join(lines[:4]).encode()
    (csv / f"{stem}.csv").write_bytes(sample)
    # fuzz_catalogueimport: the first byte picks the table from Catalogue::tables().
    (imports / f"{stem}.csv").write_bytes(bytes([TABLES.index(table)]) + sample)
(csv / "quoted.csv").write_bytes(b'id,name,source\nx,"a ""quoted"" name","multi\nline, with comma"\n')

# --- simulator traces --------------------------------------------------------------------------
tr = folder("trace")
(tr / "three-requests.csv").write_bytes(b"arrival_s,input_tokens,output_tokens\n0,512,128\n0.25,1024,256\n1.5,64,8\n")
(tr / "unsorted-blank-lines.csv").write_bytes(b"arrival_s,input_tokens,output_tokens\n\n2.0,10,10\n1e-3,1,1\n\n")
(tr / "crlf-spaces.csv").write_bytes(b"arrival_s, input_tokens, output_tokens\r\n 0.1 , 32 , 16 \r\n")
(tr / "header-only.csv").write_bytes(b"arrival_s,input_tokens,output_tokens\n")

# --- measurements for `calibrate`: the first rows of each calibration-set file, and a few shapes --
me = folder("measurements")
for path in sorted((ROOT / "tests" / "fixtures" / "measurements" / "serving").glob("*.csv")):
    lines = path.read_text(encoding="utf-8").splitlines(True)
    (me / path.name).write_bytes("".join(lines[:6]).encode())
(me / "minimal.csv").write_bytes(b"model,gpu,metric,value\nllama-3.1-8b,h100-sxm,tpot_s,0.007\n")
(me / "max-and-rate.csv").write_bytes(
    b"model,gpu,gpus,tp,ep,dp_attention,weights,engine,concurrency,input_len,output_len,rate,metric,value\n"
    b"deepseek-r1,h200,8,8,8,1,fp8-block,sglang,max,1000,1000,,output_tokens_per_s,5000\n"
    b"llama-3.1-8b,h100-sxm,1,1,,,bf16,vllm,,512,128,4,ttft_median_s,0.05\n")

# --- export oracle: the first byte picks the engine (launchExportEngines()), then up to four
# NUL-separated names: plan, scenario, model id, model display name ----------------------------
launch = folder("launch")
LAUNCH_SEEDS = {
    "plain-vllm": b"\x00My plan\x00Production\x00deepseek-r1\x00DeepSeek-R1",
    "plain-sglang": b"\x01My plan\x00Production\x00deepseek-r1\x00DeepSeek-R1",
    "plain-llamacpp": b"\x02My plan\x00Production\x00deepseek-r1\x00DeepSeek-R1",
    "newline-commands": b"\x00Plan\ntouch pwned-plan\n\x00Scen\ntouch pwned\n---\nkind: Pod\xe2\x80\xa8touch pwned-ls"
                        b"\x00$(touch${IFS}pwned)\x00R1\r\ntouch pwned-name",
    "quotes-and-variables": b"\x01it's \"quoted\"\x00$HOME;rm -rf /\x00`id`\x00a\\\\b'c\"d$e",
    "yaml-markers": b"\x02---\x00...\n--- !!python/object:os.system\x00key: value\x00- [a, b]: {c: d}",
}
for name, data in LAUNCH_SEEDS.items():
    (launch / name).write_bytes(data)
