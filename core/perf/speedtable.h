#pragma once
// The calibrated speed terms of each serving engine and GPU family.
//
// An estimate's achievable fractions of peak (Efficiency) are the product of
// an engine's terms and its GPU family's: an engine's kernels and scheduler
// reach the same share of any chip of a generation, and a generation's
// kernels (Hopper's FP8 GEMMs, CDNA 3's) the same share under any engine. The
// engine also sets its host costs: a fixed time per forward step, a time per
// sequence in the step (scheduling, sampling, detokenising), a time per layer
// for an engine that launches every kernel from Python (Transformers'
// generate()), and a time per request before its prefill starts (the API
// server, tokenising, admission).
//
// The figures are fitted by `planner-accuracy --fit` to four fifths of the
// published measurements in tests/fixtures/measurements/serving (every fifth
// row of each file is held out); see speedtable.cpp for the fit's date, set
// and error. A user's own measurements refit compute, memory and network with
// `calibrate`.

#include "core/hardware/gpuspec.h"
#include "core/memory/engineprofile.h"

#include <string>
#include <vector>

namespace planner {

struct Efficiency;

struct EngineSpeedTerms {
    std::string engine;         // EngineProfile::id
    double compute = 0.6;       // share of dense peak large GEMMs reach (times the family's)
    double memory = 0.8;        // share of memory bandwidth (times the family's)
    double hbmShare = 1;        // times `compute` and `memory` on HBM parts (llama.cpp is tuned for GDDR cards)
    double expertMemory = 1;    // times `memory` for routed experts' weights
    double gemmHalfTokens = 0;  // rows at which a GEMM reaches half its share
    double attention = 0.5;     // share of the 16-bit peak attention kernels reach (times the family's compute)
    double stepSeconds = 0;     // per forward step
    double sequenceSeconds = 0; // per sequence in a step
    double layerSeconds = 0;    // per layer and step (eager launch from Python)
    double requestSeconds = 0;  // per request, before its prefill
    // The ratio measured / predicted below which a tenth of the fitted cases
    // fall, and above which a tenth: the range an estimate shows.
    double fasterBound = 0.8;
    double slowerBound = 1.25;
};

struct FamilySpeedTerms {
    GpuFamily family = GpuFamily::Other;
    double compute = 1; // relative to NVIDIA Hopper's kernels
    double memory = 1;
};

struct SpeedTable {
    std::vector<EngineSpeedTerms> engines;
    std::vector<FamilySpeedTerms> families;
    double fp8Share = 1;   // share of `compute` an FP8 or INT8 GEMM keeps of its own peak
    double fp4Share = 1;   // the same for FP4 (NVFP4, MXFP4)
    double network = 0.75; // share of link bandwidth collectives reach
    std::string source;

    const EngineSpeedTerms &engine(const std::string &id) const;
    const FamilySpeedTerms &family(GpuFamily family) const;
};

const SpeedTable &shippedSpeedTable();
// What is assumed before any measurement: every engine at the typical shares
// (compute 0.6, memory 0.75, attention 0.5, no host time), every family as
// Hopper, FP8 0.85 and FP4 0.7 of the BF16 share, links 0.75. The fit starts
// here, so refitting gives the same table whatever is shipped.
SpeedTable priorSpeedTable();

// The nominal efficiency of an engine on a GPU under a table, and the range
// around it from the engine's spread.
Efficiency tableEfficiency(const SpeedTable &table, const EngineProfile &engine, const GpuSpec &gpu);
Efficiency scaledForTime(const Efficiency &nominal, double timeFactor);

} // namespace planner
