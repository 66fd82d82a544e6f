package org.bianmin.cache.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The event stream's line reader: SSE line ends, and a line that never ends is refused, not buffered. */
class EventStreamLinesTest {

    @Test
    void linesEndInLfCrlfOrCr() throws IOException {
        Reader in = new BufferedReader(new StringReader("event: catalogue\r\ndata: {}\rdata: x\n\nlast"));
        assertThat(EventStream.readLine(in)).isEqualTo("event: catalogue");
        assertThat(EventStream.readLine(in)).isEqualTo("data: {}");
        assertThat(EventStream.readLine(in)).isEqualTo("data: x");
        assertThat(EventStream.readLine(in)).isEmpty();
        assertThat(EventStream.readLine(in)).isEqualTo("last");
        assertThat(EventStream.readLine(in)).isNull();
    }

    @Test
    void aLineThatNeverEndsIsRefusedAfterTheLimit() {
        // An endless stream of 'x': the old reader (BufferedReader.readLine) buffered it until the heap ran out.
        Reader endless = new Reader() {
            long served;

            @Override
            public int read(char[] buf, int off, int len) {
                java.util.Arrays.fill(buf, off, off + len, 'x');
                served += len;
                return len;
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> EventStream.readLine(new BufferedReader(endless))).isInstanceOf(IOException.class)
                .hasMessageContaining("over " + EventStream.MAX_LINE_CHARS);
    }
}
