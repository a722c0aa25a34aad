// Images the UI draws itself (the Port Map's 256 x 256 grid), without the UI
// touching the graphics API: the app supplies an implementation over
// OpenGL ES / WebGL2, tests one that only keeps the pixels.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace portlab::ui {

class Textures {
 public:
  virtual ~Textures() = default;
  // A new RGBA8 texture of this size, initially transparent; 0 on failure.
  virtual ImTextureID create(int width, int height) = 0;
  // Replaces rows [first_row, first_row + rows) with `rgba` (width * rows * 4
  // bytes), so a change to a few ports uploads a few rows, not the image.
  virtual void update_rows(ImTextureID texture, int first_row, int rows, const uint8_t* rgba) = 0;
  virtual void destroy(ImTextureID texture) = 0;
};

}  // namespace portlab::ui
