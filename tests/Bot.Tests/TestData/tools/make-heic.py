#!/usr/bin/env python3
"""Makes TestData/portrait-astronaut-2x.heic: what an iPhone sends as a file (HEIC, HEVC inside).

Magick.NET reads HEIC but cannot write it, so the file is made once with the system's libheif (which links the x265
encoder) and committed; tests only read it. Input: the raw 8-bit RGB of portrait-astronaut.png enlarged 2x (1024 x 1024),
e.g. from ImageMagick: `magick portrait-astronaut.png -background white -alpha remove -resize 200% rgb:portrait.rgb`.
Usage: make-heic.py portrait.rgb out.heic
"""
import ctypes
import sys

WIDTH = HEIGHT = 1024
HEVC, RGB, INTERLEAVED_RGB, INTERLEAVED_CHANNEL = 1, 1, 10, 10  # libheif enum values


class HeifError(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("subcode", ctypes.c_int), ("message", ctypes.c_char_p)]


def check(error, what):
    if error.code != 0:
        raise SystemExit(f"{what}: {error.code}/{error.subcode} {error.message}")


def main(raw_path, out_path):
    lib = ctypes.CDLL("libheif.so.1")
    for name in ["heif_context_get_encoder_for_format", "heif_image_create", "heif_image_add_plane",
                 "heif_context_encode_image", "heif_context_write_to_file", "heif_encoder_set_lossy_quality"]:
        getattr(lib, name).restype = HeifError
    lib.heif_context_alloc.restype = ctypes.c_void_p
    lib.heif_image_get_plane.restype = ctypes.POINTER(ctypes.c_uint8)

    raw = open(raw_path, "rb").read()
    context = ctypes.c_void_p(lib.heif_context_alloc())
    encoder = ctypes.c_void_p()
    check(lib.heif_context_get_encoder_for_format(context, HEVC, ctypes.byref(encoder)), "encoder")
    check(lib.heif_encoder_set_lossy_quality(encoder, 60), "quality")
    image = ctypes.c_void_p()
    check(lib.heif_image_create(WIDTH, HEIGHT, RGB, INTERLEAVED_RGB, ctypes.byref(image)), "image")
    check(lib.heif_image_add_plane(image, INTERLEAVED_CHANNEL, WIDTH, HEIGHT, 8), "plane")
    stride = ctypes.c_int()
    plane = lib.heif_image_get_plane(image, INTERLEAVED_CHANNEL, ctypes.byref(stride))
    for y in range(HEIGHT):
        ctypes.memmove(ctypes.addressof(plane.contents) + y * stride.value, raw[y * WIDTH * 3:(y + 1) * WIDTH * 3], WIDTH * 3)
    handle = ctypes.c_void_p()
    check(lib.heif_context_encode_image(context, image, encoder, None, ctypes.byref(handle)), "encode")
    check(lib.heif_context_write_to_file(context, out_path.encode()), "write")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
