// The options `bind` and `ephemeral` share to describe a simulated host:
// --os, --sysctl name=value, --host-addr, --existing ADDR:PORT/PROTO[:flags]
// (also used by `sockets`).
// Every bad value is a UsageError naming it.
#pragma once

#include <string>
#include <vector>

#include "cli/args.h"
#include "core/host/host.h"
#include "core/host/processes.h"
#include "core/json.h"

namespace portlab::cli {

// The option specs, for Args.
std::vector<OptionSpec> host_option_specs();

// The --os profile ("windows_modern" is accepted for "windows").
const ports::OsProfile& os_option(const Args& args);

// Applies --host-addr and then every --sysctl in the order given. A write
// the real system refuses (Linux EINVAL, R2.3) is a UsageError too: the
// scenario cannot exist, and the message says what the kernel answered.
void apply_host_options(const Args& args, host::Host& host);

// Applies --range LO-HI (the ephemeral range, written as the kernel would
// be asked to set it), if given; a range the system refuses is a UsageError.
void apply_range_option(const Args& args, host::Host& host);

// Creates every --existing socket for uid `default_uid`, each held by its
// program in `processes` when given. A socket that could not exist beside
// the earlier ones is a UsageError.
void add_existing_sockets(const Args& args, host::Host& host, uint32_t default_uid,
                          host::Processes* processes = nullptr);

// The host's settings as a JSON object {name: value}.
json::Value settings_json(const host::Host& host);

}  // namespace portlab::cli
