package org.bianmin.device.a4;

/**
 * The kiosk's A4 printer. {@link IppPrinter} is the one driver (every current laser printer and CUPS speak IPP);
 * {@link org.bianmin.device.a4.virtual.VirtualIppPrinter} is the simulated printer at the far end of the wire.
 */
public interface A4Printer extends AutoCloseable {

    /** Asks the printer for its state (one IPP call, bounded by its timeout) and reports it to the status model. */
    A4Status status() throws IppException;

    /** Prints a job at most once: a job the journal knows is followed or reported, never sent again. */
    A4Outcome print(A4Job job) throws java.io.IOException;

    /** Sends a job again because a person decided to (it failed, was lost, or a second copy was asked for). */
    A4Outcome reprint(A4Job job) throws java.io.IOException;

    @Override
    void close();
}
