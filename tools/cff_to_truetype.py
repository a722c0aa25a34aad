#!/usr/bin/python3
"""Rewrites a CFF-flavoured OpenType font (.otf) with TrueType outlines.

Dear ImGui rasterises with stb_truetype, which interprets every CFF glyph
program twice per size (once for the box, once for the outline) and
flattens cubic curves: for the five fonts PortLab builds at start-up that
was about 40 % of the atlas time. Quadratic TrueType outlines are read
directly. The curves are converted with fontTools' cu2qu to within one
font unit (1/2048 em for Inter), far below a pixel at any size PortLab draws.

    cff_to_truetype.py IN.otf OUT.ttf
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

MAX_ERROR_UNITS = 1.0


def convert(source, target):
    font = TTFont(source)
    if "CFF " not in font:
        sys.exit(f"cff_to_truetype: {source} has no CFF outlines")
    glyph_set = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # reverse_direction: CFF outlines wind counter-clockwise, TrueType clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR_UNITS, reverse_direction=True))
        glyphs[name] = pen.glyph()

    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["loca"] = newTable("loca")
    # maxp version 1.0 carries the TrueType limits; recalculated on save.
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: cff_to_truetype.py IN.otf OUT.ttf")
    convert(sys.argv[1], sys.argv[2])
