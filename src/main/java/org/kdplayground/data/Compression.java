package org.kdplayground.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Gzip detection shared by the readers: by the magic bytes, not the file name, so a misnamed file still reads. */
final class Compression {

    private Compression() {
    }

    /** Wraps {@code in} in a gunzip stream when it starts with the gzip magic bytes 1f 8b; buffers it either way. */
    static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        }
        return buffered;
    }
}
