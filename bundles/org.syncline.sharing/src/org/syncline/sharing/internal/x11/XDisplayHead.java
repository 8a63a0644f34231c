package org.syncline.sharing.internal.x11;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The public head of Xlib's {@code Display} up to {@code resource_mask} (Xlib.h's {@code _XPrivDisplay}: private3
 * is the connection's resource base, private4 its resource mask). The mask tells which bits of an XID name the
 * client that created a resource, so windows of the same application can be recognised.
 */
@Structure.FieldOrder({ "ext_data", "private1", "fd", "private2", "proto_major_version", "proto_minor_version",
        "vendor", "private3", "private4" })
public class XDisplayHead extends Structure {
    public Pointer ext_data;
    public Pointer private1;
    public int fd;
    public int private2;
    public int proto_major_version;
    public int proto_minor_version;
    public Pointer vendor;
    public NativeLong private3;
    public NativeLong private4;

    XDisplayHead(Pointer display) {
        super(display);
        read();
    }
}
