// Physical keys by their USB HID usage id (the numbering SDL calls scancodes
// and ImGui 1.86's backend uses as key index). Naming them here keeps views
// free of SDL while tests can press the same keys the platform reports.
#pragma once

namespace portlab::ui::keys {

constexpr int kP = 19;
constexpr int kNum0 = 39;
constexpr int kEnter = 40;
constexpr int kEscape = 41;
constexpr int kTab = 43;
constexpr int kSpace = 44;
constexpr int kMinus = 45;
constexpr int kEqual = 46;
constexpr int kHome = 74;
constexpr int kPageUp = 75;
constexpr int kEnd = 77;
constexpr int kPageDown = 78;
constexpr int kRight = 79;
constexpr int kLeft = 80;
constexpr int kDown = 81;
constexpr int kUp = 82;
constexpr int kKeypadMinus = 86;
constexpr int kKeypadPlus = 87;
constexpr int kKeypad0 = 98;

}  // namespace portlab::ui::keys
