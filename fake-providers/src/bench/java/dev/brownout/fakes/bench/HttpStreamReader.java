package dev.brownout.fakes.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Minimal HTTP/1.1 response reader over a raw socket: status line, headers, then a body either by
 * Content-Length or by chunked transfer coding. Hand-rolled because the stream benchmark needs each chunk's
 * arrival time, which a full HTTP client would hide behind its own buffering and threads.
 */
final class HttpStreamReader {

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    /** Whether the CRLF that ends the last chunk's data is still to be read. */
    private boolean chunkEndPending;

    HttpStreamReader(InputStream in) {
        this.in = in;
    }

    /** The response head; the status and the framing of the body that follows. */
    record Head(int status, long contentLength, boolean chunked, boolean close) {
    }

    Head readHead() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String line;
        while (!(line = readLine()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        return new Head(status, contentLength, chunked, close);
    }

    /**
     * Reads the next chunk of a chunked body into {@code target} and returns its length, growing nothing:
     * a chunk larger than {@code target} is an error. Returns -1 at the terminating zero-size chunk. It returns as
     * soon as the chunk's data is in, leaving the CRLF after it for the next call: Jetty sends that CRLF at the
     * head of its next write, so waiting for it here would date every chunk by the one after it.
     */
    int readChunk(byte[] target) throws IOException {
        if (chunkEndPending) {
            chunkEndPending = false;
            readLine();
        }
        String sizeLine = readLine();
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
        if (size == 0) {
            while (!readLine().isEmpty()) {
                // Trailer fields are not used.
            }
            return -1;
        }
        if (size > target.length) {
            throw new IOException("chunk of " + size + " bytes exceeds the " + target.length + "-byte buffer");
        }
        readFully(target, size);
        chunkEndPending = true;
        return size;
    }

    void skip(long length) throws IOException {
        long left = length;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    private void readFully(byte[] target, int length) throws IOException {
        int copied = 0;
        while (copied < length) {
            if (position == limit) {
                fill();
            }
            int step = Math.min(length - copied, limit - position);
            System.arraycopy(buffer, position, target, copied, step);
            position += step;
            copied += step;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(32);
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xff));
        }
    }

    private void fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            throw new EOFException("connection closed by the server");
        }
        position = 0;
        limit = read;
    }

    /** How often {@code pattern} occurs in the first {@code length} bytes of {@code data}. */
    static int count(byte[] data, int length, byte[] pattern) {
        int found = 0;
        outer:
        for (int i = 0; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            found++;
            i += pattern.length - 1;
        }
        return found;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
