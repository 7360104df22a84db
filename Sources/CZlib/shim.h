// The system zlib (apt: zlib1g-dev), for inflating .tar.gz/.tgz and .zip members in `sdc fetch --extract`.
#include <zlib.h>
