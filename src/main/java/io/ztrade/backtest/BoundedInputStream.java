package io.ztrade.backtest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A bars file's bytes, refused past {@code ztrade.backtest.max-csv-size}. */
final class BoundedInputStream extends FilterInputStream {
    private final long max;
    private final String file;
    private long read;

    BoundedInputStream(InputStream in, long max, String file) {
        super(in);
        this.max = max;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > max) {
            throw new IllegalArgumentException(file + " is larger than ztrade.backtest.max-csv-size (" + CsvHistory.size(max)
                    + "); backtest a shorter range or raise the limit");
        }
    }
}
