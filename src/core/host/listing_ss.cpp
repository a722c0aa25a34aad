// iproute2's ss, as misc/ss.c lays out its output (iproute2 6.8 and later).
//
// ss buffers every field of every line, then sizes each column to its
// longest field (render_calc_width) and prints them (render). On a terminal
// it spreads the spare width evenly over the columns, breaking a line into
// several when it is wider than the terminal; on anything else it packs
// them. The Netid column appears only when more than one protocol is
// listed, State only when more than one state may be, Process only with -p
// (since iproute2 6.8; 6.1 to 6.7 print an empty Process column too).
// ss prints in batches past 4 MiB of buffered fields, sizing each batch
// anew; a lab host never gets near that.
#include <algorithm>
#include <climits>

#include "core/host/listing_rows.h"
#include "core/host/socket_listing.h"

namespace portlab::host {

namespace {

enum class Align { Left, Right };

// misc/ss.c columns[]: COL_NETID ... COL_PROC, then COL_EXT for what a few
// socket types print after the process (nothing here).
enum Col { kNetid, kState, kRecvQ, kSendQ, kAddr, kServ, kRaddr, kRserv, kProc, kExt, kCols };

struct Column {
  Align align;
  const char* header;
  const char* ldelim;  // printed before the field unless it starts the line
  bool disabled = false;
  int width = 0;
  int max_len = 0;
};

struct Row {
  const char* netid;
  const char* state;
  int send_q;
  net::Endpoint local, remote;
  std::string process;  // proc_ctx_print's " users:((...))", or ""
};

// sock_state_print's sstate_name[]; UNCONN is TCP_CLOSE: an unconnected UDP
// socket, or a bound-only TCP one.
constexpr StateNames kStates{"LISTEN", "ESTAB", "TIME-WAIT", "UNCONN"};

// The queues are printed "%-6d".
int queue_length(int n) { return std::max(6, decimal_digits(static_cast<uint32_t>(n))); }

int length(const Row& r, int col) {
  switch (col) {
    case kNetid: return static_cast<int>(std::strlen(r.netid));
    case kState: return static_cast<int>(std::strlen(r.state));
    case kRecvQ: return queue_length(0);
    case kSendQ: return queue_length(r.send_q);
    case kAddr: return ipv4_length(r.local.addr) + 1;
    case kServ: return port_length(r.local.port);
    case kRaddr: return ipv4_length(r.remote.addr) + 1;
    case kRserv: return port_length(r.remote.port);
    case kProc: return static_cast<int>(r.process.size());
  }
  return 0;
}

void emit(std::string& out, const Row& r, int col) {
  const size_t from = out.size();
  switch (col) {
    case kNetid: out += r.netid; break;
    case kState: out += r.state; break;
    case kRecvQ: append_uint(out, 0); pad_left_aligned(out, from, 6); break;
    case kSendQ:
      append_uint(out, static_cast<uint32_t>(r.send_q));
      pad_left_aligned(out, from, 6);
      break;
    case kAddr: append_ipv4(out, r.local.addr); out += ':'; break;
    case kServ: append_port(out, r.local.port); break;
    case kRaddr: append_ipv4(out, r.remote.addr); out += ':'; break;
    case kRserv: append_port(out, r.remote.port); break;
    case kProc: out += r.process; break;
  }
}

// render_calc_width(): `screen` 0 means no terminal (compact output).
void calc_width(Column* cols, int screen) {
  const bool compact = screen <= 0;
  const int sw = compact ? INT_MAX : screen;
  bool first = true;
  for (int i = 0; i < kCols; ++i) {
    Column& c = cols[i];
    if (c.disabled) continue;
    c.width = !first && c.max_len ? c.max_len + static_cast<int>(std::strlen(c.ldelim)) : c.max_len;
    c.width = std::min(c.width, sw);
    if (c.width) first = false;
  }
  if (compact) return;
  // Fill each screen line: columns that fit go on it, and the spare width is
  // shared out from the right, one extra to the rightmost first.
  int len = 0, linecols = 0, eol = -1;
  for (int i = 0; i < kCols; ++i) {
    if (!cols[i].width) continue;
    ++linecols;
    len += cols[i].width;
    bool last = true;
    for (int j = i + 1; j < kCols; ++j)
      if (cols[j].width) last = false;
    if (!last && len < sw) continue;
    if (len != sw) {
      if (len > sw) {  // this column starts the next line
        len -= cols[i].width;
        --i;
        --linecols;
      }
      if (linecols > 0) {
        const int pad = sw - len;
        const int spacing = pad / linecols;
        int rem = pad % linecols;
        for (int t = i; t > eol; --t) {
          if (!cols[t].width) continue;
          cols[t].width += spacing;
          if (rem) {
            ++cols[t].width;
            --rem;
          }
        }
      }
    }
    eol = i;
    len = 0;
    linecols = 0;
  }
}

// One line of render(): each field after its delimiter, padded to its
// column (right-aligned columns before the field, left-aligned after).
template <typename Length, typename Emit>
void render_line(std::string& out, const Column* cols, int last_visible, bool compact,
                 Length length_of, Emit emit_field) {
  bool started = false;
  for (int i = 0; i < kCols; ++i) {
    const Column& c = cols[i];
    if (c.disabled) continue;
    int printed = 0;
    if (started) {
      out += c.ldelim;
      printed += static_cast<int>(std::strlen(c.ldelim));
    }
    started = true;
    const int n = length_of(i);
    if (c.width && c.align == Align::Right) {
      const int s = c.width - n - printed;
      if (s > 0) {
        append_spaces(out, s);
        printed += s;
      }
    }
    emit_field(i);
    printed += n;
    if (c.width && c.align == Align::Left && !(compact && i == last_visible))
      append_spaces(out, c.width - printed);
  }
  out += '\n';
}

Row make_row(const ListedSocket& listed, const char* netid, const Processes& processes,
             bool with_process) {
  const Socket& s = *listed.socket;
  // tcp_diag: a listener's Recv-Q is its accept queue, Send-Q its backlog.
  Row r{netid, state_name(s, kStates), s.state == SocketState::Listening ? 128 : 0, s.local, s.remote, {}};
  if (with_process)
    if (const auto owner = owner_of(listed, processes)) {  // out(" users:(%s)")
      r.process = " users:((\"" + owner->program + "\",pid=";
      append_uint(r.process, owner->pid);
      r.process += ",fd=";
      append_uint(r.process, static_cast<uint32_t>(owner->fd));
      r.process += "))";
    }
  return r;
}

}  // namespace

std::string ss_text(ListingTool tool, const std::vector<ListedSocket>& tcp,
                    const std::vector<ListedSocket>& udp, const Processes& processes,
                    int columns) {
  Column cols[kCols] = {
      {Align::Left, "Netid", ""},            {Align::Left, "State", " "},
      {Align::Left, "Recv-Q", " "},          {Align::Left, "Send-Q", " "},
      {Align::Right, "Local Address:", " "}, {Align::Left, "Port", ""},
      {Align::Right, "Peer Address:", " "},  {Align::Left, "Port", ""},
      {Align::Left, "Process", ""},          {Align::Left, "", ""},
  };
  const bool listening = tool == ListingTool::SsTulpn;
  // -t or -u alone is one protocol: no Netid. -a asks for every state;
  // -l for LISTEN and CLOSE, still two, so State stays.
  cols[kNetid].disabled = !listening;
  cols[kProc].disabled = !listening;  // only -tulpn has -p

  std::vector<Row> rows;
  rows.reserve(tcp.size() + udp.size());
  // ss lists UDP before TCP (udp_show, then tcp_show).
  if (tool != ListingTool::SsTan)
    for (const ListedSocket& s : udp) rows.push_back(make_row(s, "udp", processes, listening));
  if (tool != ListingTool::SsUan)
    for (const ListedSocket& s : tcp) rows.push_back(make_row(s, "tcp", processes, listening));

  for (int i = 0; i < kCols; ++i) {
    if (cols[i].disabled) continue;
    int longest = static_cast<int>(std::strlen(cols[i].header));
    for (const Row& r : rows) longest = std::max(longest, length(r, i));
    cols[i].max_len = longest;
  }
  calc_width(cols, columns);

  int last_visible = -1;
  for (int i = 0; i < kExt; ++i)
    if (!cols[i].disabled) last_visible = i;
  const bool compact = columns <= 0;
  size_t line_width = 1;
  for (const Column& c : cols) line_width += static_cast<size_t>(c.width) + 1;
  std::string out;
  out.reserve(line_width * (rows.size() + 1));
  render_line(
      out, cols, last_visible, compact,
      [&](int i) { return static_cast<int>(std::strlen(cols[i].header)); },
      [&](int i) { out += cols[i].header; });
  for (const Row& r : rows)
    render_line(
        out, cols, last_visible, compact, [&](int i) { return length(r, i); },
        [&](int i) { emit(out, r, i); });
  return out;
}

}  // namespace portlab::host
