// Textures for headless view tests: no GPU, the pixels kept in memory so a
// test can check what a view drew into an image and how many rows it sent.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <vector>

#include "ui/textures.h"

namespace portlab::test {

class MemoryTextures final : public ui::Textures {
 public:
  struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
    int rows_uploaded = 0;  // over the image's life: tells whole-image uploads from partial ones
  };

  ImTextureID create(int width, int height) override {
    const intptr_t id = next_id_++;
    images_[id] = Image{width, height, std::vector<uint8_t>(static_cast<size_t>(width) * height * 4), 0};
    return reinterpret_cast<ImTextureID>(id);
  }
  void update_rows(ImTextureID texture, int first_row, int rows, const uint8_t* rgba) override {
    Image& image = images_.at(reinterpret_cast<intptr_t>(texture));
    const size_t row_bytes = static_cast<size_t>(image.width) * 4;
    std::memcpy(&image.rgba[static_cast<size_t>(first_row) * row_bytes], rgba, row_bytes * static_cast<size_t>(rows));
    image.rows_uploaded += rows;
  }
  void destroy(ImTextureID texture) override { images_.erase(reinterpret_cast<intptr_t>(texture)); }

  const Image* image(ImTextureID texture) const {
    auto it = images_.find(reinterpret_cast<intptr_t>(texture));
    return it == images_.end() ? nullptr : &it->second;
  }
  size_t count() const { return images_.size(); }

 private:
  intptr_t next_id_ = 1;
  std::map<intptr_t, Image> images_;
};

}  // namespace portlab::test
