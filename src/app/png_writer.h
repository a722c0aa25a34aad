// Writes an RGBA image as a PNG file, for screenshots of the native window.
// Uncompressed (stored deflate blocks): screenshots are test artifacts, and
// this keeps the app free of an image library.
#pragma once

#include <string>
#include <vector>

namespace portlab::app {

// `rgba` holds width*height*4 bytes, rows top to bottom.
bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace portlab::app
