package org.bianmin.device.transport;

/** A link that a simulator can pull out and plug back in, to exercise the "unplug and replug" fault. */
public interface Cable {
    void unplug();

    /** Plugs back in; may fail if the link cannot be rebuilt (socat missing). */
    void replug() throws TransportException;
}
