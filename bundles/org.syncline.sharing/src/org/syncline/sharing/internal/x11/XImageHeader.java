package org.syncline.sharing.internal.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/** The leading fields of Xlib's {@code XImage}, enough to read the pixels of a ZPixmap image. */
@Structure.FieldOrder({ "width", "height", "xoffset", "format", "data", "byte_order", "bitmap_unit",
        "bitmap_bit_order", "bitmap_pad", "depth", "bytes_per_line", "bits_per_pixel", "red_mask", "green_mask",
        "blue_mask" })
public class XImageHeader extends Structure {
    public int width;
    public int height;
    public int xoffset;
    public int format;
    public Pointer data;
    public int byte_order;
    public int bitmap_unit;
    public int bitmap_bit_order;
    public int bitmap_pad;
    public int depth;
    public int bytes_per_line;
    public int bits_per_pixel;
    public NativeLong red_mask;
    public NativeLong green_mask;
    public NativeLong blue_mask;

    XImageHeader(Pointer image) {
        super(image);
        read();
    }
}
