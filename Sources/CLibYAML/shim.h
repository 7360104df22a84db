#ifndef SDC_CLIBYAML_SHIM_H
#define SDC_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
