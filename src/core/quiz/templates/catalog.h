// The templates, one per file (<name>.cpp), gathered by templates().
#pragma once

#include "core/quiz/templates/template.h"

namespace portlab::quiz::gen {

const Template& classify_port_template();      // R1.2
const Template& service_at_port_template();    // R1.4
const Template& service_transport_template();  // R6.1, R6.2
const Template& service_port_template();       // R6.1
const Template& address_space_template();      // R5.6
const Template& ephemeral_range_template();    // R2.1
const Template& is_ephemeral_template();       // R2.1, R1.3
const Template& linux_bind_template();         // R4.1, R4.2
const Template& macos_bind_template();         // R4.3
const Template& freebsd_bind_template();       // R4.5
const Template& connect_parity_template();     // R3.1, R3.2
const Template& connection_limit_template();   // R3.7
const Template& exhaustion_error_template();   // R3.1-R3.3
const Template& time_wait_template();          // R3.6
const Template& nat_source_template();         // R5.1
const Template& nat_collision_template();      // R5.1
const Template& nat_inbound_template();        // R5.4, R5.2
const Template& nat_forward_template();        // R5.2
const Template& nat_hairpin_template();        // R5.5

}  // namespace portlab::quiz::gen
