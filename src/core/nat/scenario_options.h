// The scenario's "options" object: adjustments to a behaviour preset
// (port range, random ports, hairpin, timers, table size, mapping and
// filtering behaviour, CGN blocks). Each family accepts only the options
// that mean something for it, and the rfc4787 profile refuses values that
// would break the RFC's MUSTs.
#pragma once

#include <optional>

#include "core/json_reader.h"
#include "core/nat/profile.h"

namespace portlab::nat {

// Throws json::ReadError naming the option at fault.
Profile apply_profile_options(const Profile& preset, const std::optional<json::Reader>& options);

}  // namespace portlab::nat
