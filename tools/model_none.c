/* model_none.c — no fitted model: what tools/train.c links against, so the analyzer it drives
 * answers by the rules alone while the real weights are being fitted. */
#include "analyze/analyze_int.h"

const analyze_model analyze_model_data = {0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
