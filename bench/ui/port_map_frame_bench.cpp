// One frame of the Port Map widget, headless (an ImGui context with no
// renderer, as the view tests use), on a host with 30,000 sockets: (1) a
// frame with nothing changed, (2) a frame after one connect(), including
// the model update and the changed row's upload.
//
// Run: ./build/native/portlab_view_bench --benchmark_filter=PortMap
#include <benchmark/benchmark.h>

#include <imgui.h>

#include <cstring>
#include <vector>

#include "core/host/host.h"
#include "core/labs/port_map.h"
#include "ui/widgets/port_map.h"
#include "../busy_host.h"

namespace {

using portlab::host::Host;
using portlab::host::SocketId;
using portlab::net::Endpoint;
using portlab::net::Ipv4;
using portlab::net::Transport;

// Keeps the pixels, as a GPU texture would, so uploads cost a copy.
class CopyTextures final : public portlab::ui::Textures {
 public:
  ImTextureID create(int, int) override {
    pixels_.assign(256 * 256 * 4, 0);
    return reinterpret_cast<ImTextureID>(intptr_t{1});
  }
  void update_rows(ImTextureID, int first_row, int rows, const uint8_t* rgba) override {
    std::memcpy(&pixels_[static_cast<size_t>(first_row) * 1024], rgba,
                static_cast<size_t>(rows) * 1024);
  }
  void destroy(ImTextureID) override {}

 private:
  std::vector<uint8_t> pixels_;
};

struct Headless {
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.MousePos = ImVec2(200, 200);  // over the map: the hover tooltip is part of the frame
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~Headless() { ImGui::DestroyContext(); }
  template <typename Draw>
  void frame(Draw draw) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
    draw();
    ImGui::End();
    ImGui::Render();
  }
};

Host busy_host() { return portlab::bench::busy_linux_host(); }

void run(benchmark::State& state, bool change) {
  Headless imgui;
  CopyTextures textures;
  portlab::settings::Settings settings;
  portlab::ui::ViewContext ctx;
  ctx.settings = &settings;
  ctx.textures = &textures;
  Host h = busy_host();
  portlab::labs::PortMap map;
  map.update(h);
  portlab::ui::PortMapWidget widget;
  widget.init(ctx);
  imgui.frame([&] { widget.draw(map, h); });
  SocketId open{};
  for (auto _ : state) {
    if (change) {
      // Alternately open and close one connection: every frame changes a row.
      if (open.valid()) {
        h.close(open, false);
        open = SocketId{};
      } else {
        open = h.open(Transport::Tcp);
        h.connect(open, Endpoint{Ipv4{0xC6130001u}, 80});
      }
      map.update(h);
    }
    imgui.frame([&] { widget.draw(map, h); });
  }
  widget.discard();
}

void BM_PortMapFrameUnchanged(benchmark::State& state) { run(state, false); }
void BM_PortMapFrameAfterConnect(benchmark::State& state) { run(state, true); }
BENCHMARK(BM_PortMapFrameUnchanged)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PortMapFrameAfterConnect)->Unit(benchmark::kMicrosecond);

}  // namespace
